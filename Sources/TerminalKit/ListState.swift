/// The selection and scroll position of a list of `count` rows shown `viewportHeight` rows
/// at a time.
///
/// Invariants, restored after every change: `selected` is nil exactly when the list is empty,
/// otherwise in `0..<count`; the selected row is inside `visibleRange`; and the viewport never
/// shows empty rows below the list while rows above are hidden (`offset` ≤ count − height).
public struct ListState: Hashable, Sendable {
    /// Rows in the list.
    public private(set) var count: Int
    /// Rows the viewport shows (at least 1 for keeping the selection visible).
    public private(set) var viewportHeight: Int
    /// The selected row; nil when the list is empty.
    public private(set) var selected: Int?
    /// The first row shown.
    public private(set) var offset: Int

    /// A list with the first row (or `selected`, clamped) selected.
    public init(count: Int = 0, viewportHeight: Int = 1, selected: Int? = nil) {
        self.count = max(0, count)
        self.viewportHeight = max(1, viewportHeight)
        self.selected = selected ?? 0
        offset = 0
        normalize()
    }

    /// The rows shown, `offset` up to the end of the viewport or of the list.
    public var visibleRange: Range<Int> { offset..<min(count, offset + viewportHeight) }

    /// Changes the number of rows (after a reload), keeping the selection where it can be and
    /// clamping it to the last row when the list shrank.
    public mutating func setCount(_ newCount: Int) {
        count = max(0, newCount)
        if selected == nil { selected = 0 }
        normalize()
    }

    /// Changes the viewport height (after a resize) and scrolls to keep the selection visible.
    public mutating func setViewportHeight(_ height: Int) {
        viewportHeight = max(1, height)
        normalize()
    }

    /// Selects a row, clamped to the list.
    public mutating func select(_ index: Int) {
        selected = index
        normalize()
    }

    public mutating func moveUp() { move(by: -1) }
    public mutating func moveDown() { move(by: 1) }
    /// Moves up by one viewport.
    public mutating func pageUp() { move(by: -viewportHeight) }
    /// Moves down by one viewport.
    public mutating func pageDown() { move(by: viewportHeight) }
    public mutating func home() { select(0) }
    public mutating func end() { select(count - 1) }

    private mutating func move(by delta: Int) {
        guard let selected else { return }
        select(selected + delta)
    }

    /// Restores the invariants.
    private mutating func normalize() {
        guard count > 0, let current = selected else {
            selected = nil
            offset = 0
            return
        }
        let row = min(max(0, current), count - 1)
        selected = row
        offset = min(max(0, offset), max(0, count - viewportHeight))
        if row < offset { offset = row }
        if row >= offset + viewportHeight { offset = row - viewportHeight + 1 }
    }
}
