import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// The current instant: `FRONTDESK_NOW` (ISO 8601 UTC, `2026-04-01T08:00:00Z`) when set, for
/// tests and demonstrations that need a fixed clock; else the system clock.
func clockNow() throws -> Date {
    guard let text = ProcessInfo.processInfo.environment["FRONTDESK_NOW"], !text.isEmpty else { return Date() }
    // Date.ISO8601FormatStyle parses in Swift; ISO8601DateFormatter would start ICU's date
    // and number formatters (about 2 ms of every short command's start).
    guard let date = try? Date.ISO8601FormatStyle().parse(text) else {
        throw UserError(key: "cli.error.badNow", TextOutput.safe(text))
    }
    return date
}

/// Runs a scheduling call, turning refusals into one-line messages in the command's language
/// (`Localizer.cliMessage`).
func schedulingCall<T>(_ calendar: CenterCalendar, _ body: () throws -> T) throws -> T {
    do {
        return try storeCall(body)
    } catch let error as BookingError {
        throw UserError { $0.cliMessage(for: error, calendar: calendar) }
    } catch let error as SchedulingError {
        throw UserError { $0.cliMessage(for: error) }
    } catch let error as LocalTimeError {
        throw UserError { $0.cliMessage(for: error) }
    } catch let error as ProgramError {
        // A program chosen at booking (`book --program`) or kept through a move.
        throw UserError { TextOutput.safe($0.message(for: error)) }
    }
}

/// Parses `YYYY-MM-DD`.
func localDate(_ text: String, option: String) throws -> LocalDate {
    guard let d = LocalDate(iso: text) else { throw UserError(key: "cli.error.notADate", option, TextOutput.safe(text)) }
    return d
}

/// Finds a counselor by id, exact name (case-insensitive), or a part of one name.
/// - Throws: `UserError` (`cli.error.no.counselor`, `cli.error.several.counselor`).
func findCounselor(_ text: String, in db: any FrontDeskRepository) throws -> Counselor {
    try findNamed(text, kind: "counselor", among: try storeCall { try db.counselors(includeInactive: true) }, name: \.name, id: \.id)
}

/// Finds a room by id, exact name (case-insensitive), or a part of one name.
func findRoom(_ text: String, in db: any FrontDeskRepository) throws -> Room {
    try findNamed(text, kind: "room", among: try storeCall { try db.rooms(includeInactive: true) }, name: \.name, id: \.id)
}

private func findNamed<T>(_ text: String, kind: String, among all: [T], name: KeyPath<T, String>, id: KeyPath<T, Int64>) throws -> T {
    if let n = Int64(text), let hit = all.first(where: { $0[keyPath: id] == n }) { return hit }
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    let fold = { (s: String) in s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
    if let exact = all.first(where: { fold($0[keyPath: name]) == folded }) { return exact }
    let partial = all.filter { fold($0[keyPath: name]).contains(folded) }
    if partial.count == 1 { return partial[0] }
    if partial.isEmpty { throw UserError(key: "cli.error.no." + kind, TextOutput.safe(text)) }
    throw UserError(key: "cli.error.several." + kind, TextOutput.safe(text), partial.map { TextOutput.safe($0[keyPath: name]) }.joined(separator: ", "))
}

/// Finds a service by id.
func findService(_ id: String, in db: any FrontDeskRepository) throws -> Service {
    guard let s = try storeCall({ try db.services() }).first(where: { $0.id == id.lowercased() }) else {
        throw UserError(key: "cli.error.noService", TextOutput.safe(id))
    }
    return s
}

/// The ISO 639 code of an interpreter's language (`--interpreter ar`, any case), or nil when
/// none is given. - Throws: `UserError` naming the option when the code is not a known language.
func interpreterLanguage(_ text: String?) throws -> String? {
    guard let text else { return nil }
    let code = text.trimmingCharacters(in: .whitespaces).lowercased()
    guard let language = try ShippedData.languages()[code] else {
        throw UserError(key: "cli.error.badInterpreter", TextOutput.safe(text))
    }
    return language.code
}

/// Comma-separated values, trimmed, empty ones dropped.
func commaList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// Parses weekly hours or explains the form.
func weeklyHours(_ text: String) throws -> WeeklyHours {
    guard let h = WeeklyHours(spec: text) else {
        throw UserError(key: "cli.error.badHours", TextOutput.safe(text))
    }
    return h
}

/// `10:00–10:45` on one day, else both dates.
func localSpan(_ a: LocalDateTime, _ b: LocalDateTime) -> String {
    a.date == b.date || (b.time == .midnight && b.date == a.date.adding(days: 1)) ? "\(a.date) \(a.time)–\(b.time)" : "\(a)–\(b)"
}

/// Output formats of `schedule`.
enum ScheduleFormat: String, ExpressibleByArgument, CaseIterable, ExportFormat {
    case text, csv, json, ics, xlsx

    var isWorkbook: Bool { self == .xlsx }
}

/// The visitor with this public code (`visitor(code:in:)`, for commands with a `visitor` option).
func findVisitor(_ code: String, in db: any FrontDeskRepository) throws -> Visitor {
    try visitor(code: code, in: db)
}
