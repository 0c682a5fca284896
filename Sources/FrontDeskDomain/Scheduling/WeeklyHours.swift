/// Hours per weekday as half-open local time ranges: a counselor's working hours or the center's
/// opening hours. Breaks are the gaps between ranges (`09:00–12:30`, `13:30–17:00`: lunch 12:30–13:30).
///
/// Ranges of a day are kept sorted; overlapping or touching ranges are merged when built, so
/// `ranges(on:)` never returns two ranges that overlap or touch.
public struct WeeklyHours: Hashable, Sendable, Codable {
    /// Seven lists, index 0 = Monday … 6 = Sunday (ISO order).
    private var days: [[TimeRange]]

    /// Hours from a table weekday → ranges; weekdays missing from the table have none.
    public init(_ table: [Weekday: [TimeRange]] = [:]) {
        days = Weekday.allCases.map { Self.normalized(table[$0] ?? []) }
    }

    /// The same ranges on each of `weekdays` (none on the others).
    public init(_ weekdays: [Weekday], _ ranges: [TimeRange]) {
        self.init(Dictionary(uniqueKeysWithValues: Set(weekdays).map { ($0, ranges) }))
    }

    /// No hours on any day.
    public static let none = WeeklyHours()

    /// The ranges of a weekday, sorted, disjoint and not touching.
    public func ranges(on weekday: Weekday) -> [TimeRange] { days[weekday.rawValue - 1] }

    /// Replaces one weekday's ranges (normalized as in `init`).
    public mutating func set(_ ranges: [TimeRange], on weekday: Weekday) {
        days[weekday.rawValue - 1] = Self.normalized(ranges)
    }

    /// Weekdays with at least one range.
    public var workingDays: [Weekday] { Weekday.allCases.filter { !ranges(on: $0).isEmpty } }

    /// True when some range of `weekday` contains the local range `[range.start, range.end)`.
    public func covers(_ range: TimeRange, on weekday: Weekday) -> Bool {
        ranges(on: weekday).contains { $0.start <= range.start && range.end <= $0.end }
    }

    static func normalized(_ ranges: [TimeRange]) -> [TimeRange] {
        var out: [TimeRange] = []
        for r in ranges.sorted() {
            if let last = out.last, r.start <= last.end {
                out[out.count - 1] = TimeRange(last.start, max(last.end, r.end))! // safe: start < end
            } else {
                out.append(r)
            }
        }
        return out
    }

    private enum CodingKeys: String, CodingKey { case days }

    /// Encoded as `{"days": [[ranges of Monday], …, [ranges of Sunday]]}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let raw = try c.decode([[TimeRange]].self, forKey: .days)
        guard raw.count == 7 else {
            throw DecodingError.dataCorruptedError(forKey: .days, in: c, debugDescription: "expected 7 weekdays, got \(raw.count)")
        }
        days = raw.map(Self.normalized)
    }
}
