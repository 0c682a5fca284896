/// A rectangle with a single-line border (─│┌┐└┘), an optional title in the top border, and a
/// cleared inside: the frame of a dialog.
public enum Box {
    /// Draws the border and clears the inside; returns the inside.
    ///
    /// The title is drawn as " title " from the third column of the top border, cut with "…"
    /// to leave at least "┌─" and "─┐" around it; it is left out when not even one character
    /// fits. A rectangle less than 2×2 has no room for a border: it is only cleared, and the
    /// inside is empty.
    @discardableResult
    public static func render(
        into frame: inout Frame, rect: Rect, title: String = "", style: Style = .plain, titleStyle: Style? = nil
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else {
            frame.fill(rect, style: style)
            return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
        }
        let inner = rect.inset(dx: 1, dy: 1)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        frame.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        frame.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        for y in inner.y..<inner.maxY {
            frame.put("│", x: rect.x, y: y, style: style)
            frame.put("│", x: rect.maxX - 1, y: y, style: style)
        }
        frame.fill(inner, style: style)
        let room = rect.width - 6  // "┌─ " … " ─┐"
        if !title.isEmpty, room >= 1 {
            let shown = DisplayText.truncated(DisplayText.sanitized(title), toColumns: room)
            frame.put(" " + shown + " ", x: rect.x + 2, y: rect.y, style: titleStyle ?? style)
        }
        return inner
    }
}

/// Placing dialogs: a box of a given size centered in an area.
public enum Dialog {
    /// A `width`×`height` rectangle centered in `area`, shrunk to fit inside it.
    public static func rect(width: Int, height: Int, in area: Rect) -> Rect {
        area.centered(width: max(0, width), height: max(0, height))
    }

    /// Draws a bordered, titled box of the given size centered in `area` (clipped to it);
    /// returns the inside, where the dialog draws its content.
    @discardableResult
    public static func render(
        into frame: inout Frame, area: Rect, width: Int, height: Int, title: String = "",
        style: Style = .plain, titleStyle: Style? = nil
    ) -> Rect {
        Box.render(into: &frame, rect: rect(width: width, height: height, in: area), title: title,
                   style: style, titleStyle: titleStyle)
    }
}
