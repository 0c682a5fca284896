/// One column of a `Table`: its title, how wide it is, and which side its text keeps to.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// `.length(n)` for a fixed width, `.min(n)` to share the space left, `.percentage(p)` of
    /// the width left after the separators (see `Rect.splitHorizontally`).
    public var width: Constraint
    /// Pads on the left (numbers, times).
    public var alignRight: Bool

    public init(_ title: String, width: Constraint, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// A table drawn as a header row and one row per record, each cell fitted to its column
/// (`DisplayText.fitted`: cut with "…" at a character boundary or padded), columns separated
/// by one separator column, so separators line up whatever the script or the emoji.
public enum Table {
    /// The columns' widths in `width` cells, leaving one cell between columns for the separator.
    public static func columnWidths(_ columns: [TableColumn], width: Int) -> [Int] {
        let available = max(0, width - max(0, columns.count - 1))
        return Rect.split(total: available, columns.map(\.width)).map(\.length)
    }

    /// Draws the header on the first row of `rect` and `rows[offset...]` below it.
    ///
    /// - `rows`: the cells' text, one array per row in column order; missing cells are blank,
    ///   extra ones ignored. Text is sanitized when drawn.
    /// - `selected`: the index in `rows` of the row drawn in `selectedStyle` from edge to edge.
    /// - `offset`: the index of the first row shown (from a `ListState`).
    /// Rows below the last one are blank.
    public static func render(
        into frame: inout Frame, rect: Rect, columns: [TableColumn], rows: [[String]],
        selected: Int?, offset: Int, headerStyle: Style = .bold, selectedStyle: Style = .reverse,
        style: Style = .plain, separator: Character = "│"
    ) {
        guard !rect.isEmpty else { return }
        let widths = columnWidths(columns, width: rect.width)
        let header = columns.map(\.title)
        drawRow(header, into: &frame, rect: rect.row(0), columns: columns, widths: widths,
                style: headerStyle, separator: separator)
        for line in 1..<rect.height {
            let index = offset + line - 1
            let exists = rows.indices.contains(index)
            let rowStyle = exists && index == selected ? selectedStyle : style
            drawRow(exists ? rows[index] : [], into: &frame, rect: rect.row(line), columns: columns, widths: widths,
                    style: rowStyle, separator: separator)
        }
    }

    private static func drawRow(
        _ cells: [String], into frame: inout Frame, rect: Rect, columns: [TableColumn],
        widths: [Int], style: Style, separator: Character
    ) {
        frame.fill(rect, style: style)
        var x = rect.x
        for (i, column) in columns.enumerated() {
            if i > 0 {
                frame.put(String(separator), x: x, y: rect.y, style: style, clip: rect)
                x += 1
            }
            let text = i < cells.count ? cells[i] : ""
            let cell = Rect(x: x, y: rect.y, width: widths[i], height: 1).clipped(to: rect)
            frame.put(text, in: cell, style: style, alignRight: column.alignRight)
            x += widths[i]
        }
    }
}
