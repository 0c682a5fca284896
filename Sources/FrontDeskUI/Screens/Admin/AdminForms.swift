import Foundation
import FrontDeskDomain
import TerminalKit

/// Weekly hours as one line of text, for the counselor form, as on the command line:
/// `mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00`. Day groups are separated by `;`, days
/// are ranges (`mon-fri`) or lists (`mon,wed`), time ranges `HH:MM-HH:MM` separated by commas
/// (or spaces).
public enum HoursText {
    static let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public static func format(_ hours: WeeklyHours) -> String {
        var groups: [(first: Int, last: Int, ranges: [TimeRange])] = []
        for (i, day) in Weekday.allCases.enumerated() {
            let ranges = hours.ranges(on: day)
            guard !ranges.isEmpty else { continue }
            if let last = groups.last, last.last == i - 1, last.ranges == ranges { groups[groups.count - 1].last = i }
            else { groups.append((i, i, ranges)) }
        }
        return groups.map { g in
            let days = g.first == g.last ? names[g.first] : "\(names[g.first])-\(names[g.last])"
            return days + " " + g.ranges.map { "\($0.start)-\($0.end)" }.joined(separator: ",")
        }.joined(separator: "; ")
    }

    /// nil when any part is malformed.
    public static func parse(_ text: String) -> WeeklyHours? {
        var hours = WeeklyHours.none
        for group in text.lowercased().split(separator: ";") {
            let words = group.split(separator: " ").map(String.init)
            guard let dayText = words.first, words.count >= 2 else { return nil }
            var days: [Int] = []
            for part in dayText.split(separator: ",") {
                let ends = part.split(separator: "-").map(String.init)
                guard let a = ends.first.flatMap({ names.firstIndex(of: $0) }), let b = names.firstIndex(of: ends.last ?? ""),
                      ends.count <= 2, a <= b else { return nil }
                days += Array(a...b)
            }
            var ranges: [TimeRange] = []
            for w in words.dropFirst().flatMap({ $0.split(separator: ",").map(String.init) }) {
                let ends = w.split(separator: "-").map(String.init)
                guard ends.count == 2, let a = LocalTime(ends[0]), let b = LocalTime(ends[1]), let r = TimeRange(a, b) else { return nil }
                ranges.append(r)
            }
            for d in days { hours.set(hours.ranges(on: Weekday.allCases[d]) + ranges, on: Weekday.allCases[d]) }
        }
        return hours
    }
}

extension AdminScreen {
    static func counselorForm(_ c: Counselor?) -> FieldForm {
        FieldForm(title: c == nil ? "admin.newCounselor" : "admin.editCounselor", fields: [
            .text("admin.name", c?.name ?? ""),
            .text("admin.languages", c?.languages.joined(separator: ", ") ?? "", maxLength: 120),
            .text("admin.services", c?.serviceIds.joined(separator: ", ") ?? "", maxLength: 400),
            .text("admin.hours", c.map { HoursText.format($0.hours) } ?? "mon-fri 09:00-12:30,13:30-17:00", maxLength: 300),
            FieldForm.Field("admin.active", .toggle(c?.active ?? true)),
        ])
    }

    static func roomForm(_ r: Room?) -> FieldForm {
        FieldForm(title: r == nil ? "admin.newRoom" : "admin.editRoom", fields: [
            .text("admin.name", r?.name ?? ""),
            .text("admin.capacity", r.map { String($0.capacity) } ?? "1", maxLength: 4),
            FieldForm.Field("admin.active", .toggle(r?.active ?? true)),
        ])
    }

    static func closureForm(_ c: Closure?, rooms: [Room], strings: Localizer) -> FieldForm {
        let options = [strings("admin.wholeCenter")] + rooms.map(\.name)
        let chosen = c?.roomId.flatMap { id in rooms.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        return FieldForm(title: c == nil ? "admin.newClosure" : "admin.editClosure", fields: [
            .text("admin.first", c?.first.description ?? "", maxLength: 10),
            .text("admin.last", c?.last.description ?? "", maxLength: 10),
            FieldForm.Field("admin.room", .choice(options, chosen)),
            .text("admin.label", c?.label ?? ""),
        ])
    }

    /// A program's fields as text, in the command line's forms: days `YYYY-MM-DD` (the last
    /// empty while it runs on), services and statuses comma-separated (no status: all), targets
    /// `2026:unique_visitors:400, 2027:services:900`. The id is asked only for a new program.
    static func programForm(_ p: Program?) -> FieldForm {
        let targets = p?.targets.map { "\($0.year):\($0.measure.rawValue):\($0.count)" }.joined(separator: ", ") ?? ""
        return FieldForm(title: p == nil ? "admin.newProgram" : "admin.editProgram", fields: (p == nil ? [.text("admin.programId", "", maxLength: 40)] : []) + [
            .text("admin.nameFr", p?.nameFr ?? ""),
            .text("admin.nameEn", p?.nameEn ?? ""),
            .text("admin.funder", p?.funder ?? "", maxLength: 80),
            .text("admin.first", p?.first.description ?? "", maxLength: 10),
            .text("admin.last", p?.last?.description ?? "", maxLength: 10),
            .text("admin.services", p?.services.sorted().joined(separator: ", ") ?? "", maxLength: 600),
            .text("admin.statuses", LegalStatus.allCases.filter { p?.statuses.contains($0) ?? false }.map(\.rawValue).joined(separator: ", "), maxLength: 120),
            .text("admin.targets", targets, maxLength: 200),
        ])
    }

    /// The program a program form describes, checked as the store checks it
    /// (`Program.validated`), or the field at fault and its message.
    static func program(from form: FieldForm, id: String?, _ state: State, _ ctx: ScreenContext) -> Result<Program, FormError> {
        let s = ctx.strings
        let o = id == nil ? 1 : 0 // the id field comes first on a new program
        func fail(_ field: Int, _ text: String) -> Result<Program, FormError> { .failure(FormError(field: field, message: text)) }
        func list(_ text: String) -> [String] { text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let programId = id ?? form.text(0).trimmingCharacters(in: .whitespaces)
        if id == nil, state.data.programs.contains(where: { $0.id == programId }) { return fail(0, s("admin.programExists", programId)) }
        // The fields in their order: the id, the names and the funder before the days.
        do {
            _ = try Program(id: programId, nameFr: form.text(o), nameEn: form.text(o + 1), funder: form.text(o + 2),
                            first: LocalDate(year: 2000, month: 1, day: 1), services: []).validated(knownServices: [])
        } catch {
            switch error {
            case .invalidId: return fail(0, s.message(for: error))
            case .nameMissing: return fail(o, s.message(for: error))
            case .funderMissing: return fail(o + 2, s.message(for: error))
            default: break // the later fields are read below
            }
        }
        guard let first = LocalDate(iso: form.text(o + 3)) else { return fail(o + 3, s("error.dateInvalid", form.text(o + 3))) }
        let lastText = form.text(o + 4)
        var last: LocalDate?
        if !lastText.isEmpty {
            guard let day = LocalDate(iso: lastText) else { return fail(o + 4, s("error.dateInvalid", lastText)) }
            last = day
        }
        var statuses: Set<LegalStatus> = []
        for word in list(form.text(o + 6)) {
            guard let status = LegalStatus(rawValue: word.lowercased().replacingOccurrences(of: "-", with: "_")) else {
                return fail(o + 6, s("cli.programs.badStatus", word))
            }
            statuses.insert(status)
        }
        var targets: [ProgramTarget] = []
        for text in list(form.text(o + 7)) {
            let parts = text.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3, let year = Int(parts[0]), let measure = ProgramTarget.Measure(rawValue: parts[1]), let count = Int(parts[2]) else {
                return fail(o + 7, s("cli.programs.badTarget", text))
            }
            targets.append(ProgramTarget(year: year, measure: measure, count: count))
        }
        let draft = Program(id: programId, nameFr: form.text(o), nameEn: form.text(o + 1), funder: form.text(o + 2), first: first, last: last,
                            services: Set(list(form.text(o + 5))), statuses: statuses, targets: targets)
        do {
            return .success(try draft.validated(knownServices: Set(state.data.services.map(\.id))))
        } catch {
            let field: Int
            switch error {
            case .invalidId: field = 0
            case .nameMissing: field = o
            case .funderMissing: field = o + 2
            case .days: field = o + 4
            case .unknownService: field = o + 5
            case .invalidTarget: field = o + 7
            case .unknownProgram, .serviceNotFound, .notCovered: field = 0
            }
            return fail(field, s.message(for: error))
        }
    }

    static func absenceForm() -> FieldForm {
        FieldForm(title: "admin.newAbsence", fields: [
            .text("admin.from", "", maxLength: 16),
            .text("admin.to", "", maxLength: 16),
            .text("admin.reason", ""),
        ])
    }

    /// Checks a form and turns it into the save effect, or the message of the first problem.
    static func validate(_ target: FormTarget, _ form: FieldForm, _ state: State, _ ctx: ScreenContext) -> Result<Effect, FormError> {
        let s = ctx.strings
        func fail(_ field: Int, _ key: String, _ args: CustomStringConvertible...) -> Result<Effect, FormError> {
            var text = s(key)
            for (i, a) in args.enumerated() { text = text.replacingOccurrences(of: "{\(i)}", with: a.description) }
            return .failure(FormError(field: field, message: text))
        }
        switch target {
        case .counselor(let id):
            let name = form.text(0)
            guard !name.isEmpty else { return fail(0, "error.nameMissing") }
            let languages = form.text(1).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            let serviceIds = form.text(2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let unknown = serviceIds.first(where: { id in !state.data.services.contains { $0.id == id } }) {
                return fail(2, "error.serviceUnknown", unknown)
            }
            guard let hours = HoursText.parse(form.text(3)) else { return fail(3, "error.hoursInvalid") }
            return .success(.saveCounselor(Counselor(id: id, name: name, serviceIds: serviceIds, languages: languages, hours: hours,
                                                     active: form.isOn(4))))
        case .room(let id):
            let name = form.text(0)
            guard !name.isEmpty else { return fail(0, "error.nameMissing") }
            guard let capacity = Int(form.text(1)), capacity >= 1 else { return fail(1, "error.capacityInvalid") }
            return .success(.saveRoom(Room(id: id, name: name, capacity: capacity, active: form.isOn(2))))
        case .closure(let id):
            guard let first = LocalDate(iso: form.text(0)) else { return fail(0, "error.dateInvalid", form.text(0)) }
            let lastText = form.text(1)
            guard let last = lastText.isEmpty ? first : LocalDate(iso: lastText) else { return fail(1, "error.dateInvalid", lastText) }
            guard first <= last else { return fail(1, "error.spanReversed") }
            let label = form.text(3)
            guard !label.isEmpty else { return fail(3, "error.labelMissing") }
            let room = form.choice(2)
            let roomId = room == 0 ? nil : state.data.rooms[safe: room - 1]?.id
            return .success(.saveClosure(Closure(id: id, first: first, last: last, roomId: roomId, label: label)))
        case .absence(let counselorId, let id):
            guard let from = LocalDateTime(iso: form.text(0)) else { return fail(0, "error.dateTimeInvalid", form.text(0)) }
            guard let to = LocalDateTime(iso: form.text(1)) else { return fail(1, "error.dateTimeInvalid", form.text(1)) }
            let start: Date, end: Date
            do {
                start = try ctx.calendar.instant(from)
                end = try ctx.calendar.instant(to)
            } catch {
                return fail(0, "error.timeDoesNotExist")
            }
            guard start < end else { return fail(1, "error.spanReversed") }
            return .success(.saveAbsence(Absence(id: id, counselorId: counselorId, interval: UTCInterval(start: start, end: end),
                                                 reason: form.text(2))))
        case .program(let id):
            return program(from: form, id: id, state, ctx).map(Effect.saveProgram)
        }
    }

    /// A refused form: the field to focus and the message.
    struct FormError: Error, Equatable {
        var field: Int
        var message: String
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
