import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// Admin reducer: form validation and the save effects.
struct AdminUpdateTests {
    typealias A = AdminScreen

    func send(_ state: inout Harness<A>, _ keys: Key...) -> [A.Effect] {
        keys.flatMap { A.update(&state, .key($0)) }
    }

    func type(_ state: inout Harness<A>, _ text: String) { for c in text { _ = send(&state, .character(c)) } }

    func loaded() -> Harness<A> {
        var state = Sched.admin()
        _ = A.update(&state, .loaded(A.Data(counselors: Sched.counselors, rooms: Sched.rooms, closures: [], services: Sched.services)))
        return state
    }

    @Test func roomFormValidation() {
        var state = loaded()
        _ = send(&state, .tab)
        #expect(state.tab == .rooms)
        #expect(send(&state, .function(2)) == [])
        #expect(send(&state, .function(2)) == [])
        guard case .form(.room(id: 0), var form) = state.modal else { Issue.record("no form"); return }
        #expect(form.error == "The name is required.")
        #expect(form.focus == 0)
        type(&state, "Salle d'écoute")
        _ = send(&state, .tab, .backspace)
        type(&state, "0")
        #expect(send(&state, .function(2)) == [])
        guard case .form(_, let refused) = state.modal else { Issue.record("no form"); return }
        form = refused
        #expect(form.error == "Seats must be a whole number, at least 1.")
        #expect(form.focus == 1)
        _ = send(&state, .backspace)
        type(&state, "3")
        #expect(send(&state, .control("s")) == [.saveRoom(Room(id: 0, name: "Salle d'écoute", capacity: 3))])
        // The form stays until the store answers; a refusal keeps what was typed.
        _ = A.update(&state, .failed(.scheduling(.nameTaken("Salle d'écoute"))))
        guard case .form(_, let kept) = state.modal else { Issue.record("form closed"); return }
        #expect(kept.error == "The name Salle d'écoute is already used.")
        #expect(kept.text(0) == "Salle d'écoute")
        #expect(A.update(&state, .saved(.saved(name: "Salle d'écoute"))) == [.load])
        #expect(state.notice == Notice(.info, "Saved: Salle d'écoute."))
        #expect(state.modal == nil)
    }

    @Test func counselorFormParsesHoursAndChecksServices() {
        var state = loaded()
        #expect(send(&state, .character("n")) == [])
        type(&state, "ሳምራዊት ተስፋይ")
        _ = send(&state, .tab)
        type(&state, "TI, am")
        _ = send(&state, .tab)
        type(&state, "individual-counseling, yoga")
        #expect(send(&state, .function(2)) == [])
        guard case .form(_, let form) = state.modal else { Issue.record("no form"); return }
        #expect(form.error == "Unknown service: yoga.")
        #expect(form.focus == 2)
        for _ in 0..<6 { _ = send(&state, .backspace) }
        _ = send(&state, .tab, .control("u"))
        type(&state, "mon-thu 09:00-13:00; fri 09:00-12:00")
        var hours = WeeklyHours([.monday, .tuesday, .wednesday, .thursday], [TimeRange("09:00-13:00")!])
        hours.set([TimeRange("09:00-12:00")!], on: .friday)
        #expect(send(&state, .function(2)) == [.saveCounselor(Counselor(id: 0, name: "ሳምራዊት ተስፋይ", serviceIds: ["individual-counseling"],
                                                                       languages: ["ti", "am"], hours: hours))])
    }

    @Test(arguments: ["mon-fri 09:00-12:30,13:30-17:00", "mon-thu 09:00-13:00; fri 09:00-12:00", "tue 10:00-11:00; thu 10:00-11:00"])
    func hoursTextRoundTrips(text: String) throws {
        let hours = try #require(HoursText.parse(text))
        #expect(HoursText.format(hours) == text)
    }

    @Test func spacesBetweenRangesAreAcceptedToo() {
        #expect(HoursText.parse("mon-fri 09:00-12:30 13:30-17:00") == HoursText.parse("mon-fri 09:00-12:30,13:30-17:00"))
    }

    @Test(arguments: ["monday 09:00-12:00", "mon 12:00-09:00", "mon-fri", "fri-mon 09:00-10:00"])
    func malformedHoursAreRefused(text: String) {
        #expect(HoursText.parse(text) == nil)
    }

    @Test func closureAndAbsenceForms() {
        var state = loaded()
        _ = send(&state, .tab, .tab)
        #expect(state.tab == .closures)
        _ = send(&state, .function(2))
        type(&state, "2026-03-20")
        _ = send(&state, .tab, .tab, .right, .tab)
        type(&state, "Aïd al-Fitr")
        #expect(send(&state, .function(2)) == [.saveClosure(Closure(id: 0, first: LocalDate(year: 2026, month: 3, day: 20),
                                                                    last: LocalDate(year: 2026, month: 3, day: 20), roomId: 1, label: "Aïd al-Fitr"))])
        state.modal = nil
        _ = send(&state, .backTab, .backTab)
        _ = send(&state, .character("b"))
        type(&state, "2026-03-22 02:30")
        _ = send(&state, .tab)
        type(&state, "2026-03-22 12:00")
        #expect(send(&state, .function(2)) == [])
        guard case .form(_, let form) = state.modal else { Issue.record("no form"); return }
        #expect(form.error == "That time does not exist that day (clock change).")
        #expect(form.focus == 0)
        _ = send(&state, .control("u"))
        type(&state, "2026-03-23 09:00")
        _ = send(&state, .tab, .control("u"))
        type(&state, "2026-03-23 12:00")
        _ = send(&state, .tab)
        type(&state, "Formation")
        #expect(send(&state, .function(2)) == [.saveAbsence(Absence(id: 0, counselorId: 1,
            interval: UTCInterval(start: Sched.at("2026-03-23", "09:00"), end: Sched.at("2026-03-23", "12:00")), reason: "Formation"))])
    }

    @Test func servicesToggleAndRemovalsAskFirst() {
        var state = loaded()
        #expect(send(&state, .character("x")) == [])
        #expect(state.modal == .confirmRemove(.counselor(Sched.karima)))
        #expect(send(&state, .enter) == [.removeCounselor(id: 1)])
        _ = send(&state, .left, .left, .left) // staff, programs, services
        #expect(state.tab == .services)
        #expect(send(&state, .character(" ")) == [.setServiceActive(id: "individual-counseling", active: false)])
    }

    /// The programs list (issue 15 item 1): funder, name in the screen's language, first day,
    /// how many services; the selected one's statuses, period, services and targets below.
    @Test(arguments: [UILanguage.en, .fr])
    func programsTabListsTheCatalog(_ language: UILanguage) throws {
        TerminalLocale.useUTF8ForTests()
        var state = Sched.admin(language: language)
        _ = A.update(&state, .loaded(A.Data(counselors: Sched.counselors, rooms: Sched.rooms, services: Sched.services,
                                            programs: DefaultPrograms.catalog())))
        _ = send(&state, .left, .left) // staff, programs
        #expect(state.tab == .programs)
        _ = send(&state, .down)
        let frame = Sched.render { A.render(state, into: &$0) }
        try Snapshot.assert(frame, named: "admin-programs-\(language.rawValue)")
        #expect(frame.text.contains("UNHCR") && frame.text.contains("Embassy of the"))
        #expect(frame.text.contains(language == .fr ? "Objectif 2026 : 400 visiteurs uniques" : "Target 2026: 400 unique visitors"))
    }

    /// Programs are added and changed in a form, checked as the command line checks them: the
    /// selected program unchanged saves as it is; a bad target, an unknown service or a taken
    /// id is refused on its field with the command line's words.
    @Test func programsAreAddedAndChangedInAForm() {
        var state = Sched.admin()
        let catalog = DefaultPrograms.catalog()
        let ids = Set(catalog.flatMap(\.services))
        let services = Sched.services + ids.sorted().map { Service(id: $0, nameFr: $0, nameEn: $0, category: .social, durationMinutes: 30) }
        _ = A.update(&state, .loaded(A.Data(counselors: Sched.counselors, rooms: Sched.rooms, services: services, programs: catalog)))
        _ = send(&state, .left, .left)
        #expect(send(&state, .enter) == [])
        guard case .form(.program(id: catalog[0].id?), let form) = state.modal else { Issue.record("no form"); return }
        #expect(form.text(0) == catalog[0].nameFr && form.text(6) == "refugee")
        #expect(send(&state, .control("s")) == [.saveProgram(catalog[0])])
        // A target that is not one, on its field.
        for _ in 0..<7 { _ = send(&state, .tab) }
        type(&state, "2026:visitors:10")
        #expect(send(&state, .control("s")) == [])
        guard case .form(_, let refused) = state.modal else { Issue.record("form closed"); return }
        #expect(refused.focus == 7 && refused.error?.contains("2026:visitors:10") == true, "\(refused.error ?? "")")
        // The whole refusal is on screen at 80x24: wider than the form, it is wrapped, not cut.
        let shown = state.frame.text, words = (refused.error ?? "").split(separator: " ")
        #expect(DisplayText.width(of: refused.error ?? "") > 60 && words.allSatisfy { shown.contains($0) }, "\(shown)")
        _ = send(&state, .escape)
        // An empty new program: the first field refused is its id, not its first day.
        #expect(send(&state, .character("n")) == [])
        #expect(send(&state, .control("s")) == [])
        guard case .form(.program(id: nil), let empty) = state.modal else { Issue.record("no new form"); return }
        #expect(empty.focus == 0 && empty.error?.contains("program id") == true, "\(empty.focus) \(empty.error ?? "")")
        _ = send(&state, .escape)
        // A new program: its id must be free, its services known.
        #expect(send(&state, .character("n")) == [])
        type(&state, "unhcr-dafi")
        _ = send(&state, .tab); type(&state, "Radio web")
        _ = send(&state, .tab); type(&state, "Web radio")
        _ = send(&state, .tab); type(&state, "EIRENE")
        _ = send(&state, .tab); type(&state, "2026-01-01")
        _ = send(&state, .tab, .tab); type(&state, "yoga")
        #expect(send(&state, .control("s")) == [])
        guard case .form(.program(id: nil), let taken) = state.modal else { Issue.record("no new form"); return }
        #expect(taken.focus == 0 && taken.error?.contains("unhcr-dafi") == true)
        state.modal = .form(.program(id: nil), { var f = taken; f.focus = 0; return f }())
        for _ in 0..<10 { _ = send(&state, .backspace) }
        type(&state, "eirene-music")
        #expect(send(&state, .control("s")) == [])
        guard case .form(_, let unknown) = state.modal else { Issue.record("form closed"); return }
        #expect(unknown.focus == 6 && unknown.error == "no service 'yoga' (frontdesk services lists them)", "\(unknown.focus) \(unknown.error ?? "") \(unknown.text(0))")
        state.modal = .form(.program(id: nil), { var f = unknown; f.focus = 6; return f }())
        for _ in 0..<4 { _ = send(&state, .backspace) }
        let saved = send(&state, .control("s"))
        let program = Program(id: "eirene-music", nameFr: "Radio web", nameEn: "Web radio", funder: "EIRENE",
                              first: LocalDate(year: 2026, month: 1, day: 1), services: [])
        #expect(saved == [.saveProgram(program)])
        // Saved, it is the selected row once the list is loaded again, wherever it lands.
        _ = A.update(&state, .saved(.saved(name: "Web radio")))
        _ = A.update(&state, .loaded(A.Data(counselors: Sched.counselors, rooms: Sched.rooms, services: services,
                                            programs: Array(catalog.prefix(3)) + [program] + catalog.dropFirst(3))))
        #expect(state.state.list.selected.map { state.state.data.programs[$0].id } == "eirene-music")
    }

    /// The staff list: who may sign in and with which role; `x` disables a login after a
    /// confirmation; adding staff and PINs stay on the command line (never typed in a form).
    @Test func staffTabListsLoginsAndDisablesOne() throws {
        TerminalLocale.useUTF8ForTests()
        var state = Sched.admin()
        let staff = [StaffMember(id: 1, name: "Amina Tazi", role: .receptionist),
                     StaffMember(id: 2, name: "Karima", role: .counselor, counselorId: Sched.karima.id),
                     StaffMember(id: 3, name: "Old Desk", role: .receptionist, active: false),
                     StaffMember(id: 4, name: "Omar", role: .admin)]
        _ = A.update(&state, .loaded(A.Data(counselors: Sched.counselors, rooms: Sched.rooms, services: Sched.services, staff: staff)))
        _ = send(&state, .backTab)
        #expect(state.tab == .staff)
        let frame = Sched.render { A.render(state, into: &$0) }
        #expect(frame.text.contains("Karima Benali"))
        try Snapshot.assert(frame, named: "admin-staff")
        #expect(send(&state, .function(2)) == [])
        #expect(state.notice?.text.contains("frontdesk staff add") == true)
        #expect(send(&state, .character("x")) == [])
        guard case .confirmRemove(.staff(let m))? = state.modal else { Issue.record("no confirmation"); return }
        #expect(m.name == "Amina Tazi")
        #expect(send(&state, .enter) == [.disableStaff(name: "Amina Tazi")])
        // A disabled login is not disabled again.
        _ = send(&state, .down, .down)
        #expect(send(&state, .character("x")) == [])
        #expect(state.modal == nil)
    }
}
