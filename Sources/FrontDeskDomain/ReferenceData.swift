import Foundation

/// A country of ISO 3166-1, as a visitor's nationality: `GN`, "Guinea", "Guinée", "غينيا".
public struct Country: Hashable, Sendable, Codable, Identifiable {
    /// ISO 3166-1 alpha-2 code, upper case.
    public var code: String
    public var nameEn: String
    public var nameFr: String
    /// The name in Arabic (CLDR's, the article included: `السودان`), searched but not shown.
    public var nameAr: String
    /// Among the nationalities the center sees most: completion ranks these first among equal
    /// matches (`mar` → Maroc before Martinique). The shipped list is documented in the README.
    public var common: Bool
    /// Other standard codes of the country, searched as exact codes: ISO 3166-1 alpha-3 (`CIV`),
    /// upper case.
    public var otherCodes: [String]
    /// Other names people type, searched but not shown: `Ivory Coast`, `RDC`, `Turkey`.
    public var aliases: [String]

    public init(code: String, nameEn: String, nameFr: String, nameAr: String = "", common: Bool = false,
                otherCodes: [String] = [], aliases: [String] = []) {
        self.code = code
        self.nameEn = nameEn
        self.nameFr = nameFr
        self.nameAr = nameAr
        self.common = common
        self.otherCodes = otherCodes
        self.aliases = aliases
    }

    public var id: String { code }

    private enum CodingKeys: String, CodingKey { case code, nameEn, nameFr, nameAr, common, otherCodes, aliases }

    /// Decodes `{code, nameEn, nameFr, nameAr?, common?, otherCodes?, aliases?}`; missing
    /// optional keys default to empty or false.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code),
                  nameEn: try c.decode(String.self, forKey: .nameEn),
                  nameFr: try c.decode(String.self, forKey: .nameFr),
                  nameAr: try c.decodeIfPresent(String.self, forKey: .nameAr) ?? "",
                  common: try c.decodeIfPresent(Bool.self, forKey: .common) ?? false,
                  otherCodes: try c.decodeIfPresent([String].self, forKey: .otherCodes) ?? [],
                  aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [])
    }
}

/// A language a visitor speaks or a counselor works in: `ary`, "Darija (Moroccan Arabic)".
public struct Language: Hashable, Sendable, Codable, Identifiable {
    /// ISO 639-1 code where one exists, else ISO 639-3; lower case (`fr`, `ary`).
    public var code: String
    public var nameEn: String
    public var nameFr: String
    /// The name in Arabic (`التغرينية`), searched but not shown.
    public var nameAr: String
    /// Heard often at the desk: pickers list these first, and completion ranks them first among
    /// equal matches (`tigr` → Tigrinya before Tigre).
    public var common: Bool
    /// Other standard codes of the language, searched as exact codes: ISO 639-2/T and 639-3
    /// (`tir`), ISO 639-2/B (`fre`); lower case.
    public var otherCodes: [String]
    /// Other names people type, searched but not shown: `Pulaar`, `Amazigh`, `Chleuh`.
    public var aliases: [String]

    public init(code: String, nameEn: String, nameFr: String, nameAr: String = "", common: Bool = false,
                otherCodes: [String] = [], aliases: [String] = []) {
        self.code = code
        self.nameEn = nameEn
        self.nameFr = nameFr
        self.nameAr = nameAr
        self.common = common
        self.otherCodes = otherCodes
        self.aliases = aliases
    }

    public var id: String { code }

    private enum CodingKeys: String, CodingKey { case code, nameEn, nameFr, nameAr, common, otherCodes, aliases }

    /// Decodes `{code, nameEn, nameFr, nameAr?, common?, otherCodes?, aliases?}`; missing
    /// optional keys default to empty or false.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code),
                  nameEn: try c.decode(String.self, forKey: .nameEn),
                  nameFr: try c.decode(String.self, forKey: .nameFr),
                  nameAr: try c.decodeIfPresent(String.self, forKey: .nameAr) ?? "",
                  common: try c.decodeIfPresent(Bool.self, forKey: .common) ?? false,
                  otherCodes: try c.decodeIfPresent([String].self, forKey: .otherCodes) ?? [],
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

/// The countries and languages the desk picks from, with lookup and type-ahead completion.
///
/// Built from the shipped `countries.json` (every ISO 3166-1 country) and `languages.json`
/// (the languages a desk in Rabat hears, the common ones first), handed over as `Data` so that
/// the domain does no I/O. Each entry has an English, a French and an Arabic name, other
/// standard codes and aliases, all searched; the form and the command line complete what was
/// typed with the same rule (`ReferenceSearch`, `country(typed:)`, `language(typed:)`).
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
    ///
    /// Codes: a country's is two upper-case letters and its other codes three; a language's is
    /// two or three lower-case letters and its other codes three. No code, main or other, may
    /// name two entries of a file (an exact code must complete to one entry).
    /// - Throws: `ReferenceDataError` naming the first bad entry.
    public init(countries: [Country], languages: [Language]) throws {
        let upper: (String, ClosedRange<Int>) -> Bool = { code, lengths in
            lengths.contains(code.utf8.count) && code.utf8.allSatisfy { (0x41...0x5A).contains($0) }
        }
        let lower: (String, ClosedRange<Int>) -> Bool = { code, lengths in
            lengths.contains(code.utf8.count) && code.utf8.allSatisfy { (0x61...0x7A).contains($0) }
        }
        countryIndex = try Self.index(countries.map { ($0.code, $0.otherCodes, $0.nameEn, $0.nameFr) }, file: "countries.json",
                                      validCode: { upper($0, 2...2) }, validOtherCode: { upper($0, 3...3) })
        languageIndex = try Self.index(languages.map { ($0.code, $0.otherCodes, $0.nameEn, $0.nameFr) }, file: "languages.json",
                                       validCode: { lower($0, 2...3) }, validOtherCode: { lower($0, 3...3) })
        self.countries = countries
        self.languages = languages
        countryCodes = Set(countryIndex.keys)
        languageCodes = Set(languageIndex.keys)
        countryKeys = countries.map {
            ReferenceSearchKey(codes: [$0.code] + $0.otherCodes, names: [$0.nameEn, $0.nameFr, $0.nameAr],
                               aliases: $0.aliases, common: $0.common)
        }
        languageKeys = languages.map {
            ReferenceSearchKey(codes: [$0.code] + $0.otherCodes, names: [$0.nameEn, $0.nameFr, $0.nameAr],
                               aliases: $0.aliases, common: $0.common)
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

    /// Countries matching what was typed, best first, at most `limit`: the completion list of
    /// the nationality field. The rule is `ReferenceSearch`'s: an exact code (`MA`, `MAR`) first,
    /// then by how the name meets the query (whole name, start of the name, start of a later
    /// word, inside a word), a whole word before a word cut short, common nationalities first,
    /// then the name that the query covers most (`soud` → Soudan before Soudan du Sud).
    /// English, French and Arabic names and aliases are searched; case, accents, punctuation,
    /// Arabic vowel marks, letter forms and the article `ال` are ignored. A blank query
    /// returns nothing.
    public func countries(matching query: String, limit: Int) -> [Country] {
        ReferenceSearch.matches(query, in: countryKeys, limit: limit).map { countries[$0] }
    }

    /// Languages matching what was typed, ranked as `countries(matching:limit:)`.
    public func languages(matching query: String, limit: Int) -> [Language] {
        ReferenceSearch.matches(query, in: languageKeys, limit: limit).map { languages[$0] }
    }

    /// The country a typed nationality completes to: the first of `countries(matching:limit:)`.
    /// The new-visitor form and `visitors add --nationality` both take this.
    public func country(typed: String) -> Country? {
        countries(matching: typed, limit: 1).first
    }

    /// The country a file names, with no one to pick from a list (imports): its code (alpha-2
    /// or alpha-3) or one whole name (English, French, Arabic, an alias) once folded (case,
    /// accents, the Arabic article). A part of a name is no country: `Mars`, `N/A` and `Nig`
    /// are refused, where type-ahead would complete them to the Marshall Islands, Saint Helena
    /// and Niger; a name two countries share is refused too.
    public func country(named text: String) -> Country? {
        Self.exactMatch(text, in: countryKeys).map { countries[$0] }
    }

    /// The language a file names (imports), as `country(named:)`: its code or a whole name.
    public func language(named text: String) -> Language? {
        Self.exactMatch(text, in: languageKeys).map { languages[$0] }
    }

    /// The one entry whose code, whole folded name or alias is the text; nil for none or two.
    private static func exactMatch(_ text: String, in keys: [ReferenceSearchKey]) -> Int? {
        let folded = ReferenceSearch.fold(text), code = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !folded.isEmpty else { return nil }
        let found = keys.indices.filter { keys[$0].codes.contains(code) || keys[$0].names.contains(folded) || keys[$0].aliases.contains(folded) }
        return found.count == 1 ? found[0] : nil
    }

    /// The language a typed entry completes to: the first of `languages(matching:limit:)`
    /// (`ti` and `tir` → Tigrinya, never Tigre `tig`). The new-visitor form and
    /// `visitors add --language` both take this.
    public func language(typed: String) -> Language? {
        languages(matching: typed, limit: 1).first
    }

    private static func decode<T: Decodable>(_ data: Data, file: String) throws -> [T] {
        do {
            return try JSONDecoder().decode([T].self, from: data)
        } catch {
            throw ReferenceDataError.malformed(file: file, detail: "\(error)")
        }
    }

    /// Entry index by main code; checks every code's shape and that no code, main or other,
    /// names two entries.
    private static func index(_ entries: [(code: String, otherCodes: [String], nameEn: String, nameFr: String)], file: String,
                              validCode: (String) -> Bool, validOtherCode: (String) -> Bool) throws -> [String: Int] {
        var index: [String: Int] = [:]
        var taken: Set<String> = []
        for (i, entry) in entries.enumerated() {
            guard validCode(entry.code) else { throw ReferenceDataError.invalidCode(file: file, code: entry.code) }
            for other in entry.otherCodes where !validOtherCode(other) {
                throw ReferenceDataError.invalidCode(file: file, code: other)
            }
            for code in [entry.code] + entry.otherCodes {
                guard taken.insert(code.lowercased()).inserted else { throw ReferenceDataError.duplicateCode(file: file, code: code) }
            }
            let blank: (String) -> Bool = { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            guard !blank(entry.nameEn), !blank(entry.nameFr) else { throw ReferenceDataError.nameMissing(file: file, code: entry.code) }
            index[entry.code] = i
        }
        return index
    }
}
