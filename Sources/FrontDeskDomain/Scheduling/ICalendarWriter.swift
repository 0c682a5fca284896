import Foundation

/// One VEVENT of an iCalendar export.
public struct ICalendarEvent: Hashable, Sendable {
    /// When it happens.
    public enum Timing: Hashable, Sendable {
        /// A timed event, written in UTC: `DTSTART:20260414T090000Z`.
        case timed(UTCInterval)
        /// Whole local days `first...last` (inclusive), written as dates with an exclusive end:
        /// `DTSTART;VALUE=DATE:20260320`, `DTEND;VALUE=DATE:20260321`.
        case allDay(first: LocalDate, last: LocalDate)
    }

    public enum Status: String, Hashable, Sendable {
        case confirmed = "CONFIRMED", cancelled = "CANCELLED"
    }

    /// Globally unique and stable across exports (`appointment-42@frontdesk`); holds no names.
    public var uid: String
    public var timing: Timing
    public var summary: String
    public var location: String?
    public var description: String?
    public var status: Status?

    public init(uid: String, timing: Timing, summary: String, location: String? = nil, description: String? = nil, status: Status? = nil) {
        self.uid = uid
        self.timing = timing
        self.summary = summary
        self.location = location
        self.description = description
        self.status = status
    }

    /// An all-day event for a closure: UID `closure-<id>@<domain>`, SUMMARY its label.
    public init(closure: Closure, location: String? = nil, uidDomain: String = "frontdesk") {
        self.init(uid: "closure-\(closure.id)@\(uidDomain)", timing: .allDay(first: closure.first, last: closure.last),
                  summary: closure.label, location: location)
    }

    /// A timed event for an appointment: UID `appointment-<id>@<domain>`; the texts are the
    /// caller's (service name, room, note: choose what a counselor's calendar may show).
    /// A cancelled appointment gets `STATUS:CANCELLED`.
    public init(appointment: Appointment, summary: String, location: String?, description: String?, uidDomain: String = "frontdesk") {
        self.init(uid: "appointment-\(appointment.id)@\(uidDomain)", timing: .timed(appointment.interval), summary: summary,
                  location: location, description: description,
                  status: appointment.status == .cancelled ? .cancelled : .confirmed)
    }
}

/// Writes iCalendar (RFC 5545) text. Pure: output depends only on the arguments, never on the
/// process's time zone or locale.
///
/// - Lines end in CRLF and are folded at 75 octets, continuation lines starting with one
///   space, never inside a UTF-8 sequence (§3.1).
/// - TEXT values escape `\` `;` `,` and write line breaks (LF, CRLF, CR) as `\n` (§3.3.11);
///   other control characters are dropped (TAB becomes a space), so the output holds no control
///   byte other than CRLF.
/// - Timed events are UTC (`DTSTART:20260414T090000Z`, §3.3.5 form 2); all-day ones are DATE
///   values with an exclusive DTEND (§3.6.1).
public struct ICalendarWriter: Sendable {
    /// PRODID (§3.7.3).
    public var productId: String
    /// Written as `X-WR-CALNAME` when set (a widely read extension).
    public var calendarName: String?

    public init(productId: String = "-//Centre interculturel//FrontDesk//FR", calendarName: String? = nil) {
        self.productId = productId
        self.calendarName = calendarName
    }

    /// A whole VCALENDAR with the events in the given order.
    /// - Parameter stamp: DTSTAMP of every event (the export time, UTC).
    public func document(_ events: [ICalendarEvent], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + Self.escapeText(productId), "CALSCALE:GREGORIAN"]
        if let calendarName { lines.append("X-WR-CALNAME:" + Self.escapeText(calendarName)) }
        for event in events { lines += Self.lines(of: event, stamp: stamp) }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    /// The unfolded content lines of one VEVENT.
    static func lines(of event: ICalendarEvent, stamp: Date) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + escapeText(event.uid), "DTSTAMP:" + utcDateTime(stamp)]
        switch event.timing {
        case .timed(let i):
            lines += ["DTSTART:" + utcDateTime(i.start), "DTEND:" + utcDateTime(i.end)]
        case .allDay(let first, let last):
            lines += ["DTSTART;VALUE=DATE:" + dateValue(first),
                      "DTEND;VALUE=DATE:" + dateValue((last < first ? first : last).adding(days: 1))]
        }
        lines.append("SUMMARY:" + escapeText(event.summary))
        if let l = event.location { lines.append("LOCATION:" + escapeText(l)) }
        if let d = event.description { lines.append("DESCRIPTION:" + escapeText(d)) }
        if let s = event.status { lines.append("STATUS:" + s.rawValue) }
        lines.append("END:VEVENT")
        return lines
    }

    /// Escapes a TEXT value (§3.3.11): `\` → `\\`, `;` → `\;`, `,` → `\,`, a line break (LF,
    /// CRLF or CR) → `\n`; TAB → space; other C0, DEL and C1 controls dropped; bidi controls
    /// and U+2028/2029 become `⍰` (`ExportText`), as on the screen.
    public static func escapeText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for s in text.unicodeScalars {
            defer { afterCR = s == "\r" }
            switch s {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !afterCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": out.append(" ")
            default:
                if s.value < 0x20 || (0x7F...0x9F).contains(s.value) { continue }
                out.append(ExportText.isDirectionOrSeparator(s) ? ExportText.placeholder : s)
            }
        }
        return String(out)
    }

    /// One content line folded at 75 octets (§3.1) and ended with CRLF. Breaks fall between
    /// Unicode scalars, so a UTF-8 sequence is never split; each continuation line is a space
    /// plus at most 74 octets.
    public static func fold(_ line: String) -> String {
        var out = ""
        var current = ""
        var octets = 0
        var limit = 75
        for s in line.unicodeScalars {
            let n = UTF8.width(s)
            if octets + n > limit {
                out += current + "\r\n"
                current = " "
                octets = 1
                limit = 75
            }
            current.unicodeScalars.append(s)
            octets += n
        }
        return out + current + "\r\n"
    }

    /// `20260414T090000Z`: UTC, whole seconds (rounded down). Pure arithmetic, no formatter.
    public static func utcDateTime(_ instant: Date) -> String {
        let (date, h, m, s) = utcFields(instant)
        return dateValue(date) + "T" + pad(h) + pad(m) + pad(s) + "Z"
    }

    /// `20260320`.
    public static func dateValue(_ date: LocalDate) -> String {
        NumberText.zeroPadded(date.year, width: 4) + pad(date.month) + pad(date.day)
    }

    /// `2026-04-14T09:00:00Z`.
    static func isoUTC(_ instant: Date) -> String {
        let (d, h, m, s) = utcFields(instant)
        return "\(d)T\(pad(h)):\(pad(m)):\(pad(s))Z"
    }

    private static func utcFields(_ instant: Date) -> (LocalDate, Int, Int, Int) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let day = floorDiv(seconds, CenterCalendar.secondsPerWallDay)
        let rest = seconds - day * CenterCalendar.secondsPerWallDay
        return (LocalDate(dayNumber: day), rest / 3600, rest / 60 % 60, rest % 60)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
