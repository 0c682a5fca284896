import Foundation

/// Weekly hours as typed on the command line and shown in listings:
/// `mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00`.
///
/// Segments are separated by `;`. Each is a day list (`mon`, `mon-fri`, `mon,wed,fri`, English
/// three-letter names, ranges in ISO order) then, after spaces, comma-separated `HH:MM-HH:MM`
/// ranges. `none` (or an empty text) is no hours. A day named twice gets the ranges of both.
extension WeeklyHours {
    /// Parses the text form; nil when malformed.
    public init?(spec text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.lowercased() == "none" {
            self = .none
            return
        }
        var table: [Weekday: [TimeRange]] = [:]
        for segment in trimmed.split(separator: ";") {
            let parts = segment.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, let days = Self.days(String(parts[0])) else { return nil }
            var ranges: [TimeRange] = []
            for r in parts.dropFirst().joined().split(separator: ",") {
                guard let range = TimeRange(String(r)) else { return nil }
                ranges.append(range)
            }
            for d in days { table[d, default: []] += ranges }
        }
        self.init(table)
    }

    /// The text form, consecutive days with the same ranges grouped: `mon-fri 09:00-12:30,13:30-17:00`;
    /// `none` when there are no hours. `WeeklyHours(spec: h.spec) == h`.
    public var spec: String {
        var segments: [String] = []
        var i = 0
        let all = Weekday.allCases
        while i < all.count {
            let ranges = self.ranges(on: all[i])
            var j = i
            while j + 1 < all.count && self.ranges(on: all[j + 1]) == ranges { j += 1 }
            if !ranges.isEmpty {
                let days = i == j ? Self.shortName(all[i]) : "\(Self.shortName(all[i]))-\(Self.shortName(all[j]))"
                segments.append(days + " " + ranges.map { "\($0.start)-\($0.end)" }.joined(separator: ","))
            }
            i = j + 1
        }
        return segments.isEmpty ? "none" : segments.joined(separator: "; ")
    }

    /// `mon` … `sun`.
    public static func shortName(_ day: Weekday) -> String { String(day.description.prefix(3)) }

    private static func day(_ text: Substring) -> Weekday? {
        Weekday.allCases.first { shortName($0) == text.lowercased() || $0.description == text.lowercased() }
    }

    private static func days(_ text: String) -> [Weekday]? {
        var out: [Weekday] = []
        for item in text.split(separator: ",") {
            let ends = item.split(separator: "-")
            if ends.count == 1, let d = day(ends[0]) {
                out.append(d)
            } else if ends.count == 2, let a = day(ends[0]), let b = day(ends[1]), a <= b {
                out += Weekday.allCases.filter { a <= $0 && $0 <= b }
            } else {
                return nil
            }
        }
        return out.isEmpty ? nil : out
    }
}
