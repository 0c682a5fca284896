import Foundation
import Testing
import FrontDeskDomain
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct SchedulingICalendarTests {
    static let stamp = Date(timeIntervalSince1970: 1_772_366_400) // 2026-03-01T12:00:00Z

    // MARK: Helpers (an independent reader: unfold, split, unescape)

    /// Logical lines: physical lines joined where a line starts with a space (RFC 5545 §3.1).
    static func unfold(_ text: String) -> [String] {
        var bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 2 < bytes.count, bytes[i + 1] == 0x0A, bytes[i + 2] == 0x20 { i += 3; continue }
            out.append(bytes[i])
            i += 1
        }
        bytes = out
        return String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    static func unescape(_ value: String) -> String {
        var out = ""
        var escaping = false
        for c in value.unicodeScalars {
            if escaping {
                out.unicodeScalars.append(c == "n" || c == "N" ? "\n" : c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The value of the first property `name` (without parameters) in the logical lines.
    static func value(_ name: String, in lines: [String]) -> String? {
        lines.first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) }
    }

    /// Every LF is preceded by CR, every CR followed by LF, no other byte below 0x20 or 0x7F.
    static func onlyCRLFControls(_ text: String) -> Bool {
        let b = Array(text.utf8)
        for (i, x) in b.enumerated() {
            switch x {
            case 0x0A: if i == 0 || b[i - 1] != 0x0D { return false }
            case 0x0D: if i + 1 >= b.count || b[i + 1] != 0x0A { return false }
            case 0x00..<0x20, 0x7F: return false
            default: continue
            }
        }
        return text.hasSuffix("\r\n")
    }

    // MARK: All-day closures are DATE values, whatever the process's time zone

    @Test func allDayClosuresAreDatesWhateverTheProcessZone() throws {
        let closure = Closure(id: 1, first: try Fx.date("2026-03-20"), last: try Fx.date("2026-03-20"), label: "Fermeture — Aïd")
        let saved = getenv("TZ").map { String(cString: $0) }
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
            NSTimeZone.resetSystemTimeZone()
        }
        var outputs: [String] = []
        for zone in ["Africa/Casablanca", "UTC", "America/New_York", "Pacific/Kiritimati"] {
            setenv("TZ", zone, 1)
            tzset()
            NSTimeZone.resetSystemTimeZone()
            // The process zone really changed (so a writer reading it would differ).
            let expectedOffset = try #require(TimeZone(identifier: zone)).secondsFromGMT(for: Self.stamp)
            #expect(TimeZone.current.secondsFromGMT(for: Self.stamp) == expectedOffset, "\(zone)")
            let text = ICalendarWriter().document([ICalendarEvent(closure: closure)], stamp: Self.stamp)
            let lines = Self.unfold(text)
            #expect(lines.contains("DTSTART;VALUE=DATE:20260320"), "\(zone)")
            #expect(lines.contains("DTEND;VALUE=DATE:20260321"), "\(zone)")
            #expect(lines.filter { $0.hasPrefix("DTSTART") || $0.hasPrefix("DTEND") }.count == 2)
            #expect(!lines.contains { ($0.hasPrefix("DTSTART") || $0.hasPrefix("DTEND")) && ($0.contains("T0") || $0.hasSuffix("Z")) })
            #expect(Self.value("SUMMARY", in: lines) == "Fermeture — Aïd")
            outputs.append(text)
        }
        #expect(Set(outputs).count == 1)
        #expect(closure.first.description == "2026-03-20") // what CSV shows
    }

    struct AllDay: Sendable { var first: String, last: String, start: String, end: String }

    @Test(arguments: [AllDay(first: "2026-03-20", last: "2026-03-22", start: "20260320", end: "20260323"),
                      AllDay(first: "2026-12-31", last: "2026-12-31", start: "20261231", end: "20270101"),
                      AllDay(first: "2028-02-28", last: "2028-02-28", start: "20280228", end: "20280229"),
                      AllDay(first: "2026-03-22", last: "2026-03-22", start: "20260322", end: "20260323")])
    func allDayEndsAreExclusiveCalendarDays(_ c: AllDay) throws {
        let closure = Closure(id: 2, first: try Fx.date(c.first), last: try Fx.date(c.last), label: "Férié")
        let lines = Self.unfold(ICalendarWriter().document([ICalendarEvent(closure: closure)], stamp: Self.stamp))
        #expect(Self.value("DTSTART;VALUE=DATE", in: lines) == c.start)
        #expect(Self.value("DTEND;VALUE=DATE", in: lines) == c.end)
    }

    // MARK: Text is escaped, lines end in CRLF (RFC 5545 §3.3.11, §3.1)

    @Test func textIsEscapedAndLinesEndInCRLF() throws {
        let summary = #"Consultation, suivi; dossier 12\B"#
        let location = "Salle 2, étage 1"
        let note = "Première ligne\nDeuxième ligne"
        let a = Fx.appointment(42, try Fx.span("2026-04-14", "10:00", "10:45"), counselor: 1, room: 2, visitor: 7)
        let text = ICalendarWriter(calendarName: "Leila Amrani").document(
            [ICalendarEvent(appointment: a, summary: summary, location: location, description: note)], stamp: Self.stamp)
        let physical = text.components(separatedBy: "\r\n")
        #expect(physical.contains(#"SUMMARY:Consultation\, suivi\; dossier 12\\B"#))
        #expect(physical.contains(#"LOCATION:Salle 2\, étage 1"#))
        #expect(physical.contains(#"DESCRIPTION:Première ligne\nDeuxième ligne"#))
        #expect(physical.contains("DTSTART:20260414T090000Z"))
        #expect(physical.contains("DTEND:20260414T094500Z"))
        #expect(physical.contains("DTSTAMP:20260301T120000Z"))
        #expect(physical.contains("UID:appointment-42@frontdesk"))
        #expect(physical.contains("STATUS:CONFIRMED"))
        #expect(physical.first == "BEGIN:VCALENDAR")
        #expect(physical.contains("VERSION:2.0"))
        #expect(Self.onlyCRLFControls(text))
        // Read back: exactly the original texts.
        let lines = Self.unfold(text)
        #expect(Self.value("SUMMARY", in: lines).map(Self.unescape) == summary)
        #expect(Self.value("LOCATION", in: lines).map(Self.unescape) == location)
        #expect(Self.value("DESCRIPTION", in: lines).map(Self.unescape) == note)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
        #expect(lines.last == "END:VCALENDAR")
    }

    struct Escape: Sendable, CustomTestStringConvertible {
        var raw: String, escaped: String
        var testDescription: String { raw.debugDescription }
    }

    @Test(arguments: [
        Escape(raw: "a,b", escaped: #"a\,b"#), Escape(raw: "a;b", escaped: #"a\;b"#), Escape(raw: #"a\b"#, escaped: #"a\\b"#),
        Escape(raw: "l1\nl2", escaped: #"l1\nl2"#), Escape(raw: "l1\r\nl2", escaped: #"l1\nl2"#), Escape(raw: "l1\rl2", escaped: #"l1\nl2"#),
        Escape(raw: "\r\n\r\n", escaped: #"\n\n"#), Escape(raw: "\n\r", escaped: #"\n\n"#), Escape(raw: "a\tb", escaped: "a b"),
        Escape(raw: "bell\u{07}esc\u{1B}[31m", escaped: "bellesc[31m"), Escape(raw: "del\u{7F}c1\u{85}", escaped: "delc1"),
        Escape(raw: #"10:00 "Salle""#, escaped: #"10:00 "Salle""#), Escape(raw: "يوسف المهاجر", escaped: "يوسف المهاجر"),
        Escape(raw: #"\n"#, escaped: #"\\n"#),
    ])
    func textValuesAreEscaped(_ c: Escape) {
        #expect(ICalendarWriter.escapeText(c.raw) == c.escaped)
    }

    struct Fold: Sendable, CustomTestStringConvertible {
        var line: String
        /// Octets of each physical line, CRLF excluded.
        var octets: [Int]
        var testDescription: String { "\(line.utf8.count) octets" }
    }

    @Test(arguments: [
        Fold(line: String(repeating: "a", count: 74), octets: [74]),
        Fold(line: String(repeating: "a", count: 75), octets: [75]),
        Fold(line: String(repeating: "a", count: 76), octets: [75, 2]),
        Fold(line: String(repeating: "a", count: 149), octets: [75, 75]),
        Fold(line: String(repeating: "a", count: 150), octets: [75, 75, 2]),
        // é is 2 octets: it does not fit in octets 75–76, so the first line stops at 74.
        Fold(line: String(repeating: "a", count: 74) + "é", octets: [74, 3]),
        // ሳ is 3 octets: 73 + 3 > 75.
        Fold(line: String(repeating: "a", count: 73) + "ሳ", octets: [73, 4]),
        Fold(line: String(repeating: "a", count: 72) + "ሳ", octets: [75]),
    ])
    func linesFoldAt75Octets(_ c: Fold) {
        let folded = ICalendarWriter.fold(c.line)
        #expect(folded.hasSuffix("\r\n"))
        let physical = folded.components(separatedBy: "\r\n").dropLast() // the last is the empty tail after CRLF
        #expect(physical.map(\.utf8.count) == c.octets)
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(Self.unfold(folded) == [c.line])
    }

    @Test func longArabicAndAccentedSummariesFoldWithoutSplittingCharacters() throws {
        let summary = String(repeating: "يوسف المهاجر — Aïssatou Diallo-Ndiaye Traoré — ሳምራዊት ተስፋይ — 👩🏾‍⚕️; ", count: 5)
        let a = Fx.appointment(1, try Fx.span("2026-04-14", "10:00", "10:45"), counselor: 1, room: 2, visitor: 7)
        let text = ICalendarWriter().document([ICalendarEvent(appointment: a, summary: summary, location: "Salle 2",
                                                              description: summary)], stamp: Self.stamp)
        #expect(Self.onlyCRLFControls(text))
        // Split the bytes on CRLF: every physical line is ≤ 75 octets and valid UTF-8 on its own.
        let bytes = Array(text.utf8)
        var lines: [[UInt8]] = [[]]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
                lines.append([])
                i += 2
            } else {
                lines[lines.count - 1].append(bytes[i])
                i += 1
            }
        }
        #expect(lines.last == [])
        var continuations = 0
        for line in lines.dropLast() {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil, "split UTF-8: \(line)")
            if line.first == 0x20 { continuations += 1 }
        }
        #expect(continuations > 10)
        let logical = Self.unfold(text)
        #expect(Self.value("SUMMARY", in: logical).map(Self.unescape) == summary)
        #expect(Self.value("DESCRIPTION", in: logical).map(Self.unescape) == summary)
    }

    @Test func controlCharactersNeverReachTheFile() throws {
        let a = Fx.appointment(1, try Fx.span("2026-04-14", "10:00", "10:45"), counselor: 1, room: 2, visitor: 7)
        let text = ICalendarWriter(productId: "-//x\u{1B}//FR").document(
            [ICalendarEvent(appointment: a, summary: "A\u{1B}[2J\u{07}B\u{0}C", location: "tab\there", description: "x\u{9B}y\r\n")],
            stamp: Self.stamp)
        #expect(Self.onlyCRLFControls(text))
        let lines = Self.unfold(text)
        #expect(Self.value("SUMMARY", in: lines) == "A[2JBC")
        #expect(Self.value("LOCATION", in: lines) == "tab here")
        #expect(Self.value("DESCRIPTION", in: lines) == #"xy\n"#)
    }

    @Test func cancelledAppointmentsAreMarkedAndEventsKeepTheirOrder() throws {
        var a = Fx.appointment(5, try Fx.span("2026-03-23", "09:00", "09:45"), counselor: 1, room: 2, visitor: 7)
        try a.cancel(reason: "malade")
        let closure = Closure(id: 9, first: try Fx.date("2026-03-20"), last: try Fx.date("2026-03-20"), label: "Fermeture — Aïd")
        let lines = Self.unfold(ICalendarWriter().document([ICalendarEvent(closure: closure),
                                                            ICalendarEvent(appointment: a, summary: "Suivi", location: nil, description: nil)],
                                                           stamp: Self.stamp))
        #expect(lines.filter { $0.hasPrefix("UID:") } == ["UID:closure-9@frontdesk", "UID:appointment-5@frontdesk"])
        #expect(lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("DTSTART:20260323T080000Z")) // 09:00 at UTC+1
        #expect(!lines.contains { $0.hasPrefix("LOCATION") || $0.hasPrefix("DESCRIPTION") })
    }
}
