import Foundation

/// Busy intervals of one resource, sorted by start, answering "is `[s, e)` free?" by binary search.
///
/// Intervals may overlap each other (bad data, corrections): a running maximum of ends keeps the
/// answer exact. Build O(n log n), query O(log n) plus the number of overlapping intervals.
/// Instants are kept as `Double` seconds since the reference date.
struct IntervalIndex: Sendable {
    private var starts: [Double] = []
    private var ends: [Double] = []
    /// `maxEnd[i] = max(ends[0...i])`.
    private var maxEnd: [Double] = []

    init(_ intervals: [UTCInterval]) {
        self.init(seconds: intervals.map { ($0.start.timeIntervalSinceReferenceDate, $0.end.timeIntervalSinceReferenceDate) })
    }

    /// From (start, end) pairs in seconds since the reference date; empty pairs are dropped.
    init(seconds pairs: [(Double, Double)]) {
        let sorted = pairs.filter { $0.0 < $0.1 }.sorted { $0.0 < $1.0 }
        starts = sorted.map(\.0)
        ends = sorted.map(\.1)
        maxEnd.reserveCapacity(ends.count)
        var m = -Double.infinity
        for e in ends {
            m = Swift.max(m, e)
            maxEnd.append(m)
        }
    }

    var count: Int { starts.count }

    /// True when some interval overlaps `[start, end)` (half-open: touching is free).
    func overlaps(_ start: Date, _ end: Date) -> Bool {
        let s = start.timeIntervalSinceReferenceDate, e = end.timeIntervalSinceReferenceDate
        guard s < e else { return false }
        let i = firstIndex(startingAtOrAfter: e) - 1 // last interval starting before `e`
        return i >= 0 && maxEnd[i] > s
    }

    /// True when some interval overlaps `interval`.
    func overlaps(_ interval: UTCInterval) -> Bool { overlaps(interval.start, interval.end) }

    /// Index of the first interval whose start is ≥ `value` (`count` when none): binary search.
    private func firstIndex(startingAtOrAfter value: Double) -> Int {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// `IntervalIndex` per key (counselor id, room id…); a missing key is a free resource.
struct IntervalIndexMap<Key: Hashable & Sendable>: Sendable {
    private var indexes: [Key: IntervalIndex] = [:]

    init<S: Sequence>(_ items: S, key: (S.Element) -> Key?, interval: (S.Element) -> UTCInterval) {
        var grouped: [Key: [(Double, Double)]] = [:]
        for item in items {
            guard let k = key(item) else { continue }
            let i = interval(item)
            grouped[k, default: []].append((i.start.timeIntervalSinceReferenceDate, i.end.timeIntervalSinceReferenceDate))
        }
        indexes = grouped.mapValues { IntervalIndex(seconds: $0) }
    }

    /// From (start, end) pairs in seconds since the reference date, per key.
    init(_ pairs: [Key: [(Double, Double)]]) {
        indexes = pairs.mapValues { IntervalIndex(seconds: $0) }
    }

    subscript(_ key: Key) -> IntervalIndex? { indexes[key] }

    func overlaps(_ key: Key, _ start: Date, _ end: Date) -> Bool {
        indexes[key]?.overlaps(start, end) ?? false
    }
}
