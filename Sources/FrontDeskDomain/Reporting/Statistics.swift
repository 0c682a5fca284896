import Foundation

/// The statistics of the coordinator's view: ratios that may have nothing to divide by, and
/// percentiles by the nearest-rank method.
public enum Statistics {
    /// `numerator ÷ denominator`, or nil when the denominator is 0 (or negative): an empty period
    /// shows "—" (JSON `null`), never NaN or infinity.
    public static func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }

    /// The 1-based rank of the `percent`-th percentile among `count` sorted values, by the
    /// **nearest-rank** method: `⌈percent × count ÷ 100⌉`, at least 1. The median is the 50th
    /// percentile, so of an even count it is the lower of the two middle values (of 4 values, the
    /// 2nd). The store computes the same rank in SQL: `(percent * n + 99) / 100`.
    /// - Precondition: `count > 0`, `percent` in 1...100.
    public static func nearestRank(count: Int, percent: Int) -> Int {
        max(1, (percent * count + 99) / 100)
    }

    /// The `percent`-th percentile of the values (nearest rank, a value that occurs, never an
    /// interpolation), or nil when there are none. The values need not be sorted.
    public static func percentile(_ values: [Int], percent: Int) -> Int? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[nearestRank(count: values.count, percent: percent) - 1]
    }

    /// `total ÷ count` in whole units, rounded half up; nil when `count` is 0. The store
    /// computes the same from SQL sums (`(2 * total + count) / (2 * count)` for totals ≥ 0).
    public static func mean(_ total: Int, _ count: Int) -> Int? {
        count > 0 ? (2 * total + count) / (2 * count) : nil
    }

    /// A ratio as a whole percentage for people (`73%`, rounded half up), "—" when there is none.
    public static func percentText(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return "—" }
        return "\(Int((ratio * 100).rounded(.toNearestOrAwayFromZero)))%"
    }

    /// A whole number of minutes, "—" when there is none.
    public static func minutesText(_ minutes: Int?) -> String { minutes.map { "\($0) min" } ?? "—" }
}
