import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// Typing can never act on data: on every screen with a text field, each printable ASCII key
/// typed into that field, and text pasted with a tab and line breaks, only edit the field (and,
/// where the field is a search, search). No other effect, no dialog closed or opened, no focus
/// moved, no quit.
struct TextFieldRuleTests {
    init() { TerminalLocale.useUTF8ForTests() }

    /// The printable ASCII keys, space to tilde.
    static let printable: [Character] = (0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }

    /// Presses each printable key on a fresh harness from `make`, then pastes text with a tab
    /// and line breaks. `field` reads the text of the field that has focus (nil when no text
    /// field has it); `accepts` says which characters the field keeps (a year takes digits
    /// only); `allowed` says which effects typing may produce.
    static func expectRule<S: Screen>(_ name: String, _ make: () -> Harness<S>, field: (Harness<S>) -> String?,
                                      accepts: (Character) -> Bool = { _ in true }, allowed: @escaping (S.Effect) -> Bool,
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        for key in printable {
            var h = make()
            let before = field(h)
            #expect(before == "", "\(name): starts empty and focused", sourceLocation: sourceLocation)
            let effects = h.press(.character(key))
            let refused = effects.filter { !allowed($0) }
            #expect(refused.isEmpty, "\(name): '\(key)' gave \(refused)", sourceLocation: sourceLocation)
            #expect(field(h) == (accepts(key) ? String(key) : ""), "\(name): '\(key)' typed", sourceLocation: sourceLocation)
            #expect(h.overlay == nil && !h.quitRequested, "\(name): '\(key)'", sourceLocation: sourceLocation)
        }
        var h = make()
        let effects = h.send(.shell(.paste("1\ta\n2 b\r\n")))
        let refused = effects.filter { !allowed($0) }
        #expect(refused.isEmpty, "\(name): a paste gave \(refused)", sourceLocation: sourceLocation)
        let expected = String("1 a 2 b".filter(accepts))
        #expect(field(h) == expected, "\(name): the paste on one line", sourceLocation: sourceLocation)
        #expect(h.overlay == nil && !h.quitRequested, sourceLocation: sourceLocation)
    }

    // MARK: Reception

    static func receptionSearch(_ h: Harness<ReceptionScreen>) -> String? {
        h.state.focus == .search && h.state.modal == nil ? h.state.search.field.text : nil
    }

    static func isSearch(_ effect: ReceptionScreen.Effect) -> Bool {
        if case .search = effect { return true }
        return false
    }

    static func reception(focus: ReceptionScreen.Focus) -> Harness<ReceptionScreen> {
        var h = Fixture.state()
        _ = h.resize(h.size)
        _ = ReceptionScreen.update(&h, .queueLoaded(Fixture.busyQueue, QueueCounts(waiting: 4, called: 1)))
        h.state.focus = focus
        return h
    }

    @Test(arguments: [ReceptionScreen.Focus.search, .queue, .expected])
    func receptionLettersGoToTheSearchFromEveryPane(focus: ReceptionScreen.Focus) {
        Self.expectRule("reception, \(focus)", { Self.reception(focus: focus) }, field: { h in
            // Typed text lands in the search, which then has focus.
            h.state.modal == nil && (h.state.focus == .search || h.state.search.field.text.isEmpty) ? h.state.search.field.text : nil
        }, allowed: Self.isSearch)
    }

    static let formFields: [VisitorForm.Field] = [.givenName, .familyName, .birthYear, .nationality, .languages, .phone]

    @Test(arguments: formFields)
    func newVisitorFormFields(field: VisitorForm.Field) {
        Self.expectRule("new visitor, \(field)", {
            var h = Self.reception(focus: .search)
            _ = h.press(.function(2))
            if case .visitorForm(var form)? = h.state.modal {
                form.focus = field
                h.state.modal = .visitorForm(form)
            }
            return h
        }, field: { h in
            guard case .visitorForm(let form)? = h.state.modal, form.focus == field else { return nil }
            switch field {
            case .givenName: return form.givenName.text
            case .familyName: return form.familyName.text
            case .birthYear: return form.birthYear.text
            case .nationality: return form.nationality.text
            case .languages: return form.languages.text
            case .phone: return form.phone.text
            default: return nil
            }
        }, accepts: { field == .birthYear ? ($0.isASCII && $0.isNumber) || "/.-".contains($0) : true }, allowed: { _ in false })
    }

    // MARK: Booking

    @Test func bookingVisitorSearch() {
        Self.expectRule("booking search", { Sched.booking() }, field: { h in
            h.state.focus == .visitor && h.state.modal == nil ? h.state.search.field.text : nil
        }, allowed: { if case .search = $0 { return true } else { return false } })
    }

    static func formText<M>(_ modal: M?, _ form: (M) -> FieldForm?) -> String? {
        // The text of the form's focused field.
        guard let modal, let f = form(modal), case .text(let field) = f.fields[f.focus].kind else { return nil }
        return field.text
    }

    static func bookingForm(_ modal: BookingScreen.Modal) -> FieldForm? {
        switch modal {
        case .date(let f), .cancel(_, let f): f
        default: nil
        }
    }

    static func scheduleForm(_ modal: ScheduleScreen.Modal) -> FieldForm? {
        switch modal {
        case .note(_, let f), .correct(_, let f), .date(let f): f
        default: nil
        }
    }

    @Test func bookingDateAndCancellationForms() {
        let empty = { (title: String, label: String) in FieldForm(title: title, fields: [.text(label, maxLength: 200)]) }
        Self.expectRule("booking date", {
            var h = Sched.booking()
            h.state.modal = .date(empty("date.title", "date.field"))
            return h
        }, field: { h in Self.formText(h.state.modal, Self.bookingForm) }, allowed: { _ in false })
        Self.expectRule("booking cancellation", {
            var h = Sched.booking()
            h.state.modal = .cancel(Sched.listing(1, Fixture.youssef, date: "2026-04-14", time: "10:00"), empty("cancel.title", "cancel.reason"))
            return h
        }, field: { h in Self.formText(h.state.modal, Self.bookingForm) }, allowed: { _ in false })
    }

    // MARK: Schedule

    @Test func scheduleNoteCorrectionAndDateForms() {
        let listing = Sched.listing(1, Fixture.youssef, date: "2026-04-14", time: "10:00")
        let empty = { (title: String, label: String) in FieldForm(title: title, fields: [.text(label, maxLength: 500)]) }
        let cases: [(String, ScheduleScreen.Modal)] = [
            ("note", .note(listing, empty("schedule.note.title", "schedule.note.field"))),
            ("correction", .correct(listing, empty("correct.title", "correct.reason"))),
            ("date", .date(empty("date.goTo", "date.field"))),
        ]
        for (name, modal) in cases {
            Self.expectRule("schedule \(name)", {
                var h = Sched.schedule()
                h.state.modal = modal
                return h
            }, field: { h in Self.formText(h.state.modal, Self.scheduleForm) }, allowed: { _ in false })
        }
    }

    // MARK: Admin

    static func adminFirstField(_ h: Harness<AdminScreen>) -> String? {
        guard case .form(_, let f)? = h.state.modal, f.focus == 0, case .text(let field) = f.fields[0].kind else { return nil }
        return field.text
    }

    @Test(arguments: [AdminScreen.Tab.counselors, .rooms, .closures])
    func adminFormsFirstField(tab: AdminScreen.Tab) {
        Self.expectRule("admin \(tab)", { () -> Harness<AdminScreen> in
            var h = Sched.admin()
            _ = AdminScreen.update(&h, .loaded(AdminScreen.Data(counselors: Sched.counselors, rooms: Sched.rooms)))
            h.state.tab = tab
            _ = h.press(.function(2))
            if case .form(let target, var form)? = h.state.modal, case .text(var field) = form.fields[0].kind {
                field.setText("")
                form.fields[0].kind = .text(field)
                h.state.modal = .form(target, form)
            }
            return h
        }, field: Self.adminFirstField, allowed: { _ in false })
    }

    // MARK: Sign-in

    static func firstAdminForm() -> Harness<SignInScreen> {
        var h = Harness<SignInScreen>(SignInScreen.State())
        h.state.mode = .firstAdmin
        return h
    }

    static func firstAdminName(_ h: Harness<SignInScreen>) -> String? {
        guard h.state.mode == .firstAdmin, h.state.adminFocus == .name else { return nil }
        return h.state.adminName.text
    }

    @Test func firstAdminName() {
        Self.expectRule("first admin name", Self.firstAdminForm, field: Self.firstAdminName, allowed: { _ in false })
    }

    // MARK: Marks

    /// Names with stacked combining marks (Latin, Arabic harakat, Ge'ez, Devanagari) typed into
    /// the new-visitor form are kept exactly, whether the terminal delivers a letter with its
    /// marks as one key or each mark as its own key.
    @Test func stackedMarksAreKeptAsTyped() {
        var random = SystemRandomNumberGenerator()
        let marks: [Unicode.Scalar] = (0x300...0x36F).compactMap(Unicode.Scalar.init) + (0x64B...0x652).compactMap(Unicode.Scalar.init)
            + ["\u{135D}", "\u{093F}", "\u{0941}"]
        let bases: [Unicode.Scalar] = ["a", "e", "Z", "K", "ሰ", "م", "ب", "न", "ï"]
        for _ in 0..<200 {
            var name = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                name.append(bases.randomElement(using: &random)!)
                for _ in 0..<Int.random(in: 0...(VisitorRules.maxScalarsPerCharacter - 1), using: &random) {
                    name.append(marks.randomElement(using: &random)!)
                }
            }
            let text = String(name)
            for byScalar in [false, true] {
                var h = Self.reception(focus: .search)
                _ = h.press(.function(2))
                if byScalar {
                    for scalar in text.unicodeScalars { _ = h.press(.character(Character(scalar))) }
                } else {
                    _ = h.type(text)
                }
                guard case .visitorForm(let form)? = h.state.modal else {
                    Issue.record("no form")
                    return
                }
                #expect(Array(form.givenName.text.unicodeScalars) == Array(text.unicodeScalars), "\(text.debugDescription), by scalar: \(byScalar)")
                // Stored after NFC, every mark kept; a letter that NFC leaves with more than
                // `maxScalarsPerCharacter` scalars (U+0344 is two) is refused, never cut.
                let nfc = text.precomposedStringWithCanonicalMapping
                if nfc.contains(where: { $0.unicodeScalars.count > VisitorRules.maxScalarsPerCharacter }) {
                    #expect(throws: VisitorValidationError.nameMarksPiled(max: VisitorRules.maxScalarsPerCharacter - 1)) {
                        try VisitorRules.normalizedName(form.givenName.text)
                    }
                } else {
                    #expect((try? VisitorRules.normalizedName(form.givenName.text)) == nfc, "\(text.debugDescription)")
                }
            }
        }
    }
}
