import Foundation

/// Sex as recorded for disaggregated reporting.
public enum Sex: String, CaseIterable, Codable, Sendable {
    case female, male, other, unspecified
}

/// A visitor's status, as funders disaggregate it.
public enum LegalStatus: String, CaseIterable, Codable, Sendable {
    case refugee
    case asylumSeeker = "asylum_seeker"
    case migrant
    case moroccanNational = "moroccan_national"
    case other
}

/// What a visitor agreed their data may be used for.
public enum ConsentScope: String, CaseIterable, Codable, Sendable, Comparable {
    /// Keeping a record to deliver services (required to register).
    case services
    /// Counting them, anonymized, in funder reports.
    case reporting

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A visitor's public code, `V-YYYY-NNNNN`: printed on tickets, holds no name.
///
/// `YYYY` is the center-local year of registration and `NNNNN` counts registrations within
/// that year from 1 (five digits, more if ever needed).
public struct VisitorCode: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public var year: Int
    public var number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// Parses `V-2026-00042` (case-insensitive, digits of any script: `V-٢٠٢٦-٠٠٠٤٢`); nil when
    /// malformed.
    public init?(_ text: String) {
        let parts = PhoneNumber.normalized(text).uppercased().split(separator: "-")
        guard parts.count == 3, parts[0] == "V", parts[1].count == 4,
              let y = Int(parts[1]), let n = Int(parts[2]), n > 0, parts[2].count >= 5 else { return nil }
        self.init(year: y, number: n)
    }

    public var description: String { "V-\(year)-" + NumberText.zeroPadded(number, width: 5) }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.number) < (b.year, b.number) }
}

/// A person registered at the center.
///
/// Names are stored in Unicode NFC, in any script. `nationality` is an ISO 3166-1 alpha-2 code;
/// `languages` are ISO 639 codes (639-1 where one exists, else 639-3, such as `ary` for Darija).
public struct Visitor: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var code: VisitorCode
    public var givenName: String
    public var familyName: String
    public var sex: Sex
    /// The birth year, when known.
    public var birthYear: Int?
    /// The full birth date, when known (its year is `birthYear`): ages are then exact to the
    /// day (`Age.years`).
    public var birthDate: LocalDate?
    public var nationality: String
    public var languages: [String]
    public var status: LegalStatus
    public var phone: String?
    /// When consent was recorded (UTC instant) and for which purposes.
    public var consentAt: Date
    public var consentScopes: Set<ConsentScope>
    public var createdAt: Date
    public var updatedAt: Date
    public var archived: Bool

    public init(id: Int64, code: VisitorCode, givenName: String, familyName: String, sex: Sex, birthYear: Int?,
                nationality: String, languages: [String], status: LegalStatus, phone: String?,
                consentAt: Date, consentScopes: Set<ConsentScope>, createdAt: Date, updatedAt: Date, archived: Bool = false,
                birthDate: LocalDate? = nil) {
        self.id = id
        self.code = code
        self.givenName = givenName
        self.familyName = familyName
        self.sex = sex
        self.birthYear = birthYear
        self.birthDate = birthDate
        self.nationality = nationality
        self.languages = languages
        self.status = status
        self.phone = phone
        self.consentAt = consentAt
        self.consentScopes = consentScopes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.archived = archived
    }

    /// "Given Family", as shown in lists (`Visitor.fullName(given:family:)`).
    public var fullName: String { Self.fullName(given: givenName, family: familyName) }

    /// The one rule for a visitor's full name, wherever it is built (from a `Visitor`, or by the
    /// store from its `given_name` and `family_name` columns): "Given Family", or the given name
    /// alone when there is no family name.
    public static func fullName(given: String, family: String) -> String {
        family.isEmpty ? given : "\(given) \(family)"
    }
}

/// What a receptionist typed to register a visitor, before validation.
///
/// Fields are raw text where a person types them; `VisitorDraft.validated` turns a draft into a
/// `NewVisitor` or explains what is wrong.
public struct VisitorDraft: Hashable, Sendable {
    public var givenName: String
    public var familyName: String
    public var sex: Sex
    /// The birth year (four digits) or the full birth date (`2008-05-20`, `20/05/2008`,
    /// `20.05.2008`), or empty when unknown.
    public var birthYear: String
    /// ISO 3166-1 alpha-2 code.
    public var nationality: String
    /// ISO 639 codes.
    public var languages: [String]
    public var status: LegalStatus
    /// Free text; digits, spaces, `+`, `-`, `.` and parentheses; empty when none.
    public var phone: String
    /// Consent must include `.services` to register.
    public var consentScopes: Set<ConsentScope>

    public init(givenName: String = "", familyName: String = "", sex: Sex = .unspecified, birthYear: String = "",
                nationality: String = "", languages: [String] = [], status: LegalStatus = .other, phone: String = "",
                consentScopes: Set<ConsentScope> = []) {
        self.givenName = givenName
        self.familyName = familyName
        self.sex = sex
        self.birthYear = birthYear
        self.nationality = nationality
        self.languages = languages
        self.status = status
        self.phone = phone
        self.consentScopes = consentScopes
    }
}

/// A validated registration, ready for the store: names trimmed and NFC, codes upper/lower-cased.
public struct NewVisitor: Hashable, Sendable {
    public var givenName: String
    public var familyName: String
    public var sex: Sex
    public var birthYear: Int?
    /// The full birth date when known; its year is `birthYear`.
    public var birthDate: LocalDate?
    public var nationality: String
    public var languages: [String]
    public var status: LegalStatus
    public var phone: String?
    public var consentScopes: Set<ConsentScope>

    public init(givenName: String, familyName: String, sex: Sex, birthYear: Int?, nationality: String,
                languages: [String], status: LegalStatus, phone: String?, consentScopes: Set<ConsentScope>,
                birthDate: LocalDate? = nil) {
        self.givenName = givenName
        self.familyName = familyName
        self.sex = sex
        self.birthYear = birthDate?.year ?? birthYear
        self.birthDate = birthDate
        self.nationality = nationality
        self.languages = languages
        self.status = status
        self.phone = phone
        self.consentScopes = consentScopes
    }
}
