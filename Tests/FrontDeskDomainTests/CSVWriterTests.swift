import FrontDeskDomain
import Testing

/// Formula neutralizing and RFC 4180 quoting for the CSV exports (queue, visitors, schedule): a
/// text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`; numbers
/// stay as they are.
struct CSVWriterTests {
    @Test(arguments: [
        ("=1+1", "'=1+1"),
        ("+SUM(1;1)", "'+SUM(1;1)"),
        ("-2+3", "'-2+3"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("+212 6 12 34 56 78", "'+212 6 12 34 56 78"),
        ("Aïssatou", "Aïssatou"),
        ("يوسف المهاجر", "يوسف المهاجر"),
    ])
    func textCellsThatASpreadsheetWouldRunAreNeutralized(cell: String, written: String) {
        var csv = CSVWriter()
        csv.append([.text(cell)])
        #expect(csv.output == written + "\r\n")
    }

    /// Bidi overrides and isolates, and C1 controls, never reach a spreadsheet raw (issue 13
    /// item 7): the first become `⍰` as on the screen, the second are dropped.
    @Test(arguments: [
        ("Amina\u{202E}lanoitan", "Amina⍰lanoitan"),
        ("\u{2066}يوسف\u{2069}", "⍰يوسف⍰"),
        ("a\u{2028}b", "a⍰b"),
        ("x\u{9B}31my", "x31my"),
    ])
    func bidiAndC1ControlsAreNeutralized(cell: String, written: String) {
        var csv = CSVWriter()
        csv.append([.text(cell)])
        #expect(csv.output == written + "\r\n")
    }

    @Test func numbersAreWrittenUnchanged() {
        var csv = CSVWriter()
        csv.appendHeader(["duration_min", "ticket"])
        csv.append([.number(45), .number(-3)])
        #expect(csv.output == "duration_min,ticket\r\n45,-3\r\n")
    }

    @Test func quotingFollowsRFC4180AndNoRawControlBytesRemain() {
        var csv = CSVWriter()
        csv.append([.text("Salle 2, étage 1"), .text("dit \"bonjour\""), .text("deux\nlignes"), .text("Evil\u{1B}[2J\u{07}"), .empty])
        #expect(csv.output == "\"Salle 2, étage 1\",\"dit \"\"bonjour\"\"\",\"deux\nlignes\",Evil[2J,\r\n")
        #expect(!csv.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func byteOrderMarkOnlyWhenAsked() {
        #expect(CSVWriter(byteOrderMark: true).output == "\u{FEFF}")
        #expect(CSVWriter().output.isEmpty)
    }
}

/// Issue 13 item 7: iCalendar text neutralizes bidi controls and separators as CSV and the screen do.
@Suite struct ExportTextTests {
    @Test func iCalendarTextShowsBidiControlsAsPlaceholders() {
        #expect(ICalendarWriter.escapeText("Leila \u{202E}Amrani\u{2066}\u{2029}x\u{85}") == "Leila ⍰Amrani⍰⍰x")
        #expect(ICalendarWriter.escapeText("ليلى عمراني") == "ليلى عمراني")
    }
}

@Suite struct CSVSeparatorTests {
    @Test func semicolonsTabsAndDecimalCommas() {
        var fr = CSVWriter(byteOrderMark: true, separator: ";", decimalComma: true)
        fr.append([.text("Aïd; al-Fitr"), .decimal(20.3, places: 1), .number(-4), .text("a,b"), .text("+212 6")])
        #expect(fr.output == "\u{FEFF}\"Aïd; al-Fitr\";20,3;-4;\"a,b\";'+212 6\r\n")
        var tab = CSVWriter(separator: "\t")
        tab.append([.text("x\ty"), .decimal(1.25, places: 2)])
        #expect(tab.output == "\"x\ty\"\t1.25\r\n")
        var comma = CSVWriter(decimalComma: true)
        comma.append([.decimal(20.3, places: 1), .text("z")])
        #expect(comma.output == "\"20,3\",z\r\n")
    }
}
