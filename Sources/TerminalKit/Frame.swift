/// One cell of a frame: a grapheme cluster and its style.
///
/// A wide (2-column) cluster sits in its first cell; the cell it covers is a `continuation`,
/// drawn by nothing (as ratatui marks the cells a wide symbol hides).
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public var isContinuation: Bool

    public init(text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A full screen of cells, drawn from scratch on every render; the backend diffs frames.
public struct Frame: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public var area: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Writes text on one row from column `x`, clipped to `clip` (default the whole frame).
    ///
    /// The text is sanitized first (`DisplayText.sanitized`), so data can never emit a control
    /// sequence; a cluster the C library cannot measure is drawn as
    /// `DisplayText.controlPlaceholder`. A wide cluster cut by either edge of the clip leaves a
    /// space in its visible half. A zero-width cluster (a lone combining mark) joins the cluster
    /// in the cell before it. Overwriting half of a wide cluster blanks its other half, so the
    /// grid stays consistent.
    /// - Returns: the number of columns advanced from `x`.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = clip ?? area
        guard y >= bounds.y, y < bounds.maxY, y >= 0, y < size.height else { return 0 }
        let left = max(bounds.x, 0), right = min(bounds.maxX, size.width)
        guard left < right else { return 0 }
        var col = x
        for character in DisplayText.sanitized(text) {
            let w = DisplayText.width(of: character)
            if w == 0 {
                // A lone combining mark: attach it to the cluster drawn just before.
                var target = col - 1
                if target >= 0, target < size.width, self[target, y].isContinuation { target -= 1 }
                if target >= left, target < right { self[target, y].text.append(character) }
                continue
            }
            if col >= right { break }
            if col < left {
                if col + w > left {
                    // A wide cluster cut by the left edge: its visible half is a space.
                    clearWide(at: left, y: y)
                    self[left, y] = Cell(text: " ", style: style)
                }
                col += w
                continue
            }
            if w == 2 && col + 1 >= right {
                clearWide(at: col, y: y)
                self[col, y] = Cell(text: " ", style: style)
                col += 1
                break
            }
            let shown = DisplayText.isMeasurable(character) ? String(character) : String(DisplayText.controlPlaceholder)
            clearWide(at: col, y: y)
            self[col, y] = Cell(text: shown, style: style)
            if w == 2 {
                clearWide(at: col + 1, y: y)
                self[col + 1, y] = Cell(text: "", style: style, isContinuation: true)
            }
            col += w
        }
        return col - x
    }

    /// Keeps the grid consistent before the cell at `x` is overwritten: blanks the other half of
    /// the wide cluster that the cell is part of, if any.
    private mutating func clearWide(at x: Int, y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 { self[x - 1, y] = Cell(text: " ", style: self[x - 1, y].style) }
        if !cell.isContinuation, x + 1 < size.width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(text: " ", style: cell.style)
        }
    }

    /// Writes text truncated with "…" or padded to exactly `width` columns.
    @discardableResult
    public mutating func put(_ text: String, in rect: Rect, style: Style = .plain, alignRight: Bool = false) -> Int {
        guard rect.height > 0 else { return 0 }
        let fitted = DisplayText.fitted(DisplayText.sanitized(text), toColumns: rect.width, alignRight: alignRight)
        return put(fitted, x: rect.x, y: rect.y, style: style, clip: rect)
    }

    /// Fills a rectangle with blanks of the given style. A wide cluster cut by the rectangle's
    /// edge is blanked too.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let r = rect.clipped(to: area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            clearWide(at: r.x, y: y)
            clearWide(at: r.maxX - 1, y: y)
            for x in r.x..<r.maxX { self[x, y] = Cell(text: " ", style: style) }
        }
    }

    /// Sets the style of every cell of a rectangle, keeping the text.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let r = rect.clipped(to: area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { self[x, y].style = style }
        }
    }

    /// The frame as one string per row, trailing spaces kept (for snapshots and tests).
    public func lines() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where !self[x, y].isContinuation { line += self[x, y].text }
            return line
        }
    }

    /// The frame as text, rows joined by newlines.
    public var text: String { lines().joined(separator: "\n") }
}

extension Rect {
    /// The part of this rectangle inside `other`.
    public func clipped(to other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
