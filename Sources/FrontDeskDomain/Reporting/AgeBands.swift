import Foundation

/// A person's age in whole years on a center-local day, by the calendar.
///
/// With a full birth date, the age goes up on the birthday; a person born 29 February is a year
/// older on 1 March in common years (their birthday has not come on 28 February: the usual
/// legal reading, as in French and Moroccan civil law). With a birth year only, the age is the
/// one reached during the day's year (as if born 1 January: the convention UNHCR's registration
/// uses for an unknown day). Nil when nothing is known or the day comes before the birth.
public enum Age {
    /// - Parameters: birthYear: the year, when known; birthDate: the full date, when known (its
    ///   year is `birthYear`); day: the center-local day of the service.
    public static func years(birthYear: Int?, birthDate: LocalDate?, on day: LocalDate) -> Int? {
        if let birthDate {
            let before = (day.month, day.day) < (birthDate.month, birthDate.day)
            let age = day.year - birthDate.year - (before ? 1 : 0)
            return age >= 0 ? age : nil
        }
        guard let birthYear, birthYear <= day.year else { return nil }
        return day.year - birthYear
    }
}

/// The age bands of a report: consecutive ranges of whole years from 0, the last open-ended.
/// The default is the one UNHCR, IOM, the EU and GIZ ask for (0–4, 5–11, 12–17, 18–24, 25–59,
/// 60+); a center sets its own (`frontdesk settings set --age-bands`), a report may use others
/// (`report --age-bands`). A service is placed by the visitor's age on its day (`Age.years`);
/// a unique visitor by their age at their first service in the period.
public struct AgeBands: Hashable, Sendable, CustomStringConvertible {
    /// The first age of each band, strictly increasing, from 0.
    public let lowerBounds: [Int]

    /// The key of visitors whose age is not known (no birth year).
    public static let unknownKey = "unknown"
    /// 0–4, 5–11, 12–17, 18–24 (youth, asked apart by UNHCR and the EU), 25–59, 60+.
    public static let standard = AgeBands(checked: [0, 5, 12, 18, 25, 60])
    /// The oldest first age a band may have.
    public static let maximumAge = 130

    private init(checked: [Int]) { lowerBounds = checked }

    /// Bands from their first ages: nil unless they start at 0, strictly increase, stay under
    /// `maximumAge` and number from 2 to 12.
    public init?(lowerBounds: [Int]) {
        guard (2...12).contains(lowerBounds.count), lowerBounds.first == 0, lowerBounds.last! < Self.maximumAge,
              zip(lowerBounds, lowerBounds.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.lowerBounds = lowerBounds
    }

    /// Bands as written, `0-4,5-11,12-17,18-24,25-59,60+` (spaces allowed; each band starts
    /// the year after the previous ends; the last is open, `60+`). Nil when they are not such
    /// a sequence.
    public init?(spec: String) {
        let parts = spec.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var bounds: [Int] = [], next = 0
        for (i, part) in parts.enumerated() {
            if i == parts.count - 1 {
                guard part.hasSuffix("+"), Int(part.dropLast()) == next else { return nil }
            } else {
                let ends = part.split(separator: "-", omittingEmptySubsequences: false)
                guard ends.count == 2, Int(ends[0]) == next, let hi = Int(ends[1]), hi >= next else { return nil }
                bounds.append(next)
                next = hi + 1
                continue
            }
            bounds.append(next)
        }
        self.init(lowerBounds: bounds)
    }

    /// The band labels in order, `0-4` … `60+`.
    public var labels: [String] {
        lowerBounds.indices.map { i in
            i + 1 < lowerBounds.count ? "\(lowerBounds[i])-\(lowerBounds[i + 1] - 1)" : "\(lowerBounds[i])+"
        }
    }

    /// The labels, then `unknown`: the keys of a report's age table.
    public var keys: [String] { labels + [Self.unknownKey] }

    /// `0-4,5-11,12-17,18-24,25-59,60+`: what `init(spec:)` reads.
    public var description: String { labels.joined(separator: ",") }

    /// The label of an age's band, `unknown` for nil.
    public func key(forAge age: Int?) -> String {
        guard let age, age >= 0 else { return Self.unknownKey }
        let i = lowerBounds.lastIndex { $0 <= age } ?? 0
        return labels[i]
    }
}

extension AgeBands: Codable {
    /// Encoded as written (`0-4,5-11,…,60+`).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let bands = AgeBands(spec: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not age bands: \(text)"))
        }
        self = bands
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
