import Foundation
import FrontDeskDomain
import FrontDeskUI
import Logging
import SystemPackage

/// What every effect handler is given: the store (as the repository protocols), the clock, this
/// terminal's identity and the strings its messages are worded in. Fixed for the life of the
/// program; who is signed in comes with each effect (`Session`).
public struct EffectContext: Sendable {
    /// The store. Only the protocols: any store that implements them (and their access rules) will do.
    public let store: any FrontDeskRepository
    /// Where "now" comes from (UTC instants).
    public let clock: AppClock
    /// This terminal: the desk name (on called tickets, and the actor while nobody is signed in)
    /// and the tty (in every audit row written from here).
    public let terminal: Actor
    /// The interface language, for failure messages.
    public let strings: Localizer
    /// The log for IT: failures that are the system's, with their detail (never personal data).
    public let logger: Logger
    /// Where the reports screen writes its exports (`defaultExportFolder`).
    public let exportFolder: String

    public init(store: any FrontDeskRepository, clock: AppClock = .system, terminal: Actor, strings: Localizer,
                logger: Logger = Logger(label: "frontdesk.tui"), exportFolder: String? = nil) {
        self.store = store
        self.clock = clock
        self.terminal = terminal
        self.strings = strings
        self.logger = logger
        self.exportFolder = exportFolder ?? Self.defaultExportFolder(environment: ProcessInfo.processInfo.environment)
    }

    /// `FRONTDESK_EXPORT_DIR`, else `$HOME/frontdesk-exports` (made 0700 at the first export).
    public static func defaultExportFolder(environment: [String: String]) -> String {
        if let folder = environment["FRONTDESK_EXPORT_DIR"], !folder.isEmpty { return folder }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return FilePath(home).appending("frontdesk-exports").string
    }

    /// The center's calendar (time zone): local days and wall-clock times are counted in it.
    public var calendar: CenterCalendar { store.calendar }

    /// Words failures in `strings`, times in `calendar`.
    public var failures: FailureMessages {
        let store = store
        let logger = logger
        return FailureMessages(strings: strings, calendar: calendar, recognize: store.recognizedFailure) { error, failure in
            logger.error("the screen showed a failure", metadata: ["failure": "\(failure.logName)", "detail": "\(store.failureDetail(error))"])
        }
    }
}

/// Who is signed in at this terminal when an effect is performed, read from the app state
/// (`AppScreen.State.session`), never kept apart from it.
public struct Session: Hashable, Sendable {
    /// The signed-in member; nil while the sign-in screen is shown.
    public var member: StaffMember?

    public init(member: StaffMember?) { self.member = member }

    /// The session of the app state.
    public init(_ state: AppScreen.State) { self.init(member: state.session) }

    /// Who reads: the member's role (`Permissions`); nil while signed out.
    public var viewer: Viewer? { member?.viewer }

    /// Who acts, for the audit trail: the member's name at this terminal's tty; the terminal's
    /// own name while nobody is signed in.
    public func actor(at terminal: Actor) -> Actor {
        Actor(name: member?.name ?? terminal.name, terminal: terminal.terminal)
    }

    /// The member's viewer, required by every effect of a screen behind the sign-in.
    /// - Throws: `AccessError.notAllowed` when nobody is signed in: an effect left over from
    ///   before a lock reads and writes nothing.
    public func requireViewer() throws -> Viewer {
        guard let viewer else { throw AccessError.notAllowed("signed out") }
        return viewer
    }
}
