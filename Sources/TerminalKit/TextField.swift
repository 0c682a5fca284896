/// A single-line text editor that works by grapheme cluster: one Backspace removes one whole
/// character ("é" precomposed or combining, an emoji sequence, an Arabic letter), never a byte
/// or a lone scalar.
///
/// The state is the text as `[Character]` and a cursor index in characters (0…count). After
/// every edit the text is segmented again, so scalars typed one by one (a letter then a
/// combining accent, two regional indicators) join into the character they form. Typed and
/// pasted text never brings control characters in: tab, CR, LF (and CR LF) become a space, the other
/// controls (C0, C1, DEL, bidi overrides and isolates) are dropped. Text given to `init` or
/// `setText` is kept as it is (editing a stored name must not silently change it); `Frame`
/// draws any control in it as a placeholder.
public struct TextField: Hashable, Sendable {
    /// The text, one grapheme cluster per element.
    public private(set) var characters: [Character]
    /// Where the next character goes, in characters from the start (0…`characters.count`).
    public private(set) var cursor: Int
    /// The most characters the field holds; nil for no limit.
    public var maxLength: Int?
    /// Shown dimmed when the field is empty and not focused; empty for none.
    public var placeholder: String

    public init(text: String = "", maxLength: Int? = nil, placeholder: String = "") {
        characters = Array(text)
        cursor = characters.count
        self.maxLength = maxLength
        self.placeholder = placeholder
    }

    /// The text as a string.
    public var text: String { String(characters) }

    /// Replaces the text (kept as it is, even beyond `maxLength`) and puts the cursor at its end.
    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    // MARK: Editing

    /// Inserts one character at the cursor.
    /// - Returns: false when it was refused: a control character, or the field is full.
    @discardableResult
    public mutating func insert(_ character: Character) -> Bool {
        insert(String(character))
    }

    /// Inserts text at the cursor (a paste), cut to what `maxLength` leaves room for.
    /// - Returns: true when anything was inserted.
    @discardableResult
    public mutating func insert(_ text: String) -> Bool {
        let clean = Self.cleaned(text)
        guard !clean.isEmpty else { return false }
        let before = String(characters[..<cursor]), after = String(characters[cursor...])
        var accepted = ""
        for character in clean {
            let candidate = accepted + String(character)
            if let maxLength, Array(before + candidate + after).count > maxLength { break }
            accepted = candidate
        }
        guard !accepted.isEmpty else { return false }
        replace(before: before + accepted, after: after)
        return true
    }

    /// Removes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        replace(before: String(characters[..<(cursor - 1)]), after: String(characters[cursor...]))
    }

    /// Removes the character under the cursor.
    public mutating func delete() {
        guard cursor < characters.count else { return }
        replace(before: String(characters[..<cursor]), after: String(characters[(cursor + 1)...]))
    }

    /// Removes the word before the cursor and the spaces after it (readline's ^W).
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        replace(before: String(characters[..<start]), after: String(characters[cursor...]))
    }

    /// Removes everything from the cursor to the end (^K).
    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor...)
    }

    /// Empties the field (^U).
    public mutating func clear() {
        characters = []
        cursor = 0
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    /// Inserts pasted text as one line: line breaks and tabs become spaces (a run of them one
    /// space, none at the end), other control characters are dropped (`insert`), and the
    /// field's length limit holds.
    /// - Returns: true when anything was inserted.
    @discardableResult
    public mutating func paste(_ text: String) -> Bool {
        var line = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}", " ":
                pendingSpace = !line.isEmpty
            default:
                if pendingSpace { line.append(" ") }
                pendingSpace = false
                line.append(scalar)
            }
        }
        return insert(String(line))
    }

    /// True for a key that types text (a printable character), as opposed to an editing or
    /// command key.
    public static func isText(_ key: Key) -> Bool {
        if case .character = key { return true }
        return false
    }

    /// Applies an editing key.
    ///
    /// Consumes printable characters (even when the field is full, so that a letter never
    /// falls through to a screen command), Backspace, Delete, ← →, Home, End, ^A (home),
    /// ^E (end), ^U (clear), ^W (delete word), ^K (delete to end).
    /// - Returns: true when the key was consumed.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(c)
        case .backspace, .control("h"): backspace()
        case .delete: delete()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .control("a"): moveHome()
        case .end, .control("e"): moveEnd()
        case .control("u"): clear()
        case .control("w"): deleteWordBackward()
        case .control("k"): deleteToEnd()
        default: return false
        }
        return true
    }

    // MARK: Rendering

    /// Draws the field on the first row of `rect`.
    ///
    /// The text scrolls horizontally (by display width) so that the cursor is always visible:
    /// it starts at the left edge while the cursor fits, otherwise the cursor sits in the last
    /// column. A wide character cut by the left edge shows as a space. When `focused`, the
    /// cursor is the cell (or the two cells of a wide character) under it, in reverse video.
    /// When empty and not focused, `placeholder` is drawn dimmed.
    public func render(into frame: inout Frame, rect: Rect, style: Style, focused: Bool) {
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: min(1, rect.height))
        guard !row.isEmpty else { return }
        frame.fill(row, style: style)
        if characters.isEmpty, !focused, !placeholder.isEmpty {
            frame.put(placeholder, in: row, style: style.with(.dim))
            return
        }
        let offset = scrollOffset(columns: row.width)
        frame.put(text, x: row.x - offset, y: row.y, style: style, clip: row)
        guard focused else { return }
        let cursorX = row.x + DisplayText.width(of: String(characters[..<cursor])) - offset
        var cursorStyle = style
        cursorStyle.attributes.formSymmetricDifference(.reverse)
        frame.restyle(Rect(x: cursorX, y: row.y, width: cursorWidth, height: 1).clipped(to: row), style: cursorStyle)
    }

    /// Columns of the text hidden on the left when the field is `columns` wide.
    public func scrollOffset(columns: Int) -> Int {
        let end = DisplayText.width(of: String(characters[..<cursor])) + cursorWidth
        return max(0, end - max(1, columns))
    }

    /// Columns of the cursor: the character under it, or 1 at the end of the text.
    private var cursorWidth: Int {
        cursor < characters.count ? max(1, DisplayText.width(of: characters[cursor])) : 1
    }

    // MARK: Helpers

    /// Rebuilds the text from the parts before and after the cursor, segmenting it anew, and
    /// puts the cursor after the character that holds the last scalar of `before`.
    private mutating func replace(before: String, after: String) {
        let all = Array(before + after)
        let target = before.unicodeScalars.count
        var scalars = 0, index = 0
        while index < all.count, scalars < target {
            scalars += all[index].unicodeScalars.count
            index += 1
        }
        characters = all
        cursor = index
    }

    /// The text without control characters: tab, CR and LF become a space, the others go.
    static func cleaned(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where previous == 0x0D: break  // CR LF is one line break: one space
            case 0x09, 0x0A, 0x0D: out.append(" ")
            default: if !DisplayText.isUnsafe(scalar) { out.append(scalar) }
            }
            previous = scalar.value
        }
        return String(out)
    }
}
