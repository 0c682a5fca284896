import Foundation
import FrontDeskDomain
import TerminalKit

/// Incremental visitor search, shared by the reception and booking screens: the typed query,
/// the results of the latest query, and the selection among them.
///
/// Pure: typing returns what to search for, and the screen turns that into its own
/// `.search(query:limit:)` effect; results for an older query than the one typed are dropped.
public struct VisitorSearch: Hashable, Sendable {
    /// Visitors listed for a search.
    public static let limit = 50

    public var field = TextField()
    /// The query the shown results answer.
    public var resultsQuery = ""
    public var results: [Visitor] = []
    public var list = ListState()

    public init() {}

    /// What typing did to the query.
    public enum Typing: Equatable, Sendable {
        /// The key was an editing key but the text stayed the same (cursor moves, a full field).
        case unchanged
        /// The field is now empty: results were cleared, nothing to search.
        case cleared
        /// The query changed: search for it.
        case search(String)
    }

    /// The typed text, trimmed: what is searched for.
    public var query: String { field.text.trimmingCharacters(in: .whitespaces) }

    /// The selected result, if any.
    public var selected: Visitor? {
        guard let i = list.selected, results.indices.contains(i) else { return nil }
        return results[i]
    }

    /// Applies an editing key to the field. - Returns: nil when the field did not take the key.
    public mutating func type(_ key: Key) -> Typing? {
        let before = field.text
        guard field.handle(key) else { return nil }
        guard field.text != before else { return .unchanged }
        let q = query
        if q.isEmpty {
            results = []
            resultsQuery = ""
            list = ListState()
            return .cleared
        }
        return .search(q)
    }

    /// Inserts pasted text into the field as one line (`TextField.paste`): a newline in it
    /// submits nothing. - Returns: what it did to the query, as `type` does.
    public mutating func paste(_ text: String) -> Typing {
        let before = field.text
        field.paste(text)
        guard field.text != before else { return .unchanged }
        return query.isEmpty ? .cleared : .search(query)
    }

    /// Takes the results of a search. - Returns: false (and changes nothing) when they answer an
    /// older query than the one now typed.
    @discardableResult
    public mutating func receive(query: String, results: [Visitor], viewportHeight: Int) -> Bool {
        guard query == self.query else { return false }
        resultsQuery = query
        self.results = results
        list = ListState(count: results.count, viewportHeight: viewportHeight)
        return true
    }

    /// Empties the field and the results.
    public mutating func clear() {
        field.clear()
        results = []
        resultsQuery = ""
        list = ListState()
    }

    /// Draws the results in `rect`, with hints when nothing is typed or nothing was found. The
    /// selection is reversed when `focused`, bold otherwise.
    ///
    /// A row shows the name, then on the right what tells two people apart, as the width
    /// allows: the `marker` (the ticket of someone in today's queue, the time of today's
    /// appointment), the birth year and nationality (from 44 columns), and the code.
    public func renderResults(_ strings: Localizer, into frame: inout Frame, rect: Rect, focused: Bool, hintNew: String?,
                              marker: (Visitor) -> String? = { _ in nil }) {
        if query.isEmpty {
            frame.put(strings("search.hint"), in: rect.row(1), style: .dim)
            if let hintNew { frame.put(hintNew, in: rect.row(2), style: .dim) }
            return
        }
        if results.isEmpty {
            if resultsQuery == query { frame.put(strings("search.none"), in: rect.row(1), style: .dim) }
            if let hintNew { frame.put(hintNew, in: rect.row(2), style: .dim) }
            return
        }
        let codeWidth = 12
        // A full page of results may hide more: say so on the last row, so nobody scrolls in vain.
        var rect = rect
        if results.count >= Self.limit, rect.height > 2 {
            frame.put(strings("search.more", Self.limit), in: rect.row(rect.height - 1), style: .dim)
            rect.height -= 1
        }
        let offset = ListView.visibleOffset(list, visible: rect.height)
        for (line, index) in (offset..<min(results.count, offset + rect.height)).enumerated() {
            let v = results[index]
            let selected = index == list.selected
            let style: Style = selected ? (focused ? .reverse : .bold) : .plain
            let row = rect.row(line)
            frame.fill(row, style: style)
            var right = row.maxX - codeWidth
            frame.put(v.code.description, in: Rect(x: right, y: row.y, width: codeWidth, height: 1), style: style)
            if row.width >= 44 {
                // Birth year and nationality: two "Segun Adewale" rows differ here.
                let detail = "\(v.birthYear.map(String.init) ?? "····") \(v.nationality)"
                right -= 9
                frame.put(detail, in: Rect(x: right, y: row.y, width: 8, height: 1), style: style)
            }
            if let mark = marker(v) {
                let width = min(DisplayText.width(of: mark), max(0, row.width - codeWidth - 12))
                right -= width + 1
                frame.put(mark, in: Rect(x: right, y: row.y, width: width, height: 1), style: style.with(.bold))
            }
            frame.put(v.fullName, in: Rect(x: row.x, y: row.y, width: max(0, right - row.x - 1), height: 1), style: style)
        }
    }
}

/// Helpers for drawing a `ListState` whose viewport may differ from the frame being drawn.
enum ListView {
    /// The first row to show so that the selection is visible in `visible` rows (the list's own
    /// offset, adjusted when the frame is not the size the state was last synced to).
    static func visibleOffset(_ list: ListState, visible: Int) -> Int {
        var offset = list.offset
        if let selected = list.selected {
            if selected < offset { offset = selected }
            if selected >= offset + visible { offset = selected - visible + 1 }
        }
        return max(0, min(offset, list.count - visible))
    }
}
