import Testing
@testable import TerminalKit

@Suite struct TableTests {
    init() { #expect(UTF8Locale.isSet) }

    static let columns = [
        TableColumn("Nom", width: .length(20)),
        TableColumn("Service", width: .min(0)),
        TableColumn("Heure", width: .length(5), alignRight: true),
    ]
    static let rows = [
        [Names.latin, "Accueil", "09:30"],
        [Names.geez, "Aide juridique", "10:00"],
        [Names.arabic, "Cours de français", "10:30"],
        [Names.emoji, "Santé", "11:00"],
    ]

    @Test func columnWidthsLeaveRoomForSeparators() {
        #expect(Table.columnWidths(Self.columns, width: 40) == [20, 13, 5])
        #expect(Table.columnWidths(Self.columns, width: 10) == [8, 0, 0])
        #expect(Table.columnWidths([], width: 10) == [])
    }

    /// Width by grapheme through the table widget: every name cell is 20 columns and the
    /// separators line up.
    @Test func r2NamesLineUp() {
        var frame = Frame(size: Size(width: 40, height: 6))
        Table.render(into: &frame, rect: frame.area, columns: Self.columns, rows: Self.rows, selected: 2, offset: 0)
        #expect(frame.lines() == [
            "Nom                 │Service      │Heure",
            "Aïssatou Diallo-Ndi…│Accueil      │09:30",
            "ሳምራዊት ተስፋይ ገብረመድህን  │Aide juridiq…│10:00",
            "يوسف المهاجر بن عبد…│Cours de fra…│10:30",
            "Lina 👶 suivi       │Santé        │11:00",
            "                    │             │     ",
        ])
        for y in 0..<6 {
            #expect(frame[20, y].text == "│" && frame[34, y].text == "│", "row \(y)")
            let prefix = frame.lines()[y].prefix { $0 != "│" }
            #expect(DisplayText.width(of: prefix) == 20)
        }
        #expect((0..<40).allSatisfy { frame[$0, 0].style == .bold })
        #expect((0..<40).allSatisfy { frame[$0, 3].style == .reverse })
        #expect((0..<40).allSatisfy { frame[$0, 2].style == .plain && frame[$0, 5].style == .plain })
        #expect(!frame.text.unicodeScalars.contains("\u{FFFD}"))
        expectConsistent(frame)
    }

    @Test func offsetScrollsTheRows() {
        var frame = Frame(size: Size(width: 40, height: 3))
        Table.render(into: &frame, rect: frame.area, columns: Self.columns, rows: Self.rows, selected: 3, offset: 2)
        #expect(frame.lines() == [
            "Nom                 │Service      │Heure",
            "يوسف المهاجر بن عبد…│Cours de fra…│10:30",
            "Lina 👶 suivi       │Santé        │11:00",
        ])
        #expect(frame[0, 2].style == .reverse)
    }

    @Test func controlSequencesInCellsAreNeutralized() {
        var frame = Frame(size: Size(width: 40, height: 2))
        let rows = [["Ali\u{1B}[2J", "\u{1B}]52;c;SGVsbG8=\u{07}", "\u{9B}"]]
        Table.render(into: &frame, rect: frame.area, columns: Self.columns, rows: rows, selected: nil, offset: 0)
        #expect(frame.lines()[1] == "Ali␛[2J             │␛]52;c;SGVsb…│    ⍰")
        #expect(!frame.cells.contains { $0.text.unicodeScalars.contains(where: isControlScalar) })
    }

    @Test func narrowTablesStayConsistent() {
        for width in 0...12 {
            var frame = Frame(size: Size(width: width, height: 3))
            Table.render(into: &frame, rect: frame.area, columns: Self.columns, rows: Self.rows, selected: 0, offset: 0)
            expectConsistent(frame)
        }
        var frame = Frame(size: Size(width: 10, height: 2))
        Table.render(into: &frame, rect: frame.area, columns: Self.columns, rows: Self.rows, selected: nil, offset: 0)
        #expect(frame.lines() == ["Nom     ││", "Aïssato…││"])
    }

    @Test func tableInASubRectangleDrawsNothingOutside() {
        var frame = Frame(size: Size(width: 44, height: 4))
        frame.fill(frame.area)
        frame.put(String(repeating: "#", count: 44), x: 0, y: 0)
        frame.put(String(repeating: "#", count: 44), x: 0, y: 3)
        Table.render(into: &frame, rect: Rect(x: 2, y: 1, width: 40, height: 2), columns: Self.columns,
                     rows: Self.rows, selected: nil, offset: 0)
        #expect(frame.lines() == [
            String(repeating: "#", count: 44),
            "  Nom                 │Service      │Heure  ",
            "  Aïssatou Diallo-Ndi…│Accueil      │09:30  ",
            String(repeating: "#", count: 44),
        ])
    }
}
