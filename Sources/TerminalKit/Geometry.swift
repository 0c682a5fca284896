/// A size in terminal cells (columns × rows).
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var description: String { "\(width)x\(height)" }
}

/// A rectangle of cells: origin at the top-left, `width` columns, `height` rows.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The rectangle shrunk by `dx` columns on each side and `dy` rows top and bottom.
    public func inset(dx: Int, dy: Int) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    /// One row of this rectangle, `row` counted from its top.
    public func row(_ row: Int) -> Rect { Rect(x: x, y: y + row, width: width, height: row < height ? 1 : 0) }

    /// A rectangle of the given size centered in this one (clipped to it).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}

/// A size constraint for splitting a rectangle, after ratatui's `Constraint`.
public enum Constraint: Hashable, Sendable {
    /// Exactly `n` cells (or what is left, if less; the last part also takes any leftover when
    /// no part is `min`).
    case length(Int)
    /// At least `n` cells; all `min` parts share what the `length` parts leave, equally.
    case min(Int)
    /// A percentage of the whole.
    case percentage(Int)
}

extension Rect {
    /// Splits the rectangle top to bottom by the constraints; the parts always tile the rectangle
    /// (see `split(total:_:)` for how space is shared).
    public func splitVertically(_ constraints: [Constraint]) -> [Rect] {
        Self.split(total: height, constraints).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.length) }
    }

    /// Splits the rectangle left to right by the constraints; the parts always tile the rectangle
    /// (see `split(total:_:)` for how space is shared).
    public func splitHorizontally(_ constraints: [Constraint]) -> [Rect] {
        Self.split(total: width, constraints).map { Rect(x: x + $0.offset, y: y, width: $0.length, height: height) }
    }

    /// Offsets and lengths of the parts of `total` cells.
    ///
    /// Each part first gets its own size (negative sizes count 0, sizes above `total` count
    /// `total`, percentages are clamped to 0…100). The `min` parts share what is left equally
    /// (the first ones get the remainder); with no `min` part, the last part takes it. When the
    /// parts ask for more than `total`, they shrink from the end. The parts always tile `total`.
    static func split(total: Int, _ constraints: [Constraint]) -> [(offset: Int, length: Int)] {
        let total = Swift.max(0, total)
        var lengths = constraints.map { c -> Int in
            switch c {
            case .length(let n), .min(let n): return Swift.min(Swift.max(0, n), total)
            case .percentage(let p): return total * Swift.min(Swift.max(0, p), 100) / 100
            }
        }
        let flexible = constraints.indices.filter { if case .min = constraints[$0] { return true } else { return false } }
        let spare = total - lengths.reduce(0, +)
        if spare > 0 {
            if flexible.isEmpty {
                if !lengths.isEmpty { lengths[lengths.count - 1] += spare }
            } else {
                let share = spare / flexible.count
                for (k, i) in flexible.enumerated() {
                    lengths[i] += share + (k < spare - share * flexible.count ? 1 : 0)
                }
            }
        }
        // Shrink from the end when over-committed.
        var over = lengths.reduce(0, +) - total
        var i = lengths.count - 1
        while over > 0, i >= 0 {
            let cut = Swift.min(over, lengths[i])
            lengths[i] -= cut
            over -= cut
            i -= 1
        }
        var offset = 0
        return lengths.map { len in defer { offset += len }; return (offset, len) }
    }
}
