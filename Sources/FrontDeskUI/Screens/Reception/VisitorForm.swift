import Foundation
import FrontDeskDomain
import TerminalKit

/// The new-visitor form: state and key handling (pure).
///
/// Text fields edit by grapheme; sex and status are choices cycled with ←/→ or Space; consent
/// boxes toggle with Space. Nationality and languages are typed as part of a name (French or
/// English) or a code and resolved against the reference lists as you type.
public struct VisitorForm: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Hashable, Sendable {
        case givenName, familyName, sex, birthYear, nationality, languages, status, phone, consentServices, consentReporting, save
    }

    public var focus: Field = .givenName
    public var givenName = TextField(maxLength: 200)
    public var familyName = TextField(maxLength: 200)
    public var sex: Sex = .unspecified
    public var birthYear = TextField(maxLength: 4)
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

    /// The languages typed, comma-separated, each resolved to its best match; entries that
    /// match nothing are returned as typed (validation then names them).
    public func resolvedLanguages(_ reference: ReferenceData) -> [(typed: String, language: Language?)] {
        languages.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map {
            ($0, reference.languages(matching: $0, limit: 1).first)
        }
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
        case .givenNameMissing, .nameTooLong, .nameInvalid: .givenName
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

    /// Handles one key. Tab/↓/Enter move to the next field, S-Tab/↑ to the previous; F2 or
    /// Enter on "Save" submits; Esc cancels (twice when something was typed).
    public mutating func handle(_ key: Key) -> Outcome {
        if key != .escape { discardArmed = false }
        switch key {
        case .escape:
            if isDirty && !discardArmed {
                discardArmed = true
                return .editing
            }
            return .cancel
        case .function(2), .control("s"):
            return .submit
        case .tab, .down:
            move(by: 1)
            return .editing
        case .backTab, .up:
            move(by: -1)
            return .editing
        case .enter:
            if focus == .save { return .submit }
            move(by: 1)
            return .editing
        case .pageDown where focus == .nationality:
            nationalityChoice += 1
            return .editing
        case .pageUp where focus == .nationality:
            nationalityChoice = max(0, nationalityChoice - 1)
            return .editing
        default:
            break
        }
        switch focus {
        case .givenName: _ = givenName.handle(key)
        case .familyName: _ = familyName.handle(key)
        case .birthYear:
            if case .character(let c) = key, !c.isNumber { return .editing }
            _ = birthYear.handle(key)
        case .nationality:
            if nationality.handle(key) { nationalityChoice = 0 }
        case .languages: _ = languages.handle(key)
        case .phone: _ = phone.handle(key)
        case .sex: sex = Self.cycle(sex, key)
        case .status: status = Self.cycle(status, key)
        case .consentServices: if key == .character(" ") { consentServices.toggle() }
        case .consentReporting: if key == .character(" ") { consentReporting.toggle() }
        case .save: break
        }
        return .editing
    }

    private mutating func move(by step: Int) {
        let all = Field.allCases
        let i = (focus.rawValue + step + all.count) % all.count
        focus = all[i]
    }

    private static func cycle<T: CaseIterable & Equatable>(_ value: T, _ key: Key) -> T where T.AllCases == [T] {
        let all = T.allCases
        let i = all.firstIndex(of: value) ?? 0
        switch key {
        case .right, .character(" "): return all[(i + 1) % all.count]
        case .left: return all[(i - 1 + all.count) % all.count]
        default: return value
        }
    }
}
