import ArgumentParser
import CursesBackend
import Foundation
import FrontDeskApp
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI
import Logging
import TerminalKit

/// `frontdesk` (or `frontdesk tui`): the full-screen reception desk.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Open the full-screen desk: reception, booking, schedule, admin, occupancy, reports (the default).")

    @OptionGroup var common: CommonOptions

    @Option(help: "The screen to open: reception (default), booking, schedule, admin, occupancy or reports.")
    var screen: ScreenOption?

    @Option(help: "The name of this desk, shown on called tickets and the board (default: $FRONTDESK_DESK, else the name asked at the first start and remembered in ~/.config/frontdesk/desk).")
    var desk: String?

    @Flag(help: "Kiosk mode: lock to the sign-in screen after idle time; quitting needs a coordinator's or admin's PIN.")
    var kiosk = false

    @Option(help: ArgumentHelp("Minutes without a key before a session locks: a kiosk's (default 5); at a desk, a receptionist's (default 2, the admin's desk lock time) and any other role's (default 15).",
                               valueName: "minutes"))
    var idleMinutes: Double?

    /// Test and operations knob: the idle time in seconds, overriding --idle-minutes.
    @Option(help: .hidden)
    var idleSeconds: Double?

    func validate() throws {
        if let idleSeconds, idleSeconds <= 0 { throw ValidationError(key: "cli.tui.positive", "--idle-seconds") }
        if let idleMinutes, idleMinutes <= 0 { throw ValidationError(key: "cli.tui.positive", "--idle-minutes") }
    }

    func run() throws {
        // Everything that can fail with a message is checked before the terminal changes mode.
        let strings = try ShippedData.strings(common.language)
        do {
            try CursesTerminal.checkEnvironment(ProcessInfo.processInfo.environment)
        } catch {
            throw UserError(Self.message(for: error, strings))
        }
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw UserError(key: "cli.tui.needsTerminal")
        }
        let reference = try ShippedData.reference()
        let calendar = try common.calendar()
        let db = try common.openDatabase()
        if try storeCall({ try db.services() }).isEmpty {
            try storeCall { try db.loadCatalog(try ShippedData.services(), by: currentActor(), at: Date()) }
        }
        // The terminal, as the audit trail names it: the desk name and the tty.
        var actor = currentActor()
        let file = DeskNameFile.standard()
        actor.name = try configuredDeskName(option: desk, file: file) ?? Self.askDeskName(strings: strings, file: file)
        actor.terminal = actor.name == actor.terminal ? actor.terminal : "\(actor.name) \(actor.terminal)"
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw UserError(Self.message(for: error, strings))
        }
        defer { terminal.stop() }
        // `FRONTDESK_NOW` sets the first instant (tests, demonstrations); time runs on from it.
        let clock = ProcessInfo.processInfo.environment["FRONTDESK_NOW"].map { _ in AppClock.starting(at: (try? clockNow()) ?? Date()) } ?? .system
        var state = AppScreen.State(strings: strings, calendar: calendar, reference: reference, deskName: actor.name, size: terminal.size,
                                    now: clock.now(), kiosk: kiosk ? KioskSettings(idleSeconds: idleSeconds ?? (idleMinutes ?? 5) * 60) : nil)
        // The admin's desk lock time (`settings set --desk-lock-minutes`), unless this terminal overrides it.
        let deskLock = (try? db.centerSettings().deskLockMinutes).map { TimeInterval($0 * 60) } ?? AppScreen.defaultReceptionIdleSeconds
        state.receptionIdleSeconds = idleSeconds ?? idleMinutes.map { $0 * 60 } ?? deskLock
        state.staffIdleSeconds = idleSeconds ?? idleMinutes.map { $0 * 60 } ?? AppScreen.defaultStaffIdleSeconds
        state.preferredScreen = screen?.kind
        let logger = Logger(label: "frontdesk.tui")
        logger.info("desk session started", metadata: [
            "terminal": "\(actor.terminal)", "database": "\(common.databasePath)", "kiosk": "\(kiosk)",
            "version": "\(FrontDeskCommand.configuration.version)", "zone-rules": "\(calendar.zone.source)",
        ])
        // Every page checked once per desk session, in the background at low priority: damage on
        // pages no screen has read yet is found, the file marked, and every later write refused.
        Self.checkInBackground(db, logger: logger)
        let context = EffectContext(store: db, clock: clock, terminal: actor, strings: strings, logger: logger)
        AppLoop(state: state, context: context, terminal: terminal).run()
        logger.info("desk session ended", metadata: ["terminal": "\(actor.terminal)"])
    }
}

extension TUICommand {
    /// Runs `AppDatabase.checkIntegrity()` on a background thread of low priority; a damaged
    /// file is marked (`DatabaseHealth`) and logged. Set `FRONTDESK_NO_BACKGROUND_CHECK=1` to
    /// skip it (a very large file on a slow disk).
    static func checkInBackground(_ db: AppDatabase, logger: Logger) {
        guard ProcessInfo.processInfo.environment["FRONTDESK_NO_BACKGROUND_CHECK"] != "1" else { return }
        let thread = Thread {
            let started = Date()
            do {
                if let problem = try db.checkIntegrity() {
                    logger.critical("database damaged", metadata: ["database": "\(db.path ?? "-")", "problem": "\(problem)"])
                } else {
                    logger.info("database checked", metadata: ["seconds": "\(Int(Date().timeIntervalSince(started)))"])
                }
            } catch {
                logger.error("database check failed", metadata: ["detail": "\(db.failureDetail(error))"])
            }
        }
        thread.qualityOfService = .background
        thread.start()
    }

    /// Why the terminal cannot host the full screen, in the interface's language.
    static func message(for error: CursesStartError, _ strings: Localizer) -> String {
        switch error {
        case .localeMissing(let locale): strings("cli.tui.localeMissing", DisplayText.sanitized(locale))
        case .localeNotUTF8(let locale): strings("cli.tui.localeNotUTF8", DisplayText.sanitized(locale))
        case .termUnset: strings("cli.tui.termUnset")
        case .unknownTerm(let term): strings("cli.tui.unknownTerm", DisplayText.sanitized(term))
        }
    }

    /// Asks this terminal's desk name on the terminal (before the full screen starts), in the
    /// interface's language, until a valid name is typed, and remembers it in `file`; a name
    /// that cannot be remembered is still used, with a warning.
    /// - Throws: `UserError` at the end of input (no name typed).
    static func askDeskName(strings: Localizer, file: DeskNameFile?) throws -> String {
        let out = FileHandle.standardOutput
        out.write(Data((strings("desk.intro") + "\n").utf8))
        while true {
            out.write(Data(strings("desk.ask").utf8))
            guard let line = readLine() else { throw UserError(key: "cli.tui.noDeskName") }
            let name: String
            do {
                name = try DeskName.normalized(line)
            } catch {
                let message = switch error {
                case .empty: strings("desk.empty")
                case .tooLong(let max): strings("desk.tooLong", max)
                case .invalid: strings("desk.invalid")
                }
                out.write(Data((message + "\n").utf8))
                continue
            }
            do {
                try file?.write(name)
            } catch {
                let message = (error as? UserError)?.message(in: strings) ?? strings("cli.desk.notRemembered")
                FrontDeskCommand.writeError("frontdesk: \(message)")
            }
            return name
        }
    }
}

/// `--screen`: which screen the TUI opens on.
enum ScreenOption: String, ExpressibleByArgument, CaseIterable {
    case reception, booking, schedule, admin, occupancy, reports
    var kind: AppScreenKind { AppScreenKind(rawValue: rawValue) ?? .reception }
}
