import Foundation
import FrontDeskDomain
import GRDB

/// A row of `visitor`.
struct VisitorRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "visitor"

    var id: Int64?
    var codeYear: Int
    var codeNumber: Int
    var givenName: String
    var familyName: String
    var sex: Sex
    var birthYear: Int?
    /// `YYYY-MM-DD` when the full date is known (its year is `birthYear`).
    var birthDate: String?
    var nationality: String
    /// ISO 639 codes joined by commas: `fr,ar`.
    var languages: String
    var status: LegalStatus
    var phone: String?
    /// The phone's ASCII digits, for exports and checks (search uses `visitor_search_term`).
    var phoneDigits: String?
    /// Epoch milliseconds (UTC).
    var consentAt: Int64
    var consentServices: Bool
    var consentReporting: Bool
    var createdAt: Int64
    var updatedAt: Int64
    var archived: Bool
    /// Folded names (`SearchText.sortKey`), for ordering search results.
    var givenKey: String
    var familyKey: String
    /// The visitor's search terms in one text (`SearchTextColumn`).
    var searchText: String
    /// The name terms computed with the keys by `apply`, so that names are folded once; not a
    /// column (absent from `CodingKeys`), nil on rows read from the database.
    var nameTerms: Set<SearchTerm>? = nil

    enum CodingKeys: String, CodingKey {
        case id
        case codeYear = "code_year"
        case codeNumber = "code_number"
        case givenName = "given_name"
        case familyName = "family_name"
        case sex
        case birthYear = "birth_year"
        case birthDate = "birth_date"
        case nationality, languages, status, phone
        case phoneDigits = "phone_digits"
        case consentAt = "consent_at"
        case consentServices = "consent_services"
        case consentReporting = "consent_reporting"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case archived
        case givenKey = "given_key"
        case familyKey = "family_key"
        case searchText = "search_text"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let codeYear = Column(CodingKeys.codeYear)
        static let codeNumber = Column(CodingKeys.codeNumber)
        static let archived = Column(CodingKeys.archived)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Decodes a row by column name (faster than the Codable default: search results decode
    /// this on every keystroke). Unknown enum values, which the schema's CHECKs exclude, read
    /// as `unspecified` and `other`.
    init(row: Row) throws {
        id = row[CodingKeys.id.rawValue]
        codeYear = row[CodingKeys.codeYear.rawValue]
        codeNumber = row[CodingKeys.codeNumber.rawValue]
        givenName = row[CodingKeys.givenName.rawValue]
        familyName = row[CodingKeys.familyName.rawValue]
        sex = Sex(rawValue: row[CodingKeys.sex.rawValue] ?? "") ?? .unspecified
        birthYear = row[CodingKeys.birthYear.rawValue]
        birthDate = row[CodingKeys.birthDate.rawValue]
        nationality = row[CodingKeys.nationality.rawValue]
        languages = row[CodingKeys.languages.rawValue]
        status = LegalStatus(rawValue: row[CodingKeys.status.rawValue] ?? "") ?? .other
        phone = row[CodingKeys.phone.rawValue]
        phoneDigits = row[CodingKeys.phoneDigits.rawValue]
        consentAt = row[CodingKeys.consentAt.rawValue]
        consentServices = row[CodingKeys.consentServices.rawValue]
        consentReporting = row[CodingKeys.consentReporting.rawValue]
        createdAt = row[CodingKeys.createdAt.rawValue]
        updatedAt = row[CodingKeys.updatedAt.rawValue]
        archived = row[CodingKeys.archived.rawValue]
        givenKey = row[CodingKeys.givenKey.rawValue]
        familyKey = row[CodingKeys.familyKey.rawValue]
        searchText = row[CodingKeys.searchText.rawValue]
        nameTerms = nil
    }

    /// A new row for a normalized registration.
    init(_ v: NewVisitor, code: VisitorCode, now: Date) {
        id = nil
        codeYear = code.year
        codeNumber = code.number
        givenName = ""
        familyName = ""
        sex = v.sex
        birthYear = nil
        nationality = ""
        languages = ""
        status = v.status
        consentAt = now.epochMilliseconds
        consentServices = false
        consentReporting = false
        createdAt = now.epochMilliseconds
        updatedAt = now.epochMilliseconds
        archived = false
        givenKey = ""
        familyKey = ""
        searchText = ""
        apply(v)
    }

    /// Copies the editable fields of a normalized registration.
    mutating func apply(_ v: NewVisitor) {
        givenName = v.givenName
        familyName = v.familyName
        sex = v.sex
        birthYear = v.birthYear
        birthDate = v.birthDate?.description
        nationality = v.nationality
        languages = v.languages.joined(separator: ",")
        status = v.status
        phone = v.phone
        phoneDigits = v.phone.map(PhoneNumber.digits)
        consentServices = v.consentScopes.contains(.services)
        consentReporting = v.consentScopes.contains(.reporting)
        let index = SearchText.nameIndex(givenName: v.givenName, familyName: v.familyName)
        givenKey = index.givenKey
        familyKey = index.familyKey
        nameTerms = index.terms
        searchText = SearchTextColumn.encode(searchTerms)
    }

    var code: VisitorCode { VisitorCode(year: codeYear, number: codeNumber) }

    var consentScopes: Set<ConsentScope> {
        var scopes: Set<ConsentScope> = []
        if consentServices { scopes.insert(.services) }
        if consentReporting { scopes.insert(.reporting) }
        return scopes
    }

    /// The order of search results among visitors matching the same word: folded family name,
    /// then given name (U+001F sorts below any letter, so "Ba" comes before "Ba Ndiaye").
    var sortKey: String { familyKey + "\u{1F}" + givenKey }

    /// The index terms of this row.
    var searchTerms: Set<SearchTerm> {
        (nameTerms ?? SearchText.nameTerms(givenName: givenName, familyName: familyName))
            .union(SearchText.codeTerms(code))
            .union(SearchText.phoneTerms(phone))
    }

    /// The domain value; the row must have been inserted (it has an id).
    var visitor: Visitor {
        Visitor(id: id ?? 0, code: code, givenName: givenName, familyName: familyName, sex: sex, birthYear: birthYear,
                nationality: nationality, languages: languages.split(separator: ",").map(String.init), status: status,
                phone: phone, consentAt: Date(epochMilliseconds: consentAt), consentScopes: consentScopes,
                createdAt: Date(epochMilliseconds: createdAt), updatedAt: Date(epochMilliseconds: updatedAt),
                archived: archived, birthDate: birthDate.flatMap { LocalDate(iso: $0) })
    }
}
