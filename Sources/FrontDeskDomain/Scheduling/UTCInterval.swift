import Foundation

/// A half-open interval of UTC instants, `[start, end)`.
///
/// Back-to-back intervals (`[10:00, 10:45)` and `[10:45, 11:30)`) do not overlap. An interval
/// with `start >= end` is *empty*: it overlaps nothing and is refused as a booking
/// (`BookingError.emptyInterval`). Unlike `Range<Date>` it can hold a reversed pair, so a bad
/// row or a bad request is reported instead of trapping.
public struct UTCInterval: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// `[start, start + minutes)`: elapsed minutes, whatever the wall clock does meanwhile.
    public init(start: Date, minutes: Int) {
        self.init(start: start, end: start.addingTimeInterval(TimeInterval(minutes * 60)))
    }

    /// True when `start >= end`.
    public var isEmpty: Bool { start >= end }

    /// Elapsed seconds, `end − start` (negative when reversed).
    public var seconds: TimeInterval { end.timeIntervalSince(start) }

    /// True when both are non-empty and share an instant: `a.start < b.end && b.start < a.end`.
    public func overlaps(_ other: UTCInterval) -> Bool {
        !isEmpty && !other.isEmpty && start < other.end && other.start < end
    }

    /// True when `other` lies within `self` (`start <= other.start && other.end <= end`).
    public func contains(_ other: UTCInterval) -> Bool {
        start <= other.start && other.end <= end
    }

    /// True when the instant lies in `[start, end)`.
    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }

    /// ISO 8601 UTC, `2026-04-14T09:00:00Z/2026-04-14T09:45:00Z`.
    public var description: String { "\(ICalendarWriter.isoUTC(start))/\(ICalendarWriter.isoUTC(end))" }
}
