/// The smallest and largest value each variable can take under linear constraints and
/// bounds: a linear program per variable and direction, solved by the simplex method (two
/// phases on a dense tableau, Bland's rule so that it never cycles). Used by `SmallCellsAudit`
/// to reason as a reader who combines several lines at once (a row minus a column that share a
/// hidden count), which carrying bounds line by line does not see.
///
/// Sizes are a report's hidden counts (tens of variables, tens of constraints); values are
/// whole counts, so results are returned as `Double` and rounded inward by the caller.
struct LinearBounds {
    /// One constraint: `Σ coefficient × variable` equal to, or at most, `rhs`.
    struct Constraint {
        var terms: [(variable: Int, coefficient: Double)]
        var isEquality: Bool
        var rhs: Double
    }

    private var rows: [[Double]]      // each row: columns…, then the right-hand side
    private var basis: [Int]
    private var columns: Int { rows.first.map { $0.count - 1 } ?? 0 }
    private static let epsilon = 1e-9

    /// The bounds of each of `lo.count` variables within `lo…hi` under `constraints`; nil when
    /// the constraints cannot all hold (never with a report's true counts).
    static func bounds(lo: [Double], hi: [Double], constraints: [Constraint]) -> [(lo: Double, hi: Double)]? {
        guard var lp = LinearBounds(lo: lo, hi: hi, constraints: constraints) else { return nil }
        // Values seen in the solutions met on the way: a variable already seen at its own
        // bound needs no program for that side (most sit at a bound in every solution).
        var seenLeast = Array(repeating: Double.infinity, count: lo.count), seenMost = Array(repeating: -Double.infinity, count: lo.count)
        func record() {
            for (v, y) in lp.values(count: lo.count).enumerated() {
                seenLeast[v] = min(seenLeast[v], lo[v] + y)
                seenMost[v] = max(seenMost[v], lo[v] + y)
            }
        }
        record()
        var out: [(lo: Double, hi: Double)] = []
        for v in lo.indices {
            // Minimum, then maximum (minimum of −x), each from the last basis (still feasible).
            var least = lo[v], most = hi[v]
            if seenLeast[v] > lo[v] + 1e-7 {
                least = lp.minimize(variable: v, sign: 1).map { lo[v] + $0 } ?? lo[v]
                record()
            }
            if seenMost[v] < hi[v] - 1e-7 {
                most = lp.minimize(variable: v, sign: -1).map { lo[v] - $0 } ?? hi[v]
                record()
            }
            out.append((max(lo[v], least), min(hi[v], most)))
        }
        return out
    }

    /// The tableau of `x − lo` (every variable from 0) with the upper bounds as rows, and a
    /// feasible basis found by phase one; nil when infeasible.
    private init?(lo: [Double], hi: [Double], constraints: [Constraint]) {
        let n = lo.count
        var all = constraints
        // Upper bounds as rows, but the loose ones of hidden large counts (at the ceiling of
        // every count: leaving them out only widens what is found).
        let ceiling = hi.max() ?? 0
        for v in 0..<n where hi[v] < ceiling || ceiling < Double(SmallCells.threshold) {
            all.append(Constraint(terms: [(v, 1)], isEquality: false, rhs: hi[v]))
        }
        // Shift to y = x − lo; make every right-hand side non-negative.
        struct Row { var a: [Double]; var rhs: Double; var isEquality: Bool; var flipped: Bool }
        var shaped: [Row] = all.map { c in
            var a = Array(repeating: 0.0, count: n)
            var rhs = c.rhs
            for t in c.terms {
                a[t.variable] += t.coefficient
                rhs -= t.coefficient * lo[t.variable]
            }
            return rhs < 0 ? Row(a: a.map { -$0 }, rhs: -rhs, isEquality: c.isEquality, flipped: true)
                           : Row(a: a, rhs: rhs, isEquality: c.isEquality, flipped: false)
        }
        shaped.removeAll { $0.a.allSatisfy { abs($0) < Self.epsilon } && $0.rhs < Self.epsilon && ($0.isEquality || !$0.flipped) }
        // Columns: y (n), one slack or surplus per inequality, one artificial per row needing it.
        let inequalities = shaped.filter { !$0.isEquality }.count
        let needArtificial = shaped.map { $0.isEquality || $0.flipped }
        let artificials = needArtificial.filter { $0 }.count
        let width = n + inequalities + artificials
        rows = []
        basis = []
        var slack = n, artificial = n + inequalities
        for r in shaped {
            var row = r.a + Array(repeating: 0.0, count: width - n + 1)
            row[width] = r.rhs
            if !r.isEquality {
                // a·y + s = b, or (flipped) −a·y − s = −b read as a·y ≥ … : surplus −1.
                row[slack] = r.flipped ? -1 : 1
                if !r.flipped { basis.append(slack) }
                slack += 1
            }
            if r.isEquality || r.flipped {
                row[artificial] = 1
                basis.append(artificial)
                artificial += 1
            }
            rows.append(row)
        }
        // Phase one: minimize the sum of the artificials.
        let firstArtificial = n + inequalities
        var cost = Array(repeating: 0.0, count: width)
        for j in firstArtificial..<width { cost[j] = 1 }
        guard let residue = optimize(cost), residue < 1e-7 else { return nil }
        // Drive artificials still basic (at zero) out, or drop their redundant rows.
        var i = 0
        while i < rows.count {
            if basis[i] >= firstArtificial {
                if let j = (0..<firstArtificial).first(where: { abs(rows[i][$0]) > Self.epsilon }) {
                    pivot(row: i, column: j)
                } else {
                    rows.remove(at: i)
                    basis.remove(at: i)
                    continue
                }
            }
            i += 1
        }
        // Forget the artificial columns.
        rows = rows.map { Array($0[0..<firstArtificial]) + [$0[width]] }
    }

    /// The current solution's first `count` variables (`x − lo`): basic ones from their row,
    /// the others 0.
    private func values(count: Int) -> [Double] {
        var y = Array(repeating: 0.0, count: count)
        for (i, b) in basis.enumerated() where b < count { y[b] = rows[i][columns] }
        return y
    }

    /// The minimum of `sign × y[variable]` from the current basis; nil when unbounded.
    private mutating func minimize(variable: Int, sign: Double) -> Double? {
        guard variable < columns else { return nil } // no constraint left: only its own bounds
        var cost = Array(repeating: 0.0, count: columns)
        cost[variable] = sign
        return optimize(cost)
    }

    /// Phase-two simplex on `cost` (minimized), Bland's rule; the optimum, nil when unbounded.
    private mutating func optimize(_ cost: [Double]) -> Double? {
        let width = columns
        var iterations = 0
        while iterations < 10_000 {
            iterations += 1
            // Reduced costs: c_j − c_B · column j.
            var entering: Int?
            for j in 0..<width where !basis.contains(j) {
                var reduced = cost[j]
                for (i, b) in basis.enumerated() where cost[b] != 0 { reduced -= cost[b] * rows[i][j] }
                if reduced < -Self.epsilon { entering = j; break }
            }
            guard let j = entering else { break }
            // Ratio test; ties broken by the smallest basic index (Bland).
            var leaving: Int?
            var best = Double.infinity
            for i in rows.indices where rows[i][j] > Self.epsilon {
                let ratio = rows[i][width] / rows[i][j]
                if ratio < best - Self.epsilon || (abs(ratio - best) <= Self.epsilon && basis[i] < basis[leaving ?? i]) {
                    best = ratio
                    leaving = i
                }
            }
            guard let i = leaving else { return nil }
            pivot(row: i, column: j)
        }
        var value = 0.0
        for (i, b) in basis.enumerated() where cost[b] != 0 { value += cost[b] * rows[i][width] }
        return value
    }

    private mutating func pivot(row r: Int, column c: Int) {
        let p = rows[r][c]
        rows[r] = rows[r].map { $0 / p }
        for i in rows.indices where i != r {
            let f = rows[i][c]
            if abs(f) > 0 {
                for k in rows[i].indices { rows[i][k] -= f * rows[r][k] }
            }
        }
        basis[r] = c
    }
}
