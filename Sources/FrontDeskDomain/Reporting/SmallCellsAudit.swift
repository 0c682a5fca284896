/// What a reader can work out of a report's published counts (issue 15 item 2: "no total, row
/// or column lets a hidden cell be recovered"), and the suppression that leaves nothing to work
/// out.
///
/// A reader knows each shown count, that `<5` is from 1 to 4, that a one-way `x` is 5 or more
/// (zeros and 1–4 are never shown as `x` there), that a sex × age `x` is 0 or 5 or more, and
/// that the parts of a line add up to its total (a category's visitors only cover it: a visitor
/// served in two categories counts in both). Bounds are carried from line to line until they
/// no longer narrow (interval propagation, as a reader would combine rows, columns and the
/// grand total); a hidden count whose bounds meet is recovered.
///
/// Counts are whole numbers of visitors or services; bounds are inclusive.
public enum SmallCellsAudit {
    /// What a reader knows of one count before combining lines.
    public enum Known: Hashable, Sendable {
        case exact(Int)
        /// `<5`: from 1 to 4.
        case small
        /// `x` in a one-way table or a hidden total: 5 or more.
        case hiddenLarge
        /// `x` in the sex × age table: 0, or 5 or more.
        case hiddenZeroOrLarge
    }

    /// What a reader knows of a count shown as `shown`; `zeroMayHide`: an `x` there may be 0
    /// (the sex × age table).
    public static func known(_ shown: ReportCount, zeroMayHide: Bool = false) -> Known {
        switch shown {
        case .exact(let n): .exact(n)
        case .suppressed: .small
        case .hidden: zeroMayHide ? .hiddenZeroOrLarge : .hiddenLarge
        }
    }

    /// How a count a reader knows as `known` is shown.
    public static func shown(_ known: Known) -> ReportCount {
        switch known {
        case .exact(let n): .exact(n)
        case .small: .suppressed
        case .hiddenLarge, .hiddenZeroOrLarge: .hidden
        }
    }

    /// Parts that add up to a total (`sum`), or cover it (`cover`: each part at most the
    /// total, together at least the total).
    public enum Relation: Hashable, Sendable { case sum, cover }

    /// One line of the report: the index of its total and of its parts among the counts.
    public struct Line: Hashable, Sendable {
        public var total: Int
        public var parts: [Int]
        public var relation: Relation
        public init(total: Int, parts: [Int], relation: Relation = .sum) {
            self.total = total
            self.parts = parts
            self.relation = relation
        }
    }

    /// Larger than any count a center has; sums of thousands of them stay far below `Int.max`.
    public static let unbounded = 1 << 40

    /// The bounds a reader can put on each count (same order as `known`).
    /// - Parameter ceiling: an upper bound of every count (the largest true count, when the
    ///   caller knows them): a hidden count starts there, not unbounded. Bounds narrowed from
    ///   it may be tighter than a reader's (more is then hidden, never less), and they narrow in
    ///   at most `ceiling` steps where unbounded ones could creep down one by one.
    /// - Parameter atMost: pairs `(a, b)` where count `a` is at most count `b` (a row's
    ///   visitors and its services: each visitor counted there had a service there).
    /// - Parameter combining: false: line by line only (cheaper; finds less).
    public static func bounds(_ known: [Known], lines: [Line], atMost: [(Int, Int)] = [], ceiling: Int = unbounded,
                              combining: Bool = true) -> [ClosedRange<Int>] {
        let threshold = SmallCells.threshold
        var lo = known.map { k -> Int in
            switch k {
            case .exact(let n): n
            case .small: 1
            case .hiddenLarge: threshold
            case .hiddenZeroOrLarge: 0
            }
        }
        var hi = known.map { k -> Int in
            switch k {
            case .exact(let n): n
            case .small: threshold - 1
            case .hiddenLarge, .hiddenZeroOrLarge: max(ceiling, threshold)
            }
        }
        /// Narrows one count; 0-or-large counts skip 1…4. True when it changed.
        func narrow(_ i: Int, lo newLo: Int, hi newHi: Int) -> Bool {
            var l = max(lo[i], newLo), h = min(hi[i], newHi)
            if known[i] == .hiddenZeroOrLarge {
                if h < threshold { h = min(h, 0) }
                if l > 0 { l = max(l, threshold) }
            }
            guard l <= h else { return false } // inconsistent with the true counts: cannot happen
            defer { (lo[i], hi[i]) = (l, h) }
            return l != lo[i] || h != hi[i]
        }
        /// Narrows every unknown count to what all the lines together allow; true when one changed.
        func combineLines() -> Bool {
            let unknown = known.indices.filter { lo[$0] < hi[$0] }
            guard !unknown.isEmpty else { return false }
            let variable = Dictionary(uniqueKeysWithValues: unknown.enumerated().map { ($1, $0) })
            var constraints: [LinearBounds.Constraint] = []
            /// `Σ coefficient × count` with known counts moved to the right: (terms, constant).
            func terms(_ parts: [(Int, Double)]) -> ([(variable: Int, coefficient: Double)], Double) {
                var out: [(variable: Int, coefficient: Double)] = [], constant = 0.0
                for (i, c) in parts {
                    if let v = variable[i] { out.append((v, c)) } else { constant += c * Double(lo[i]) }
                }
                return (out, constant)
            }
            func add(_ parts: [(Int, Double)], equal: Bool) {
                let (t, constant) = terms(parts)
                if !t.isEmpty { constraints.append(.init(terms: t, isEquality: equal, rhs: -constant)) }
            }
            for line in lines {
                switch line.relation {
                case .sum: add(line.parts.map { ($0, 1.0) } + [(line.total, -1.0)], equal: true)
                case .cover:
                    for p in line.parts { add([(p, 1.0), (line.total, -1.0)], equal: false) }
                    add(line.parts.map { ($0, -1.0) } + [(line.total, 1.0)], equal: false)
                }
            }
            for (a, b) in atMost { add([(a, 1.0), (b, -1.0)], equal: false) }
            guard let found = LinearBounds.bounds(lo: unknown.map { Double(lo[$0]) }, hi: unknown.map { Double(hi[$0]) },
                                                  constraints: constraints) else { return false }
            var changed = false
            for (v, i) in unknown.enumerated() {
                // Whole counts: rounded inward, with room for the arithmetic's error.
                let l = Int((found[v].lo - 1e-6).rounded(.up)), h = Int((found[v].hi + 1e-6).rounded(.down))
                if narrow(i, lo: l, hi: h) { changed = true }
            }
            return changed
        }

        func propagate() {
        var changed = true, passes = 0
        // Each pass narrows or ends. Narrowing that goes on past the cap is large counts
        // creeping down a step a pass (hidden counts bounding each other); the bounds are then
        // left wider than they could be, never narrower than the truth.
        while changed && passes < 200 {
            changed = false
            passes += 1
            for (a, b) in atMost {
                if narrow(a, lo: lo[a], hi: hi[b]) { changed = true }
                if narrow(b, lo: lo[a], hi: hi[b]) { changed = true }
            }
            for line in lines {
                // Exact sums: a few hundred unbounded parts stay far below Int.max.
                let sumLo = line.parts.reduce(0) { $0 + lo[$1] }, sumHi = line.parts.reduce(0) { $0 + hi[$1] }
                let t = line.total
                switch line.relation {
                case .sum:
                    if narrow(t, lo: sumLo, hi: sumHi) { changed = true }
                    for p in line.parts where narrow(p, lo: lo[t] - (sumHi - hi[p]), hi: hi[t] - (sumLo - lo[p])) {
                        changed = true
                    }
                case .cover:
                    if narrow(t, lo: line.parts.map { lo[$0] }.max() ?? 0, hi: sumHi) { changed = true }
                    for p in line.parts where narrow(p, lo: lo[t] - (sumHi - hi[p]), hi: hi[t]) {
                        changed = true
                    }
                }
            }
        }
        }

        // Line by line until nothing narrows; then every line at once (a linear program per
        // unknown count: a row minus a column sharing a hidden count pins what no single line
        // does), and line by line again on what that found, until neither narrows.
        propagate()
        for _ in 0..<20 where combining {
            guard combineLines() else { break }
            propagate()
        }
        return zip(lo, hi).map { $0...$1 }
    }

    /// The counts a reader recovers: hidden (not `exact`) counts whose bounds meet.
    public static func recovered(_ known: [Known], lines: [Line], atMost: [(Int, Int)] = [], ceiling: Int = unbounded,
                                 combining: Bool = true) -> [Int] {
        let b = bounds(known, lines: lines, atMost: atMost, ceiling: ceiling, combining: combining)
        return known.indices.filter { i in
            if case .exact = known[i] { return false }
            return b[i].lowerBound == b[i].upperBound
        }
    }

    /// Hides more counts until none can be recovered: for a recovered count, the smallest
    /// shown non-zero part of a line it is in (ties: the later), else that line's total when
    /// shown; a zero only where `zeroMayHide` (the sex × age table), when nothing else is
    /// left. Each pass hides one more count.
    /// - Parameters: counts: the true counts; known: as shown so far (`exact` for shown);
    ///   zeroMayHide: per count, whether it would be shown `x` as 0-or-large.
    /// - Returns: the counts as a reader then knows them, or nil when some count stays
    ///   recoverable with nothing left to hide (the caller withholds the breakdown).
    public static func protect(_ counts: [Int], _ known: [Known], lines: [Line], atMost: [(Int, Int)] = [],
                               zeroMayHide: [Bool]) -> [Known]? {
        var known = known
        func hide(_ i: Int) { known[i] = zeroMayHide[i] ? .hiddenZeroOrLarge : (counts[i] < SmallCells.threshold ? .small : .hiddenLarge) }
        let ceiling = counts.max() ?? 0
        // Line by line first (cheap), one count at a time; every line at once only when that
        // finds nothing, then each count it pins gets its own count hidden in one step.
        func pinnedCounts() -> [Int] {
            if let first = recovered(known, lines: lines, atMost: atMost, ceiling: ceiling, combining: false).first { return [first] }
            return recovered(known, lines: lines, atMost: atMost, ceiling: ceiling)
        }
        while case let pinnedNow = pinnedCounts(), !pinnedNow.isEmpty {
            // One more hidden count per pinned count, unless a count hidden in this step
            // already shares a line with it (the next pass says whether that was enough).
            var hiddenNow: Set<Int> = []
            for pinned in pinnedNow {
                let near = Set(lines.filter { $0.total == pinned || $0.parts.contains(pinned) }.flatMap { $0.parts + [$0.total] })
                    .union(atMost.compactMap { $0.0 == pinned ? $0.1 : $0.1 == pinned ? $0.0 : nil })
                guard near.isDisjoint(with: hiddenNow) else { continue }
                guard let pick = hideOneMore(for: pinned) else { return nil }
                hiddenNow.insert(pick)
            }
        }
        return known

        /// Hides the count that best protects `pinned`; nil when nothing is left to hide.
        func hideOneMore(for pinned: Int) -> Int? {
            let through = lines.filter { $0.total == pinned || $0.parts.contains(pinned) }
            // Its lines' parts, and the count it is paired with (a row's services beside its visitors).
            let partners = atMost.compactMap { $0.0 == pinned ? $0.1 : $0.1 == pinned ? $0.0 : nil }
            let shownParts = (through.flatMap(\.parts) + partners).filter { known[$0] == .exact(counts[$0]) && $0 != pinned }
            let nonZero = shownParts.filter { counts[$0] > 0 }
            let zeros = shownParts.filter { counts[$0] == 0 && zeroMayHide[$0] }
            let totals = through.map(\.total).filter { known[$0] == .exact(counts[$0]) && $0 != pinned && counts[$0] > 0 }
            let pick = nonZero.max { (counts[$0], -$0) > (counts[$1], -$1) }
                ?? totals.max { (counts[$0], -$0) > (counts[$1], -$1) }
                ?? zeros.last
            guard let pick else { return nil }
            hide(pick)
            return pick
        }
    }
}
