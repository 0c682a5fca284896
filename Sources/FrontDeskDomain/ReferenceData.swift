import Foundation

/// A country of ISO 3166-1, as a visitor's nationality: `GN`, "Guinea", "Guinée".
public struct Country: Hashable, Sendable, Codable, Identifiable {
    /// ISO 3166-1 alpha-2 code, upper case.
    public var code: String
    public var nameEn: String
    public var nameFr: String
    /// Other names people type, searched but not shown: `Ivory Coast`, `RDC`, `Turkey`.
    public var aliases: [String]

    public init(code: String, nameEn: String, nameFr: String, aliases: [String] = []) {
        self.code = code
        self.nameEn = nameEn
        self.nameFr = nameFr
        self.aliases = aliases
    }

    public var id: String { code }

    private enum CodingKeys: String, CodingKey { case code, nameEn, nameFr, aliases }

    /// Decodes `{code, nameEn, nameFr, aliases?}`; `aliases` defaults to none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code),
                  nameEn: try c.decode(String.self, forKey: .nameEn),
                  nameFr: try c.decode(String.self, forKey: .nameFr),
                  aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [])
    }
}

/// A language a visitor speaks or a counselor works in: `ary`, "Darija (Moroccan Arabic)".
public struct Language: Hashable, Sendable, Codable, Identifiable {
    /// ISO 639-1 code where one exists, else ISO 639-3; lower case (`fr`, `ary`).
    public var code: String
    public var nameEn: String
    public var nameFr: String
    /// Heard often at the desk: pickers list these first.
    public var common: Bool
    /// Other names people type, searched but not shown: `Pulaar`, `Amazigh`, `Chleuh`.
    public var aliases: [String]

    public init(code: String, nameEn: String, nameFr: String, common: Bool = false, aliases: [String] = []) {
        self.code = code
        self.nameEn = nameEn
        self.nameFr = nameFr
        self.common = common
        self.aliases = aliases
    }

    public var id: String { code }

    private enum CodingKeys: String, CodingKey { case code, nameEn, nameFr, common, aliases }

    /// Decodes `{code, nameEn, nameFr, common?, aliases?}`; `common` defaults to false, `aliases` to none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code),
                  nameEn: try c.decode(String.self, forKey: .nameEn),
                  nameFr: try c.decode(String.self, forKey: .nameFr),
                  common: try c.decodeIfPresent(Bool.self, forKey: .common) ?? false,
                  aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [])
    }
}

/// Why a reference file (countries, languages) was refused.
public enum ReferenceDataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (`countries.json`, `languages.json`) is not a JSON array of entries.
    case malformed(file: String, detail: String)
    /// A code of the wrong shape: countries take two upper-case letters, languages two or three lower-case ones.
    case invalidCode(file: String, code: String)
    case duplicateCode(file: String, code: String)
    /// An entry without an English or a French name.
    case nameMissing(file: String, code: String)

    public var description: String {
        switch self {
        case .malformed(let file, let detail): "\(file): not a JSON array of entries (\(detail))"
        case .invalidCode(let file, let code): "\(file): \"\(code)\" is not a valid code"
        case .duplicateCode(let file, let code): "\(file): code \"\(code)\" appears more than once"
        case .nameMissing(let file, let code): "\(file): \"\(code)\" needs both an English and a French name"
        }
    }
}

/// The countries and languages the desk picks from, with lookup and type-ahead search.
///
/// Built from the shipped `countries.json` (every ISO 3166-1 country) and `languages.json`
/// (the languages a desk in Rabat hears, the common ones first), handed over as `Data` so that
/// the domain does no I/O.
public struct ReferenceData: Sendable {
    /// Countries in file order (by code).
    public let countries: [Country]
    /// Languages in file order: the common ones first.
    public let languages: [Language]
    public let countryCodes: Set<String>
    public let languageCodes: Set<String>

    private let countryIndex: [String: Int]
    private let languageIndex: [String: Int]
    private let countryKeys: [ReferenceSearchKey]
    private let languageKeys: [ReferenceSearchKey]

    /// Decodes and checks both files.
    /// - Throws: `ReferenceDataError` naming the file and the first bad entry.
    public init(countriesJSON: Data, languagesJSON: Data) throws {
        let countries: [Country] = try Self.decode(countriesJSON, file: "countries.json")
        let languages: [Language] = try Self.decode(languagesJSON, file: "languages.json")
        try self.init(countries: countries, languages: languages)
    }

    /// Checks and indexes lists built in code (tests, a future admin screen).
    /// - Throws: `ReferenceDataError` naming the first bad entry.
    public init(countries: [Country], languages: [Language]) throws {
        countryIndex = try Self.index(countries.map { ($0.code, $0.nameEn, $0.nameFr) }, file: "countries.json") { code in
            code.utf8.count == 2 && code.utf8.allSatisfy { (0x41...0x5A).contains($0) }
        }
        languageIndex = try Self.index(languages.map { ($0.code, $0.nameEn, $0.nameFr) }, file: "languages.json") { code in
            (2...3).contains(code.utf8.count) && code.utf8.allSatisfy { (0x61...0x7A).contains($0) }
        }
        self.countries = countries
        self.languages = languages
        countryCodes = Set(countryIndex.keys)
        languageCodes = Set(languageIndex.keys)
        countryKeys = countries.map {
            ReferenceSearchKey(code: $0.code, names: [$0.nameEn, $0.nameFr], aliases: $0.aliases, common: false)
        }
        languageKeys = languages.map {
            ReferenceSearchKey(code: $0.code, names: [$0.nameEn, $0.nameFr], aliases: $0.aliases, common: $0.common)
        }
    }

    /// The country with this alpha-2 code (any case), if any.
    public func country(code: String) -> Country? {
        countryIndex[code.uppercased()].map { countries[$0] }
    }

    /// The language with this ISO 639 code (any case), if any.
    public func language(code: String) -> Language? {
        languageIndex[code.lowercased()].map { languages[$0] }
    }

    /// The languages flagged common, in file order.
    public var commonLanguages: [Language] { languages.filter(\.common) }

    /// Countries whose English or French name (or an alias) contains what was typed, best first,
    /// at most `limit`.
    ///
    /// Case-, accent- and punctuation-insensitive (`cote d ivoire` finds Côte d'Ivoire). Ranks an
    /// exact name first, then names that start with the query, then an exact code (`GN`), then
    /// names with a word that starts with it (`guin` → Equatorial Guinea), then, for queries of
    /// three letters or more, any substring. Within a rank, entries whose other name ranks better
    /// come first, then by English name. A blank query returns nothing.
    public func countries(matching query: String, limit: Int) -> [Country] {
        ReferenceSearch.matches(query, in: countryKeys, limit: limit).map { countries[$0] }
    }

    /// Languages matching what was typed, ranked as `countries(matching:limit:)`, common
    /// languages first within a rank.
    public func languages(matching query: String, limit: Int) -> [Language] {
        ReferenceSearch.matches(query, in: languageKeys, limit: limit).map { languages[$0] }
    }

    private static func decode<T: Decodable>(_ data: Data, file: String) throws -> [T] {
        do {
            return try JSONDecoder().decode([T].self, from: data)
        } catch {
            throw ReferenceDataError.malformed(file: file, detail: "\(error)")
        }
    }

    private static func index(_ entries: [(code: String, nameEn: String, nameFr: String)], file: String,
                              validCode: (String) -> Bool) throws -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, entry) in entries.enumerated() {
            guard validCode(entry.code) else { throw ReferenceDataError.invalidCode(file: file, code: entry.code) }
            guard index[entry.code] == nil else { throw ReferenceDataError.duplicateCode(file: file, code: entry.code) }
            let blank: (String) -> Bool = { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            guard !blank(entry.nameEn), !blank(entry.nameFr) else { throw ReferenceDataError.nameMissing(file: file, code: entry.code) }
            index[entry.code] = i
        }
        return index
    }
}
