extension Frame {
    /// Clears the frame and shows `message` on one line in its middle, cut with "…" to the
    /// frame's width. Safe at any size, 1×1 and 0×0 included: what a screen draws when the
    /// terminal is below its minimum size.
    public static func renderTooSmall(message: String, into frame: inout Frame) {
        frame.fill(frame.area)
        guard !frame.area.isEmpty else { return }
        let shown = DisplayText.truncated(DisplayText.sanitized(message), toColumns: frame.size.width)
        let line = frame.area.centered(width: DisplayText.width(of: shown), height: 1)
        frame.put(shown, x: line.x, y: line.y)
    }
}
