import Foundation

/// A weekly series: the same local wall-clock time on the same weekday every week, from
/// `start` until `until` (inclusive).
///
/// Occurrences keep the wall-clock time across clock changes, so their UTC instants move with
/// the zone's offset (a Monday 10:00 series in `Africa/Casablanca` is 09:00Z before 2026-02-15,
/// 10:00Z until 2026-03-22, 09:00Z after). Dates are stepped by 7 calendar days.
public struct WeeklyRecurrence: Hashable, Sendable, Codable {
    /// The first occurrence, center-local.
    public var start: LocalDateTime
    /// The last day an occurrence may fall on.
    public var until: LocalDate

    public init(start: LocalDateTime, until: LocalDate) {
        self.start = start
        self.until = until
    }

    /// The local dates of the series: `start.date`, +7 days, … while ≤ `until`.
    public var dates: [LocalDate] {
        guard start.date <= until else { return [] }
        return stride(from: 0, through: start.date.days(to: until), by: 7).map { start.date.adding(days: $0) }
    }

    /// Every occurrence in order, scheduled or skipped with its reason.
    ///
    /// - Parameters:
    ///   - durationMinutes: elapsed length of each occurrence.
    ///   - closures: an occurrence on a whole-center closure, or a closure of `roomId`, is skipped.
    ///   - roomId: the series' room, for room closures; nil checks whole-center closures only.
    /// Each scheduled occurrence can then be checked with
    /// `BookingRules.problems(for: request.moved(to: interval), in: context)`.
    public func occurrences(durationMinutes: Int, calendar: CenterCalendar, closures: [Closure] = [],
                            roomId: Int64? = nil) -> [Occurrence] {
        dates.map { date in
            if let closure = closures.first(where: { $0.covers(date) && (roomId.map($0.applies(toRoom:)) ?? $0.isCenterWide) }) {
                return Occurrence(date: date, outcome: .skipped(.closed(closure)))
            }
            do throws(LocalTimeError) {
                let begin = try calendar.instant(date, start.time)
                return Occurrence(date: date, outcome: .scheduled(UTCInterval(start: begin, minutes: durationMinutes)))
            } catch {
                return Occurrence(date: date, outcome: .skipped(.timeDoesNotExist(error)))
            }
        }
    }

    /// One date of the series.
    public struct Occurrence: Hashable, Sendable {
        public var date: LocalDate
        public var outcome: Outcome

        /// The UTC interval when scheduled, else nil.
        public var interval: UTCInterval? {
            if case .scheduled(let i) = outcome { return i }
            return nil
        }
    }

    public enum Outcome: Hashable, Sendable {
        case scheduled(UTCInterval)
        case skipped(SkipReason)
    }

    public enum SkipReason: Hashable, Sendable {
        /// The center or the series' room is closed that day.
        case closed(Closure)
        /// The wall-clock time is skipped by a clock change that day.
        case timeDoesNotExist(LocalTimeError)
    }
}
