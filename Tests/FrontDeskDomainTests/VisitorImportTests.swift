import Foundation
import Testing
@testable import FrontDeskDomain
import FrontDeskResources

/// Issue 14 item 1: CSV files as spreadsheets write them, and their columns read onto visitors.
@Suite struct CSVTableTests {
    @Test func quotesSeparatorsLineBreaksAndABOMAreRead() throws {
        let text = "\u{FEFF}Prénom;Nom;Note\r\n\"Ali; Jr\";\"Ben \"\"Ali\"\"\";\"two\nlines\"\r\n\r\nAmina;Sow;\n"
        let table = try CSVTable(data: Data(text.utf8))
        #expect(table.separator == ";")
        #expect(table.header == ["Prénom", "Nom", "Note"])
        #expect(table.rows == [CSVTable.Row(line: 2, cells: ["Ali; Jr", "Ben \"Ali\"", "two\nlines"]),
                               CSVTable.Row(line: 5, cells: ["Amina", "Sow", ""])])
    }

    @Test(arguments: [("a,b;c,d\n", ","), ("a;b;c,d\n", ";"), ("a\tb\tc\n", "\t"), ("\"a;b\",c\n", ","), ("abc\n", ",")])
    func theSeparatorIsFoundFromTheHeader(_ text: String, _ separator: String) throws {
        #expect(try CSVTable(data: Data(text.utf8)).separator == Character(separator))
    }

    @Test func brokenFilesAreRefusedWithTheirLine() {
        #expect(throws: CSVTable.ReadError.unclosedQuote(line: 2)) { try CSVTable(data: Data("a,b\nx,\"open\ny,z\n".utf8)) }
        #expect(throws: CSVTable.ReadError.nul(line: 2)) { try CSVTable(data: Data("a,b\nx\u{0},y\n".utf8)) }
        #expect(throws: CSVTable.ReadError.notUTF8) { try CSVTable(data: Data([0x41, 0x2C, 0xE9, 0x0A])) }
        #expect(throws: CSVTable.ReadError.empty) { try CSVTable(data: Data("\n\n".utf8)) }
    }
}

@Suite struct VisitorImportColumnTests {
    static let reference: ReferenceData = try! ReferenceData( // safe: the shipped files, checked by ReferenceDataTests
        countriesJSON: FrontDeskResources.data(named: "countries.json")!, languagesJSON: FrontDeskResources.data(named: "languages.json")!)

    @Test func frenchAndEnglishHeadersAndMapFindTheirFields() throws {
        let fr = try VisitorImport(header: ["Prénom", "Nom de famille", "Sexe", "Année de naissance", "Nationalité", "Téléphone", "Consentement"])
        #expect(fr.columns == [.givenName: 0, .familyName: 1, .sex: 2, .birthYear: 3, .nationality: 4, .phone: 5, .consent: 6])
        let en = try VisitorImport(header: ["First name", "Surname", "Country", "Notes"], defaultConsent: [.services])
        #expect(en.columns == [.givenName: 0, .familyName: 1, .nationality: 2] && en.ignoredColumns == ["Notes"])
        #expect(throws: VisitorImport.ColumnError.noNationality) { try VisitorImport(header: ["First name", "Surname"], defaultConsent: [.services]) }
        let mapped = try VisitorImport(header: ["Nom complet", "Pays"], map: ["Nom complet": "given"], defaultConsent: [.services])
        #expect(mapped.columns == [.givenName: 0, .nationality: 1])
        #expect(throws: VisitorImport.ColumnError.noGivenName) { try VisitorImport(header: ["Nom"], defaultConsent: [.services]) }
        #expect(throws: VisitorImport.ColumnError.noConsent) { try VisitorImport(header: ["Prénom", "Pays"]) }
        #expect(throws: VisitorImport.ColumnError.unknownColumn("X")) { try VisitorImport(header: ["Prénom", "Pays"], map: ["X": "given"], defaultConsent: [.services]) }
    }

    /// Sex and status as an Arabic spreadsheet writes them (with or without vowel marks).
    @Test(arguments: [("لاجئ", LegalStatus.refugee), ("لاجئة", .refugee), ("طالب لجوء", .asylumSeeker), ("مهاجر", .migrant),
                      ("مغربية", .moroccanNational), ("آخر", .other)])
    func arabicStatusesAreRead(_ text: String, _ status: LegalStatus) {
        #expect(VisitorImport.status(text) == status)
    }

    @Test func arabicSexesAreRead() {
        #expect(VisitorImport.sex("أنثى") == .female && VisitorImport.sex("ذَكَر") == .male && VisitorImport.sex("ذكر") == .male)
    }

    @Test func rowsAreCheckedByTheFormsRules() throws {
        let plan = try VisitorImport(header: ["Prénom", "Nom", "Sexe", "Naissance", "Nationalité", "Langues", "Statut", "Tél"],
                                     defaultConsent: [.services])
        let rows = [
            CSVTable.Row(line: 2, cells: ["محمد", "حداد", "homme", "1985", "Syrie", "arabe, français", "demandeur d'asile", "'0612345678"]),
            CSVTable.Row(line: 3, cells: ["Amina", "Sow", "Z", "1990", "SN", "", "", ""]),
            CSVTable.Row(line: 4, cells: ["Amina", "Sow", "F", "3000", "SN", "", "", ""]),
            CSVTable.Row(line: 5, cells: ["Amina", "Sow", "F", "1990", "SN", "", "", "", "extra"]),
        ]
        let checked = plan.check(rows, reference: Self.reference, now: Date(timeIntervalSince1970: 1_796_180_130), calendar: CenterCalendar())
        let first = try checked[0].result.get()
        #expect(first.nationality == "SY" && first.languages == ["ar", "fr"] && first.status == .asylumSeeker && first.sex == .male)
        #expect(first.phone == "+212612345678")
        #expect(checked[1].result == .failure(VisitorImportProblemError(.unknownValue(.sex, "Z"))))
        #expect(checked[2].result == .failure(VisitorImportProblemError(.invalid(.birthYearInFuture(3000)))))
        #expect(checked[3].result == .failure(VisitorImportProblemError(.tooManyCells(expected: 8, found: 9))))
    }

    /// A "Date de naissance" column gives the full date; beside a year column, both must agree.
    /// A date in a "Naissance" column is read as well (spreadsheets mix both).
    @Test func birthDatesAreReadAndMustAgreeWithTheYear() throws {
        let plan = try VisitorImport(header: ["Prénom", "Année de naissance", "Date de naissance", "Nationalité"], defaultConsent: [.services])
        #expect(plan.columns[.birthDate] == 2 && plan.columns[.birthYear] == 1)
        let rows = [
            CSVTable.Row(line: 2, cells: ["Mehdi", "2008", "20/05/2008", "MA"]),
            CSVTable.Row(line: 3, cells: ["Omar", "", "1985-01-31", "MA"]),
            CSVTable.Row(line: 4, cells: ["Selam", "2007", "29/02/2008", "ER"]),
            CSVTable.Row(line: 5, cells: ["Awa", "1990", "", "SN"]),
        ]
        let now = Date(timeIntervalSince1970: 1_796_180_130)
        let checked = plan.check(rows, reference: Self.reference, now: now, calendar: CenterCalendar())
        #expect(try checked[0].result.get().birthDate == LocalDate(year: 2008, month: 5, day: 20))
        #expect(try checked[1].result.get().birthYear == 1985)
        #expect(checked[2].result == .failure(VisitorImportProblemError(.invalid(.birthYearInvalid("2007 / 29/02/2008")))))
        #expect(try checked[3].result.get().birthDate == nil)
        let one = try VisitorImport(header: ["Prénom", "Naissance", "Pays"], defaultConsent: [.services])
        let mixed = one.check([CSVTable.Row(line: 2, cells: ["Amina", "01/03/1990", "SN"])], reference: Self.reference, now: now, calendar: CenterCalendar())
        #expect(try mixed[0].result.get().birthDate == LocalDate(year: 1990, month: 3, day: 1))
    }

    @Test func theSamePersonTwiceInAFileIsFound() throws {
        let plan = try VisitorImport(header: ["Prénom", "Nom", "Naissance", "Nationalité"], defaultConsent: [.services])
        let rows = [
            CSVTable.Row(line: 2, cells: ["Aïssatou", "Sow", "1990", "SN"]),
            CSVTable.Row(line: 3, cells: ["Fatou", "Ndiaye", "1990", "SN"]),
            CSVTable.Row(line: 4, cells: ["Sow", "Aissatou", "1991", "SN"]),
            CSVTable.Row(line: 5, cells: ["Aissatou", "Sow", "1970", "SN"]),
            CSVTable.Row(line: 6, cells: ["محمد", "حداد", "", "SY"]),
            CSVTable.Row(line: 7, cells: ["Mohamed", "Haddad", "", "SY"]),
        ]
        let checked = plan.check(rows, reference: Self.reference, now: Date(timeIntervalSince1970: 1_796_180_130), calendar: CenterCalendar())
        #expect(VisitorImport.duplicatesWithinFile(checked) == [2: 2, 5: 6])
    }
}

@Suite struct ClosureImportTests {
    @Test func daysAreReadInBothForms() {
        #expect(ClosureImport.day("2026-03-20") == LocalDate(year: 2026, month: 3, day: 20))
        #expect(ClosureImport.day("20/03/2026") == LocalDate(year: 2026, month: 3, day: 20))
        for bad in ["31/02/2026", "03/20/26", "20.03.2026", ""] { #expect(ClosureImport.day(bad) == nil, "\(bad)") }
    }
}
