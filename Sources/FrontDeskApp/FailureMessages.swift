import Foundation
import FrontDeskDomain
import FrontDeskUI

/// Any error an effect can throw, sorted once: the one place where errors become what the
/// screens show. Every handler maps its errors through `init(_:)` and `FailureMessages`.
public enum EffectFailure: Equatable, Sendable {
    case queue(QueueError)
    case validation(VisitorValidationError)
    case booking(BookingError)
    case scheduling(SchedulingError)
    case signIn(SignInError)
    /// A program refused for a booking or a check-in (`Program.covers`), or not in the catalog.
    case program(ProgramError)
    /// The database file is damaged: nothing more is written to it (`StoreError.damaged`).
    case damaged
    /// The disk is full: nothing was saved (`StoreError.diskFull`).
    case diskFull
    /// Another store problem, worded in the interface language (`Localizer.message(for:)`).
    case store(StoreError)
    /// Already phrased for the desk (`AccessError`, `StaffError`).
    case phrased(String)
    /// Anything else (an I/O or SQL failure): a general message, never its text.
    case unknown

    /// Sorts a thrown error.
    public init(_ error: any Error) {
        switch error {
        case let e as QueueError: self = .queue(e)
        case let e as VisitorValidationError: self = .validation(e)
        case let e as BookingError: self = .booking(e)
        case let e as SchedulingError: self = .scheduling(e)
        case let e as SignInError: self = .signIn(e)
        case let e as ProgramError: self = .program(e)
        case StoreError.damaged: self = .damaged
        case StoreError.diskFull: self = .diskFull
        case StoreError.unexpected: self = .unknown
        case let e as StoreError: self = .store(e)
        case let e as AccessError: self = .phrased(e.description)
        case let e as StaffError: self = .phrased(e.description)
        default: self = .unknown
        }
    }
}

extension EffectFailure {
    /// The kind of failure, for the log (no text that could hold a name).
    public var logName: String {
        switch self {
        case .queue: "queue"
        case .validation: "validation"
        case .booking: "booking"
        case .scheduling: "scheduling"
        case .signIn: "sign-in"
        case .program: "program"
        case .damaged: "damaged"
        case .diskFull: "disk-full"
        case .store: "store"
        case .phrased: "refused"
        case .unknown: "unexpected"
        }
    }
}

/// Words an `EffectFailure` in the interface language, in the shape each screen receives.
public struct FailureMessages: Sendable {
    public let strings: Localizer
    /// Times in messages (a conflicting booking) are this calendar's wall-clock times.
    public let calendar: CenterCalendar

    /// The store's reading of its own failures (a damaged file, a full disk), applied to
    /// every error before it is worded.
    public let recognize: @Sendable (any Error) -> any Error
    /// Told of every failure that is the system's, not the person's (a damaged file, a full
    /// disk, an unexpected error): the log for IT. Called with the error as thrown.
    public let report: @Sendable (any Error, EffectFailure) -> Void

    public init(strings: Localizer, calendar: CenterCalendar, recognize: @escaping @Sendable (any Error) -> any Error = { $0 },
                report: @escaping @Sendable (any Error, EffectFailure) -> Void = { _, _ in }) {
        self.strings = strings
        self.calendar = calendar
        self.recognize = recognize
        self.report = report
    }

    /// The failure as the screens word it, reported first when it is the system's.
    private func sorted(_ error: any Error) -> EffectFailure {
        let failure = EffectFailure(recognize(error))
        switch failure {
        case .damaged, .diskFull, .unknown, .store: report(error, failure)
        default: break
        }
        return failure
    }

    /// One line of text for a notice.
    public func text(_ failure: EffectFailure) -> String {
        switch failure {
        case .queue(let e): strings.message(for: e)
        case .validation(let e): strings.message(for: e)
        case .booking(let e): strings.message(for: e, calendar: calendar)
        case .scheduling(let e): strings.message(for: e)
        case .signIn(let e): e.description
        case .program(let e): strings.message(for: e)
        case .damaged: strings("error.damaged")
        case .diskFull: strings("error.diskFull")
        case .store(let e): strings.message(for: e)
        case .phrased(let text): text
        case .unknown: strings("error.store")
        }
    }

    /// One line of text for a thrown error.
    public func text(_ error: any Error) -> String { text(sorted(error)) }

    /// What the booking, schedule and admin screens receive (they word booking and scheduling
    /// errors themselves).
    public func scheduling(_ error: any Error) -> SchedulingFailure {
        switch sorted(error) {
        case .booking(let e): .booking(e)
        case .scheduling(let e): .scheduling(e)
        case let other: .store(text(other))
        }
    }

    /// What the reception screen receives (it words queue and validation errors itself).
    public func reception(_ error: any Error) -> ReceptionScreen.Failure {
        switch sorted(error) {
        case .queue(let e): .queue(e)
        case .validation(let e): .validation(e)
        case let other: .store(text(other))
        }
    }

    /// What the sign-in screen receives: a refusal it words itself, or a message.
    public func signIn(_ error: any Error) -> SignInScreen.Event {
        switch sorted(error) {
        case .signIn(let e): .refused(e)
        case let other: .failed(text(other))
        }
    }
}
