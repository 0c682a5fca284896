import Foundation
import FrontDeskDomain
import TerminalKit

/// The new-visitor form: state and key handling (pure).
///
/// Text fields edit by grapheme; sex and status are choices cycled with ←/→ or Space; consent
/// boxes toggle with Space. Nationality and languages are typed as part of a name (French,
/// English or Arabic) or a code and completed against the reference lists as you type, by the
/// rule `visitors add` also follows (`ReferenceData.country(typed:)`, `language(typed:)`).
/// Digits may be typed in Arabic-Indic forms (`٢٠٠٨`); the phone is shown as it will be stored.
public struct VisitorForm: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Hashable, Sendable {
        case givenName, familyName, sex, birthYear, nationality, languages, status, phone, consentServices, consentReporting, save
    }

    public var focus: Field = .givenName
    public var givenName = TextField(maxLength: 200)
    public var familyName = TextField(maxLength: 200)
    public var sex: Sex = .unspecified
    /// A year (`2008`) or a full date (`20/05/2008`, `2008-05-20`).
    public var birthYear = TextField(maxLength: 10)
    public var nationality = TextField(maxLength: 60)
    /// Index into the current nationality matches (PgUp/PgDn choose another match).
    public var nationalityChoice = 0
    public var languages = TextField(maxLength: 120)
    public var status: LegalStatus = .other
    public var phone = TextField(maxLength: 30)
    public var consentServices = false
    public var consentReporting = false
    /// The last refusal, shown at the bottom of the form; the typed values stay.
    public var error: String?
    /// Set after a first Esc on a form with typed data: a second Esc discards it.
    public var discardArmed = false

    public init() {}

    /// True when anything was typed or chosen.
    public var isDirty: Bool {
        !(givenName.text.isEmpty && familyName.text.isEmpty && birthYear.text.isEmpty && nationality.text.isEmpty
            && languages.text.isEmpty && phone.text.isEmpty) || consentServices || consentReporting
            || sex != .unspecified || status != .other
    }

    /// Countries matching what was typed in the nationality field, best first.
    public func nationalityMatches(_ reference: ReferenceData) -> [Country] {
        let typed = nationality.text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return [] }
        return reference.countries(matching: typed, limit: 5)
    }

    /// The chosen country: the highlighted match of what was typed.
    public func resolvedNationality(_ reference: ReferenceData) -> Country? {
        let matches = nationalityMatches(reference)
        guard !matches.isEmpty else { return nil }
        return matches[min(nationalityChoice, matches.count - 1)]
    }

    /// The languages typed, comma-separated, each completed as `ReferenceData.language(typed:)`
    /// does; entries that match nothing are returned as typed (validation then names them).
    public func resolvedLanguages(_ reference: ReferenceData) -> [(typed: String, language: Language?)] {
        languages.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map {
            ($0, reference.language(typed: $0))
        }
    }

    /// The phone as it will be stored (`+212610020304`), nil while what was typed is not a
    /// number `PhoneNumber.international` reads (or nothing was typed).
    public var resolvedPhone: String? {
        PhoneNumber.international(phone.text)
    }

    /// The draft for validation.
    public func draft(_ reference: ReferenceData) -> VisitorDraft {
        var scopes: Set<ConsentScope> = []
        if consentServices { scopes.insert(.services) }
        if consentReporting { scopes.insert(.reporting) }
        let typedNationality = nationality.text.trimmingCharacters(in: .whitespaces)
        return VisitorDraft(
            givenName: givenName.text, familyName: familyName.text, sex: sex, birthYear: birthYear.text,
            nationality: resolvedNationality(reference)?.code ?? typedNationality,
            languages: resolvedLanguages(reference).map { $0.language?.code ?? $0.typed },
            status: status, phone: phone.text, consentScopes: scopes)
    }

    /// The field that a validation error is about, to move the cursor there.
    public static func field(for error: VisitorValidationError) -> Field {
        switch error {
        case .givenNameMissing, .nameTooLong, .nameMarksPiled, .nameInvalid: .givenName
        case .nationalityUnknown: .nationality
        case .languageUnknown: .languages
        case .birthYearInvalid, .birthYearInFuture: .birthYear
        case .phoneInvalid: .phone
        case .consentMissing: .consentServices
        }
    }

    /// What a key did to the form.
    public enum Outcome: Equatable, Sendable {
        case editing
        case submit
        case cancel
    }

    /// The kind of the focused field, for the form key table.
    var focusedKind: FormFieldKind {
        switch focus {
        case .sex, .status: .choice
        case .consentServices, .consentReporting: .toggle
        case .nationality: .matchedText
        case .givenName, .familyName, .birthYear, .languages, .phone, .save: .text
        }
    }

    /// Handles one key, as `FormKeys` says (the same table as every form): Tab/↓/Enter move to
    /// the next field, S-Tab/↑ to the previous; F2 or Enter on "Save" submits; Esc cancels
    /// (twice when something was typed); PgUp/PgDn pick another country match.
    public mutating func handle(_ key: Key) -> Outcome {
        let command = FormKeys.command(for: key, on: focusedKind)
        if command != .cancel { discardArmed = false }
        let count = Field.allCases.count
        switch command {
        case .cancel?:
            if isDirty && !discardArmed {
                discardArmed = true
                return .editing
            }
            return .cancel
        case .submit?:
            return .submit
        case .nextField?: focus = Field.allCases[FormKeys.move(focus.rawValue, by: 1, count: count)]
        case .previousField?: focus = Field.allCases[FormKeys.move(focus.rawValue, by: -1, count: count)]
        case .advance?:
            if focus == .save { return .submit }
            focus = Field.allCases[FormKeys.move(focus.rawValue, by: 1, count: count)]
        case .nextMatch?: nationalityChoice += 1
        case .previousMatch?: nationalityChoice = max(0, nationalityChoice - 1)
        case .nextOption?, .previousOption?:
            let step = command == .nextOption ? 1 : -1
            if focus == .sex { sex = Self.cycle(sex, by: step) }
            if focus == .status { status = Self.cycle(status, by: step) }
        case .toggle?:
            if focus == .consentServices { consentServices.toggle() }
            if focus == .consentReporting { consentReporting.toggle() }
        case nil:
            edit(key)
        }
        return .editing
    }

    /// Inserts pasted text into the focused text field as one line (decimal digits in any script
    /// and the date separators `/ . -` only for the birth year or date); nothing on a choice, a
    /// check box or "Save". A newline in it never submits.
    public mutating func paste(_ text: String) {
        discardArmed = false
        switch focus {
        case .givenName: givenName.paste(text)
        case .familyName: familyName.paste(text)
        case .birthYear: birthYear.paste(String(text.filter(Self.isBirthCharacter)))
        case .nationality: if nationality.paste(text) { nationalityChoice = 0 }
        case .languages: languages.paste(text)
        case .phone: phone.paste(text)
        case .sex, .status, .consentServices, .consentReporting, .save: break
        }
    }

    /// What the birth field takes: decimal digits (`1`, `١`, `۱`; not `½` or `Ⅻ`) and `/ . -`.
    static func isBirthCharacter(_ c: Character) -> Bool { PhoneNumber.digitValue(c) != nil || c == "/" || c == "." || c == "-" }

    /// A key that is not a form command edits the focused text field (a year or date only in
    /// the birth field, `isBirthCharacter`).
    private mutating func edit(_ key: Key) {
        switch focus {
        case .givenName: _ = givenName.handle(key)
        case .familyName: _ = familyName.handle(key)
        case .birthYear:
            if case .character(let c) = key, !Self.isBirthCharacter(c) { return }
            _ = birthYear.handle(key)
        case .nationality:
            if nationality.handle(key) { nationalityChoice = 0 }
        case .languages: _ = languages.handle(key)
        case .phone: _ = phone.handle(key)
        case .sex, .status, .consentServices, .consentReporting, .save: break
        }
    }

    /// The key bar under the form, from the form key table.
    public func hints(_ strings: Localizer) -> [KeyHint] { FormKeys.hints(on: focusedKind, strings) }

    private static func cycle<T: CaseIterable & Equatable>(_ value: T, by step: Int) -> T where T.AllCases == [T] {
        let all = T.allCases
        return all[FormKeys.move(all.firstIndex(of: value) ?? 0, by: step, count: all.count)]
    }
}
