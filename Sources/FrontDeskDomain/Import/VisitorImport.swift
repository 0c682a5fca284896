import Foundation

/// A field of a visitor record that an import column can fill.
public enum VisitorImportField: String, CaseIterable, Sendable {
    case givenName = "given"
    case familyName = "family"
    case sex
    case birthYear = "birth-year"
    /// The full birth date (`2008-05-20`, `20/05/2008`); its year must agree with a birth-year
    /// column when the file has both.
    case birthDate = "birth-date"
    case nationality
    case languages
    case status
    case phone
    case consent

    /// Header names recognized for the field, French and English, folded (`VisitorImport.fold`:
    /// lower case, no accents, letters and digits only): `Prénom`, `Given name`, `Nom de
    /// famille`, `Téléphone`, `Année de naissance`…
    public var headerNames: Set<String> {
        switch self {
        case .givenName: ["prenom", "prenoms", "given", "givenname", "firstname", "first", "forename"]
        case .familyName: ["nom", "nomdefamille", "family", "familyname", "lastname", "last", "surname"]
        case .sex: ["sexe", "sex", "genre", "gender"]
        case .birthYear: ["anneedenaissance", "anneenaissance", "naissance", "birthyear", "yearofbirth", "born", "annee"]
        case .birthDate: ["datedenaissance", "datenaissance", "ddn", "nele", "birthdate", "dateofbirth", "dob"]
        case .nationality: ["nationalite", "nationality", "pays", "country", "citizenship"]
        case .languages: ["langues", "langue", "languesparlees", "languages", "language", "spokenlanguages"]
        case .status: ["statut", "statutlegal", "status", "legalstatus"]
        case .phone: ["telephone", "tel", "phone", "mobile", "gsm", "portable", "phonenumber"]
        case .consent: ["consentement", "consent"]
        }
    }
}

/// Why a row of an import is refused (1-based lines of the file; the header is line 1).
public enum VisitorImportProblem: Equatable, Sendable {
    /// The row fails a rule of the registration form.
    case invalid(VisitorValidationError)
    /// A cell holds a value the field does not know (`sex` `Z`, `status` `touriste`).
    case unknownValue(VisitorImportField, String)
    /// The row holds more cells than the header (a separator inside an unquoted cell).
    case tooManyCells(expected: Int, found: Int)
    /// The row may be the same person as an earlier row of the file.
    case sameAsLine(Int)
    /// The row may be a person already registered (their codes).
    case alreadyRegistered([VisitorCode])
}

/// A row of an import, checked against the form's rules.
public struct VisitorImportRow: Sendable {
    public var line: Int
    public var result: Result<NewVisitor, VisitorImportProblemError>
}

/// `VisitorImportProblem` as an error (`Result` needs one).
public struct VisitorImportProblemError: Error, Equatable, Sendable {
    public var problem: VisitorImportProblem
    public init(_ problem: VisitorImportProblem) { self.problem = problem }
}

/// How the columns of a CSV file map onto visitor fields, and each row onto a registration
/// checked by the same rules as the new-visitor form (`VisitorDraft.validated`).
public struct VisitorImport: Sendable {
    /// Why the file's columns cannot be used.
    public enum ColumnError: Error, Equatable, Sendable {
        /// `--map` names a column the header does not have.
        case unknownColumn(String)
        /// `--map` names a field that does not exist.
        case unknownField(String)
        /// Two columns fill one field.
        case twoColumns(VisitorImportField, String, String)
        /// No column gives the given name.
        case noGivenName
        /// The form requires a nationality: without its column every row would be refused.
        case noNationality
        /// No consent column, and no consent given for every row.
        case noConsent
    }

    /// The column index of each field found.
    public let columns: [VisitorImportField: Int]
    /// Header cells that fill no field (reported, not read).
    public let ignoredColumns: [String]
    /// Consent for rows when the file has no consent column (recorded on paper).
    public let defaultConsent: Set<ConsentScope>?
    private let headerCount: Int

    /// - Parameters:
    ///   - header: the file's header cells.
    ///   - map: column name → field name (`--map "Nom complet=given"`), before header names.
    ///   - defaultConsent: consent for every row when the file has no consent column.
    /// - Throws: `ColumnError`.
    public init(header: [String], map: [String: String] = [:], defaultConsent: Set<ConsentScope>? = nil) throws(ColumnError) {
        var columns: [VisitorImportField: Int] = [:]
        var mapped: [Int: VisitorImportField] = [:]
        for (column, fieldName) in map.sorted(by: { $0.key < $1.key }) {
            guard let index = header.firstIndex(where: { $0 == column || Self.fold($0) == Self.fold(column) }) else {
                throw .unknownColumn(column)
            }
            guard let field = VisitorImportField(rawValue: fieldName)
                ?? VisitorImportField.allCases.first(where: { $0.headerNames.contains(Self.fold(fieldName)) }) else {
                throw .unknownField(fieldName)
            }
            mapped[index] = field
        }
        var ignored: [String] = []
        for (index, name) in header.enumerated() {
            let field = mapped[index] ?? VisitorImportField.allCases.first { $0.headerNames.contains(Self.fold(name)) }
            guard let field else {
                if !name.isEmpty { ignored.append(name) }
                continue
            }
            if let other = columns[field] { throw .twoColumns(field, header[other], name) }
            columns[field] = index
        }
        guard columns[.givenName] != nil else { throw .noGivenName }
        guard columns[.nationality] != nil else { throw .noNationality }
        guard columns[.consent] != nil || defaultConsent != nil else { throw .noConsent }
        self.columns = columns
        self.ignoredColumns = ignored
        self.defaultConsent = defaultConsent
        headerCount = header.count
    }

    /// Checks each row: its values read (`sex`, `status`, countries and languages by code or
    /// name in French, English or Arabic, as the form completes them), then the form's rules.
    /// Duplicates are found apart (`duplicatesWithinFile`).
    public func check(_ rows: [CSVTable.Row], reference: ReferenceData, now: Date, calendar: CenterCalendar) -> [VisitorImportRow] {
        let lookups = Lookups(reference: reference)
        return rows.map { row in
            VisitorImportRow(line: row.line, result: Result { () throws(VisitorImportProblemError) -> NewVisitor in
                try visitor(row, lookups: lookups, now: now, calendar: calendar)
            })
        }
    }

    /// The reference lookups of one import, each distinct value read once: a list repeats a
    /// few countries, languages, sexes and statuses thousands of times, and the completion
    /// rule (`ReferenceData.country(typed:)`) compares names in three scripts.
    private final class Lookups {
        let reference: ReferenceData
        var countries: [String: String] = [:]
        var languages: [String: String] = [:]
        var sexes: [String: Sex?] = [:]
        var statuses: [String: LegalStatus?] = [:]
        init(reference: ReferenceData) { self.reference = reference }

        func country(_ text: String) -> String {
            if let known = countries[text] { return known }
            let code = reference.country(named: text)?.code ?? text
            countries[text] = code
            return code
        }

        func language(_ text: String) -> String {
            if let known = languages[text] { return known }
            let code = reference.language(named: text)?.code ?? text
            languages[text] = code
            return code
        }

        func sex(_ text: String) -> Sex? {
            if let known = sexes[text] { return known }
            let value = VisitorImport.sex(text)
            sexes[text] = value
            return value
        }

        func status(_ text: String) -> LegalStatus? {
            if let known = statuses[text] { return known }
            let value = VisitorImport.status(text)
            statuses[text] = value
            return value
        }
    }

    private func visitor(_ row: CSVTable.Row, lookups: Lookups, now: Date,
                         calendar: CenterCalendar) throws(VisitorImportProblemError) -> NewVisitor {
        let reference = lookups.reference
        if row.cells.count > headerCount, row.cells[headerCount...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw VisitorImportProblemError(.tooManyCells(expected: headerCount, found: row.cells.count))
        }
        func cell(_ field: VisitorImportField) -> String {
            guard let index = columns[field], index < row.cells.count else { return "" }
            var text = row.cells[index].trimmingCharacters(in: .whitespaces)
            // FrontDesk's own CSV (and others) write a leading ' to keep a spreadsheet from
            // reading a cell as a formula: it is not part of the value.
            if text.hasPrefix("'") { text.removeFirst() }
            return text
        }
        let yearText = cell(.birthYear), dateText = cell(.birthDate)
        var draft = VisitorDraft(givenName: cell(.givenName), familyName: cell(.familyName),
                                 birthYear: dateText.isEmpty ? yearText : dateText, phone: cell(.phone))
        let sexText = cell(.sex)
        guard let sex = lookups.sex(sexText) else { throw VisitorImportProblemError(.unknownValue(.sex, sexText)) }
        draft.sex = sex
        let statusText = cell(.status)
        guard let status = lookups.status(statusText) else { throw VisitorImportProblemError(.unknownValue(.status, statusText)) }
        draft.status = status
        let nationality = cell(.nationality)
        draft.nationality = nationality.isEmpty ? "" : lookups.country(nationality)
        draft.languages = Self.list(cell(.languages)).flatMap { part -> [String] in
            // `ti ar`, as FrontDesk's own exports write languages: codes apart by spaces.
            let words = part.split(separator: " ").map(String.init)
            if words.count > 1, lookups.reference.language(named: part) == nil,
               words.allSatisfy({ lookups.reference.language(code: $0) != nil }) {
                return words.map(lookups.language)
            }
            return [lookups.language(part)]
        }
        if columns[.consent] != nil {
            let consentText = cell(.consent)
            guard let consent = Self.consent(consentText) else { throw VisitorImportProblemError(.unknownValue(.consent, consentText)) }
            draft.consentScopes = consent
        } else {
            draft.consentScopes = defaultConsent ?? []
        }
        let valid: NewVisitor
        do {
            valid = try draft.validated(now: now, calendar: calendar, knownCountries: reference.countryCodes,
                                        knownLanguages: reference.languageCodes)
        } catch {
            throw VisitorImportProblemError(.invalid(error))
        }
        // A date and a year that disagree: which one is right is not for the import to guess.
        if let date = valid.birthDate, !yearText.isEmpty, !dateText.isEmpty, PhoneNumber.normalized(yearText) != String(date.year) {
            throw VisitorImportProblemError(.invalid(.birthYearInvalid(yearText + " / " + dateText)))
        }
        return valid
    }

    /// For each row that may be the same person as an earlier valid row of the file
    /// (`DuplicateRule`, both sides new), the earlier row's line: row index → line.
    public static func duplicatesWithinFile(_ rows: [VisitorImportRow]) -> [Int: Int] {
        var byPhone: [String: Int] = [:]
        var byKey: [String: [Int]] = [:]
        var keys: [Int: [Set<String>]] = [:]
        var found: [Int: Int] = [:]
        for (i, row) in rows.enumerated() {
            guard case .success(let v) = row.result else { continue }
            if let phone = v.phone.flatMap(PhoneNumber.international) {
                if let earlier = byPhone[phone] { found[i] = rows[earlier].line; continue }
                byPhone[phone] = i
            }
            let words = DuplicateRule.wordKeys(Visitor.fullName(given: v.givenName, family: v.familyName))
            keys[i] = words
            var candidates: Set<Int> = []
            for key in words.first ?? [] { candidates.formUnion(byKey[v.nationality + "|" + key] ?? []) }
            if let earlier = candidates.sorted().first(where: { j in
                guard case .success(let w) = rows[j].result else { return false }
                if let a = v.birthYear, let b = w.birthYear, abs(a - b) > 1 { return false }
                return DuplicateRule.keysMatch(words, keys[j] ?? [])
            }) {
                found[i] = rows[earlier].line
                continue
            }
            for key in words.joined() { byKey[v.nationality + "|" + key, default: []].append(i) }
        }
        return found
    }

    // MARK: Values

    /// Lower case, accents and marks removed, letters and digits only: `Nom de famille` →
    /// `nomdefamille`, `Réfugié·e` → `refugiee`.
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        // Arabic vowel marks (ḥarakāt) count as alphabetic in Unicode: dropped as marks.
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0)) && $0.properties.generalCategory != .nonspacingMark
        }))
    }

    static func sex(_ text: String) -> Sex? {
        switch fold(text) {
        case "f", "femme", "female", "feminin", "w", "woman", "fille", "girl", "أنثى", "انثى", "انثي", "امرأة", "امراة", "بنت": .female
        case "m", "h", "homme", "male", "masculin", "man", "garcon", "boy", "ذكر", "رجل", "ولد": .male
        case "autre", "other", "x": .other
        case "", "inconnu", "unknown", "nonprecise", "unspecified", "nsp": .unspecified
        default: Sex(rawValue: text.lowercased())
        }
    }

    static func status(_ text: String) -> LegalStatus? {
        switch fold(text) {
        // Also as an Arabic list writes them: لاجئ, طالب لجوء, مهاجر, مغربي, آخر.
        case "refugie", "refugiee", "refugee", "refugies", "لاجئ", "لاجئة", "لاجيء": .refugee
        case "demandeurdasile", "demandeusedasile", "demandeurdasilee", "asylumseeker", "asylum", "da", "طالبلجوء", "طالبةلجوء": .asylumSeeker
        case "migrant", "migrante", "migrants", "مهاجر", "مهاجرة": .migrant
        case "marocain", "marocaine", "moroccan", "moroccannational", "nationalmarocain", "national", "مغربي", "مغربية": .moroccanNational
        case "autre", "other", "", "آخر", "اخر", "أخرى", "اخرى": .other
        default: LegalStatus(rawValue: text.lowercased())
        }
    }

    static func consent(_ text: String) -> Set<ConsentScope>? {
        var scopes: Set<ConsentScope> = []
        for part in list(text) {
            switch fold(part) {
            case "services", "service", "oui", "yes", "x", "1": scopes.insert(.services)
            case "reporting", "rapports", "rapport", "statistiques", "statistics": scopes.insert(.reporting)
            case "non", "no", "0": break
            default: return nil
            }
        }
        return scopes
    }

    /// The parts of a cell holding several values (`ar, fr`, `ar/fr`, `ar; fr`).
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" || $0 == "|" || $0 == "+" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
