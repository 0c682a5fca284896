import Foundation

/// Where the app reads the time: the system clock in production, a fixed or stepped instant in
/// tests. Handlers and the loop never read the clock any other way.
public struct AppClock: Sendable {
    /// The current instant (UTC).
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The system's clock: the one place in FrontDeskApp that reads it.
    public static let system = AppClock { Date() }

    /// A clock that starts at `instant` (UTC) and runs from there at the system clock's pace:
    /// the TUI under `FRONTDESK_NOW`, so that an end-to-end test sees the same day whenever it
    /// runs (a slot booked "now" can be marked arrived, whatever the hour of the run).
    public static func starting(at instant: Date) -> AppClock {
        let start = Date()
        return AppClock { instant.addingTimeInterval(Date().timeIntervalSince(start)) }
    }

    /// A clock stopped at `instant` (UTC).
    public static func fixed(_ instant: Date) -> AppClock { AppClock { instant } }
}
