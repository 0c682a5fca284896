import Foundation

/// Limits and text rules for visitor records, shared by the form and the store.
public enum VisitorRules {
    /// Longest accepted given or family name, in characters (grapheme clusters) after NFC.
    public static let maxNameLength = 100
    /// Most Unicode scalars one character of a name may hold (a letter and its marks): enough
    /// for any script's accents, vowel signs and diacritics, not for a pile of combining marks.
    public static let maxScalarsPerCharacter = 8
    /// Earliest accepted birth year.
    public static let minBirthYear = 1900
    /// Digits a phone number holds in international form, country code included (ITU-T E.164:
    /// at most 15).
    public static let phoneDigitRange = PhoneNumber.internationalDigits

    /// A name as stored: trimmed, inner runs of spaces made one space, Unicode NFC.
    ///
    /// - Throws: `.nameTooLong` past `maxNameLength`; `.nameMarksPiled` when a character holds
    ///   more than `maxScalarsPerCharacter` scalars; `.nameInvalid` when it holds a control
    ///   character (C0, DEL, C1, line or paragraph separators), a bidi override or isolate
    ///   (U+202A–U+202E, U+2066–U+2069), or no letter at all. An empty result is returned as is.
    public static func normalizedName(_ raw: String) throws(VisitorValidationError) -> String {
        // Refuse hostile text before any other work: a huge paste is cut short here.
        for scalar in raw.unicodeScalars where isForbiddenInName(scalar) {
            throw .nameInvalid
        }
        // A name is counted in scalars too: "Z" and 40,000 combining marks is one character.
        if raw.unicodeScalars.count > maxNameLength * maxScalarsPerCharacter {
            throw raw.contains(where: { $0.unicodeScalars.count > maxScalarsPerCharacter })
                ? .nameMarksPiled(max: maxScalarsPerCharacter - 1) : .nameTooLong(max: maxNameLength)
        }
        let nfc = raw.precomposedStringWithCanonicalMapping
        let words = nfc.split(whereSeparator: { $0.isWhitespace })
        let name = words.joined(separator: " ")
        if name.isEmpty { return name }
        guard name.count <= maxNameLength else { throw .nameTooLong(max: maxNameLength) }
        guard !name.contains(where: { $0.unicodeScalars.count > maxScalarsPerCharacter }) else {
            throw .nameMarksPiled(max: maxScalarsPerCharacter - 1)
        }
        guard name.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { throw .nameInvalid }
        return name
    }

    /// Whether a scalar may never appear in a name: controls, separators that break lines,
    /// and the bidi controls that can reorder what a terminal shows.
    public static func isForbiddenInName(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true // C0, DEL, C1
        case 0x2028, 0x2029: true // line and paragraph separators
        case 0x202A...0x202E, 0x2066...0x2069: true // bidi embeddings, overrides, isolates
        default: false
        }
    }

    /// The record as the store keeps it, checking what can be checked without reference data.
    ///
    /// Names are normalized as by `normalizedName`, nationality upper-cased, languages
    /// lower-cased, the phone in international form (`PhoneNumber.international`). The store
    /// calls this inside its write transaction so that no malformed record is written, whoever
    /// built the `NewVisitor`.
    /// - Throws: `.givenNameMissing`, `.nameTooLong`, `.nameInvalid`, `.birthYearInvalid`
    ///   (before `minBirthYear`), `.phoneInvalid`, `.consentMissing`.
    public static func normalized(_ visitor: NewVisitor) throws(VisitorValidationError) -> NewVisitor {
        var v = visitor
        v.givenName = try normalizedName(visitor.givenName)
        guard !v.givenName.isEmpty else { throw .givenNameMissing }
        v.familyName = try normalizedName(visitor.familyName)
        v.nationality = visitor.nationality.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        v.languages = visitor.languages.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        if let year = visitor.birthYear, year < minBirthYear { throw .birthYearInvalid(String(year)) }
        if let phone = visitor.phone {
            let t = phone.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty {
                v.phone = nil
            } else {
                guard let number = PhoneNumber.international(t) else { throw .phoneInvalid(t) }
                v.phone = number
            }
        }
        guard visitor.consentScopes.contains(.services) else { throw .consentMissing }
        return v
    }

    /// Whether a phone text is a number `PhoneNumber.international` can read: a Moroccan
    /// number in any of its forms, or another country's after `+` or `00`.
    public static func isValidPhone(_ text: String) -> Bool {
        PhoneNumber.international(text) != nil
    }
}

extension VisitorDraft {
    /// Checks the draft and returns the record to store: names trimmed and NFC, nationality
    /// upper-cased, languages lower-cased, the birth year's digits read in any script (a year
    /// typed `١٩٩٤` on an Arabic keyboard is 1994), the phone in international form
    /// (`٠٦١٠٠٢٠٣٠٤` and `06 10 02 03 04` are `+212610020304`, see `PhoneNumber`).
    ///
    /// Rules are checked in field order and the first failure is thrown.
    /// - Parameters:
    ///   - now: the current instant; the birth year may not be after its center-local year.
    ///   - calendar: the center's calendar.
    ///   - knownCountries: ISO 3166-1 alpha-2 codes, upper case.
    ///   - knownLanguages: ISO 639 codes, lower case.
    /// - Throws: `VisitorValidationError`.
    public func validated(now: Date, calendar: CenterCalendar, knownCountries: Set<String>,
                          knownLanguages: Set<String>) throws(VisitorValidationError) -> NewVisitor {
        let given = try VisitorRules.normalizedName(givenName)
        guard !given.isEmpty else { throw .givenNameMissing }
        let family = try VisitorRules.normalizedName(familyName)

        let country = nationality.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard knownCountries.contains(country) else { throw .nationalityUnknown(country) }

        var codes: [String] = []
        for raw in languages {
            let code = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if code.isEmpty || codes.contains(code) { continue }
            guard knownLanguages.contains(code) else { throw .languageUnknown(code) }
            codes.append(code)
        }

        let (year, date) = try Self.birth(birthYear, now: now, calendar: calendar)
        let phoneText = try Self.phone(phone)
        guard consentScopes.contains(.services) else { throw .consentMissing }

        return NewVisitor(givenName: given, familyName: family, sex: sex, birthYear: year, nationality: country,
                          languages: codes, status: status, phone: phoneText, consentScopes: consentScopes, birthDate: date)
    }

    /// A birth year, or a full birth date and its year: `2008`, `2008-05-20`, `20/05/2008` or
    /// `20.05.2008` (day first, as written in Morocco and France; Arabic-Indic digits too).
    /// - Throws: `.birthYearInvalid` (not a year or a real date, or before `minBirthYear`),
    ///   `.birthYearInFuture` (after today, center-local).
    static func birth(_ text: String, now: Date, calendar: CenterCalendar) throws(VisitorValidationError) -> (Int?, LocalDate?) {
        let t = PhoneNumber.normalized(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if t.isEmpty { return (nil, nil) }
        let digits = { (s: Substring) in !s.isEmpty && s.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
        if t.utf8.count == 4, digits(Substring(t)), let year = Int(t) {
            guard year >= VisitorRules.minBirthYear else { throw .birthYearInvalid(t) }
            guard year <= calendar.year(of: now) else { throw .birthYearInFuture(year) }
            return (year, nil)
        }
        let date: LocalDate?
        if let iso = LocalDate(iso: t) {
            date = iso
        } else {
            let parts = t.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(Substring.init)
            if parts.count == 3, parts.allSatisfy(digits), parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
               let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) {
                date = LocalDate(iso: LocalDate(year: y, month: m, day: d).description)
            } else {
                date = nil
            }
        }
        guard let date, date.year >= VisitorRules.minBirthYear else { throw .birthYearInvalid(t) }
        guard date <= calendar.localDate(of: now) else { throw .birthYearInFuture(date.year) }
        return (date.year, date)
    }

    private static func phone(_ text: String) throws(VisitorValidationError) -> String? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return nil }
        guard let number = PhoneNumber.international(t) else { throw .phoneInvalid(t) }
        return number
    }
}
