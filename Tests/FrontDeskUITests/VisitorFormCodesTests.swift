import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// The new-visitor form as a receptionist types it (issue 12, items 4 and 5): codes completed by
/// the shared rule, digits from an Arabic keyboard, the phone in international form. Each test
/// asserts the effect the form sends to the store.
struct VisitorFormCodesTests {
    typealias S = ReceptionScreen

    init() { TerminalLocale.useUTF8ForTests() }

    func send(_ state: inout Harness<S>, _ keys: Key...) -> [S.Effect] {
        keys.flatMap { S.update(&state, .key($0)) }
    }

    func type(_ state: inout Harness<S>, _ text: String) {
        for c in text { _ = S.update(&state, .key(.character(c))) }
    }

    /// Opens the form and fills it field by field: given name, birth year, nationality,
    /// languages, phone; consent to services ticked. Returns what F2 sends.
    func fill(nationality: String, languages: String = "", birthYear: String = "", phone: String = "",
              language: UILanguage = .en) -> (Harness<S>, [S.Effect]) {
        var state = Fixture.state(language: language)
        _ = send(&state, .function(2))
        type(&state, "Meron")
        _ = send(&state, .tab, .tab, .tab)             // family name, sex, birth year
        type(&state, birthYear)
        _ = send(&state, .tab)
        type(&state, nationality)
        _ = send(&state, .tab)
        type(&state, languages)
        _ = send(&state, .tab, .tab)                   // status, phone
        type(&state, phone)
        _ = send(&state, .tab, .character(" "))        // consent to services
        let effects = send(&state, .function(2))
        return (state, effects)
    }

    func expected(nationality: String, languages: [String] = [], birthYear: Int? = nil, phone: String? = nil) -> [S.Effect] {
        [.register(NewVisitor(givenName: "Meron", familyName: "", sex: .unspecified, birthYear: birthYear, nationality: nationality,
                              languages: languages, status: .other, phone: phone, consentScopes: [.services]))]
    }

    /// What the issue measured as stored wrong, and its neighbours: each completes to the entry
    /// a receptionist means, and that code is what the form stores.
    @Test(arguments: [
        ("soud", "ti", "SD", ["ti"]),
        ("mar", "tir", "MA", ["ti"]),
        ("congo", "lingala, fr", "CG", ["ln", "fr"]),
        ("سودان", "العربية", "SD", ["ar"]),
        ("civ", "amh, ti", "CI", ["am", "ti"]),
        ("ivory", "pular", "CI", ["ff"]),
        ("côte", "tigr", "CI", ["ti"]),
        ("rdc", "tig", "CD", ["tig"]),
        ("eryth", "ትግርኛ", "ER", ["ti"]),
    ])
    func typedCodesAreStoredAsTheEntryMeant(nationality: String, languages: String, country: String, codes: [String]) {
        let (_, effects) = fill(nationality: nationality, languages: languages)
        #expect(effects == expected(nationality: country, languages: codes))
    }

    /// `ti` shows Tigrinya at once, and PgDn from `congo` reaches the DRC.
    @Test func theFormShowsWhatATypedCodeCompletesTo() throws {
        var state = Fixture.state()
        _ = send(&state, .function(2))
        type(&state, "Meron")
        _ = send(&state, .tab, .tab, .tab, .tab)
        type(&state, "congo")
        #expect(state.frame.lines().contains { $0.contains("→ Republic of the Congo (CG)") })
        _ = send(&state, .pageDown)
        #expect(state.frame.lines().contains { $0.contains("→ Democratic Republic of the") })
        _ = send(&state, .tab)
        type(&state, "ti")
        #expect(state.frame.lines().contains { $0.contains("→ Tigrinya") })
        #expect(!state.frame.lines().contains { $0.contains("Tigre") })
    }

    /// D2: the birth year and the phone typed with Arabic-Indic or Extended Arabic-Indic digits.
    @Test(arguments: [("٢٠٠٨", "٠٦٦١٢٣٤٥٦٧"), ("۲۰۰۸", "۰۶۶۱۲۳۴۵۶۷"), ("2008", "06 61 23 45 67")])
    func arabicKeyboardDigitsAreStoredAsDigits(year: String, phone: String) {
        let (state, effects) = fill(nationality: "MA", birthYear: year, phone: phone)
        #expect(effects == expected(nationality: "MA", birthYear: 2008, phone: "+212661234567"))
        guard case .visitorForm(let form)? = state.modal else { Issue.record("form closed"); return }
        #expect(form.birthYear.text == year, "shown as typed")
    }

    /// D3: every spelling of one number is sent to the store as `+212610020304`.
    @Test(arguments: ["06 10 02 03 04", "0610020304", "00212610020304", "+212 6 10 02 03 04", "٠٦١٠٠٢٠٣٠٤"])
    func everySpellingOfTheNumberIsStoredInInternationalForm(phone: String) {
        let (state, effects) = fill(nationality: "MA", phone: phone)
        #expect(effects == expected(nationality: "MA", phone: "+212610020304"))
        #expect(state.frame.lines().contains { $0.contains("→ +212610020304") })
    }

    @Test func otherCountriesNumbersKeepTheirCountryCode() {
        let (_, effects) = fill(nationality: "SN", phone: "+221 77 000 11 22")
        #expect(effects == expected(nationality: "SN", phone: "+221770001122"))
    }

    /// A number the rule cannot read is refused on save, with what to type, and the cursor goes
    /// back to the phone; while typing, the form says what it needs.
    @Test(arguments: [(UILanguage.en, "Phone not valid: 0612. Morocco: 06…, 07…, 05… (10 digits); abroad: +country code.",
                       "10 digits, or +country code"),
                      (.fr, "Téléphone non valide : 0612. Maroc : 06…, 07…, 05… (10 chiffres) ; étranger : +indicatif.",
                       "10 chiffres, ou +indicatif")])
    func anUnreadableNumberIsRefusedWithWhatToType(language: UILanguage, message: String, hint: String) {
        let (state, effects) = fill(nationality: "MA", phone: "0612", language: language)
        #expect(effects == [])
        guard case .visitorForm(let form)? = state.modal else { Issue.record("form closed"); return }
        #expect(form.focus == .phone)
        #expect(form.error == message)
        #expect(state.frame.lines().contains { $0.contains(hint) })
    }

    /// The birth year field takes decimal digits of any script and nothing else, typed or pasted.
    @Test func theBirthYearTakesDigitsOfAnyScriptOnly() {
        var state = Fixture.state()
        _ = send(&state, .function(2), .tab, .tab, .tab)
        type(&state, "½Ⅻa١٩x۹4")
        guard case .visitorForm(var form)? = state.modal else { Issue.record("form closed"); return }
        #expect(form.birthYear.text == "١٩۹4")
        form.birthYear = TextField(maxLength: 4)
        form.paste("Ⅻ ٢٠٠٨")
        #expect(form.birthYear.text == "٢٠٠٨")
    }

    /// The form filled as an Arabic keyboard types it: what each field completes to is shown.
    @Test(arguments: [UILanguage.en, .fr])
    func theFilledFormShowsWhatWillBeStored(language: UILanguage) throws {
        var state = Fixture.state(language: language)
        _ = send(&state, .function(2))
        type(&state, "ሳምራዊት")
        _ = send(&state, .tab)
        type(&state, "ተስፋይ")
        _ = send(&state, .tab, .tab)
        type(&state, "١٩٩٤")
        _ = send(&state, .tab)
        type(&state, "سودان")
        _ = send(&state, .tab)
        type(&state, "ti, amh, ar")
        _ = send(&state, .tab, .tab)
        type(&state, "٠٦١٠٠٢٠٣٠٤")
        try Snapshot.assert(state.frame, named: "reception-form-codes-\(language.rawValue)")
        _ = send(&state, .backspace, .backspace, .backspace)
        try Snapshot.assert(state.frame, named: "reception-form-phone-hint-\(language.rawValue)")
    }

    /// The search passes Arabic-Indic digits on as typed: the store reads them (PhoneStoreTests).
    @Test func aCodeTypedWithArabicDigitsIsSearched() {
        var state = Fixture.state()
        type(&state, "V-٢٠٢٦-٠٠٢٠")
        #expect(send(&state, .character("٣")) == [.search(query: "V-٢٠٢٦-٠٠٢٠٣", limit: S.searchLimit)])
    }
}
