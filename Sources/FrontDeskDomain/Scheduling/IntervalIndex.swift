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
        let sorted = intervals.filter { !$0.isEmpty }.sorted { $0.start < $1.start }
        starts = sorted.map { $0.start.timeIntervalSinceReferenceDate }
        ends = sorted.map { $0.end.timeIntervalSinceReferenceDate }
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
        var grouped: [Key: [UTCInterval]] = [:]
        for item in items {
            guard let k = key(item) else { continue }
            grouped[k, default: []].append(interval(item))
        }
        indexes = grouped.mapValues(IntervalIndex.init)
    }

    subscript(_ key: Key) -> IntervalIndex? { indexes[key] }

    func overlaps(_ key: Key, _ start: Date, _ end: Date) -> Bool {
        indexes[key]?.overlaps(start, end) ?? false
    }
}
