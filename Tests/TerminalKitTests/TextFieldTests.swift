import Testing
@testable import TerminalKit

@Suite struct TextFieldEditingTests {
    @Test(arguments: ["Traor\u{E9}", "Traore\u{301}"])
    func backspaceRemovesAWholeAccentedLetter(text: String) {
        var field = TextField(text: text)
        #expect(field.characters.count == 6)
        field.backspace()
        #expect(field.text == "Traor")
        #expect(field.cursor == 5)
    }

    @Test func backspaceRemovesAWholeEmojiSequence() {
        var field = TextField(text: "a👨‍👩‍👧")
        field.backspace()
        #expect(field.text == "a")
        var flag = TextField(text: "🇲🇦🇫🇷")
        flag.backspace()
        #expect(flag.text == "🇲🇦")
    }

    @Test func backspaceRemovesOneArabicLetter() {
        var field = TextField(text: "يوسف")
        field.backspace()
        #expect(field.text == "يوس")
        #expect(field.characters.count == 3)
    }

    @Test func backspaceRemovesOneGeezSyllable() {
        var field = TextField(text: "ሳምራዊት")
        field.backspace()
        #expect(field.text == "ሳምራዊ")
    }

    @Test func scalarsTypedOneByOneJoinTheirCharacter() {
        var field = TextField()
        for scalar in "e\u{301}".unicodeScalars { let consumed = field.handle(.character(Character(scalar))); #expect(consumed) }
        #expect(field.characters == ["e\u{301}"])
        #expect(field.cursor == 1)
        field = TextField()
        for scalar in "👨‍👩‍👧".unicodeScalars { field.insert(Character(scalar)) }
        for scalar in "🇲🇦".unicodeScalars { field.insert(Character(scalar)) }
        #expect(field.characters == ["👨‍👩‍👧", "🇲🇦"])
        #expect(field.cursor == 2)
        field.backspace()
        field.backspace()
        #expect(field.text == "")
    }

    @Test func typingArabicAndLatin() {
        var field = TextField()
        for character in "Yusuf يوسف 👶" { let consumed = field.handle(.character(character)); #expect(consumed) }
        #expect(field.text == "Yusuf يوسف 👶")
        #expect(field.cursor == 12)
        #expect(field.text.utf8.count == "Yusuf يوسف 👶".utf8.count)
    }

    @Test func insertInTheMiddle() {
        var field = TextField(text: "ac")
        field.moveLeft()
        field.insert("b")
        #expect(field.text == "abc")
        #expect(field.cursor == 2)
        field.insert("xy" as String)
        #expect(field.text == "abxyc")
        #expect(field.cursor == 4)
    }

    @Test func cursorMoves() {
        var field = TextField(text: "abc")
        field.moveRight()
        #expect(field.cursor == 3)
        field.moveHome()
        field.moveLeft()
        #expect(field.cursor == 0)
        field.moveRight()
        field.delete()
        #expect(field.text == "ac")
        field.moveEnd()
        field.delete()
        #expect(field.text == "ac" && field.cursor == 2)
    }

    /// Each step: a key, then the text and cursor expected after it.
    @Test func controlKeys() {
        var field = TextField(text: "Yusuf  al Muhajir")
        let steps: [(Key, String, Int)] = [
            (.control("w"), "Yusuf  al ", 10),
            (.control("w"), "Yusuf  ", 7),
            (.control("a"), "Yusuf  ", 0),
            (.right, "Yusuf  ", 1),
            (.control("k"), "Y", 1),
            (.home, "Y", 0),
            (.control("e"), "Y", 1),
            (.left, "Y", 0),
            (.end, "Y", 1),
            (.control("u"), "", 0),
            (.backspace, "", 0),
            (.delete, "", 0),
        ]
        for (key, text, cursor) in steps {
            let consumed = field.handle(key)
            #expect(consumed, "\(key)")
            #expect(field.text == text && field.cursor == cursor, "after \(key)")
        }
    }

    @Test(arguments: [Key.up, .down, .enter, .escape, .tab, .backTab, .pageUp, .function(10), .control("x")])
    func otherKeysAreNotConsumed(key: Key) {
        var field = TextField(text: "abc")
        let consumed = field.handle(key)
        #expect(!consumed)
        #expect(field.text == "abc" && field.cursor == 3)
    }

    @Test func maxLengthCountsCharacters() {
        var field = TextField(maxLength: 4)
        for character in "يوسفX" { let consumed = field.handle(.character(character)); #expect(consumed) }
        #expect(field.text == "يوسف")
        field = TextField(maxLength: 3)
        field.insert("a👨‍👩‍👧e\u{301}zz")
        #expect(field.text == "a👨‍👩‍👧e\u{301}")
        let inserted = field.insert("q")
        #expect(!inserted)
    }

    @Test func pasteLeavesNoControlCharacter() {
        var field = TextField()
        field.insert("Ali\u{1B}[2J\r\nBen\tX\u{9B}\u{202E}\u{7}")
        #expect(field.text == "Ali[2J Ben X")
        let inserted = field.insert(Character("\u{1B}"))
        #expect(!inserted)
        #expect(!field.text.unicodeScalars.contains(where: isControlScalar))
    }
}

@Suite struct TextFieldRenderTests {
    init() { #expect(UTF8Locale.isSet) }

    /// The columns of row 0 drawn in reverse video.
    static func reversedColumns(_ frame: Frame) -> [Int] {
        (0..<frame.size.width).filter { frame[$0, 0].style.attributes.contains(.reverse) }
    }

    @Test func focusedFieldShowsTheCursorAfterTheText() {
        var frame = Frame(size: Size(width: 10, height: 1))
        TextField(text: "Yusuf").render(into: &frame, rect: frame.area, style: .plain, focused: true)
        #expect(frame.lines() == ["Yusuf     "])
        #expect(Self.reversedColumns(frame) == [5])
    }

    @Test func unfocusedFieldHasNoCursor() {
        var frame = Frame(size: Size(width: 10, height: 1))
        TextField(text: "Yusuf").render(into: &frame, rect: frame.area, style: .plain, focused: false)
        #expect(frame.lines() == ["Yusuf     "])
        #expect(Self.reversedColumns(frame) == [])
    }

    @Test func placeholderWhenEmptyAndUnfocused() {
        var frame = Frame(size: Size(width: 10, height: 1))
        let field = TextField(placeholder: "Nom du visiteur")
        field.render(into: &frame, rect: frame.area, style: .plain, focused: false)
        #expect(frame.lines() == ["Nom du vi…"])
        #expect(frame[0, 0].style == .dim)
        field.render(into: &frame, rect: frame.area, style: .plain, focused: true)
        #expect(frame.lines() == ["          "])
        #expect(Self.reversedColumns(frame) == [0])
    }

    @Test func scrollingKeepsTheCursorVisibleWithWideCharacters() {
        var field = TextField(text: "中文中文中文abc")
        var frame = Frame(size: Size(width: 10, height: 1))
        field.render(into: &frame, rect: frame.area, style: .plain, focused: true)
        #expect(frame.lines() == ["文中文abc "])
        #expect(Self.reversedColumns(frame) == [9])

        field.moveHome()
        field.render(into: &frame, rect: frame.area, style: .plain, focused: true)
        #expect(frame.lines() == ["中文中文中"])
        #expect(Self.reversedColumns(frame) == [0, 1])

        for _ in 0..<6 { field.moveRight() }  // on "a"
        field.render(into: &frame, rect: frame.area, style: .plain, focused: true)
        #expect(frame.lines() == [" 中文中文a"])  // the cut "文" on the left shows as a space
        #expect(Self.reversedColumns(frame) == [9])
    }

    /// At every cursor position and field width, the cursor cell is inside the field and shows
    /// the character under the cursor.
    @Test(arguments: [1, 2, 3, 5, 10])
    func cursorIsAlwaysVisible(columns: Int) {
        var field = TextField(text: "يوسف 中文 👨‍👩‍👧 e\u{301} ሳም 🇲🇦")
        field.moveHome()
        var frame = Frame(size: Size(width: columns + 2, height: 1))
        let rect = Rect(x: 1, y: 0, width: columns, height: 1)
        while true {
            frame.put(String(repeating: "#", count: columns + 2), x: 0, y: 0)
            field.render(into: &frame, rect: rect, style: .plain, focused: true)
            let reversed = Self.reversedColumns(frame)
            #expect(!reversed.isEmpty && reversed.allSatisfy { $0 >= 1 && $0 <= columns }, "cursor \(field.cursor)")
            if field.cursor < field.characters.count, DisplayText.width(of: field.characters[field.cursor]) <= columns,
               let first = reversed.first {
                #expect(frame[first, 0].text == String(field.characters[field.cursor]))
            }
            #expect(frame[0, 0].text == "#" && frame[columns + 1, 0].text == "#", "drawn outside the field")
            expectConsistent(frame)
            if field.cursor == field.characters.count { break }
            field.moveRight()
        }
    }

    /// A paste is one line: breaks and tabs become one space, none at the end.
    @Test(arguments: [("Fatima Zahra Alaoui\nSalé\n", "Fatima Zahra Alaoui Salé"), ("Amina\tc", "Amina c"),
                      ("\r\n  يوسف \r\n المهاجر\n\n", "يوسف المهاجر"), ("ሳምራዊት", "ሳምራዊት")])
    func aPasteIsOneLine(pasted: String, expected: String) {
        var field = TextField()
        let inserted = field.paste(pasted)
        #expect(inserted)
        #expect(field.text == expected)
        let nothing = field.paste("\n\t")
        #expect(!nothing, "breaks alone insert nothing")
    }
}
