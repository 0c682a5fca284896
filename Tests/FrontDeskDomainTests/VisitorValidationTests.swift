import Foundation
import Testing
@testable import FrontDeskDomain

private let calendar = CenterCalendar()
/// 2026-04-14 10:00 in Rabat (UTC+1).
private let now = Date(timeIntervalSince1970: 1_776_157_200)
private let countries: Set<String> = ["MA", "SN", "ER", "SD", "CI", "FR"]
private let languages: Set<String> = ["ar", "ary", "fr", "en", "ti", "wo"]

private func draft(_ change: (inout VisitorDraft) -> Void = { _ in }) -> VisitorDraft {
    var d = VisitorDraft(givenName: "Aïssatou", familyName: "Diallo-Ndiaye Traoré", sex: .female, birthYear: "1994",
                         nationality: "sn", languages: ["FR", "wo"], status: .asylumSeeker, phone: "+221 77 123 45 67",
                         consentScopes: [.services])
    change(&d)
    return d
}

private func validate(_ d: VisitorDraft) -> Result<NewVisitor, VisitorValidationError> {
    Result { () throws(VisitorValidationError) -> NewVisitor in
        try d.validated(now: now, calendar: calendar, knownCountries: countries, knownLanguages: languages)
    }
}

struct VisitorValidationTests {
    @Test func validDraftIsNormalized() throws {
        let v = try validate(draft()).get()
        #expect(v.givenName == "Aïssatou")
        #expect(v.nationality == "SN")
        #expect(v.languages == ["fr", "wo"])
        #expect(v.birthYear == 1994)
        #expect(v.phone == "+221771234567", "stored in international form")
    }

    @Test(arguments: [
        ("", VisitorValidationError.givenNameMissing),
        ("   \t  ", .nameInvalid),
        (" ", .givenNameMissing),
        (String(repeating: "a", count: 10_000), .nameTooLong(max: 100)),
        (String(repeating: "é", count: 101), .nameTooLong(max: 100)),
        // "Z" and 40,000 combining marks is one character by count: refused by its scalars.
        ("Z" + String(repeating: "\u{0301}", count: 40_000), .nameMarksPiled(max: 7)),
        ("Ami" + String(repeating: "\u{0308}", count: 9) + "na", .nameMarksPiled(max: 7)),
        ("Ali\u{1B}[2J", .nameInvalid),
        ("Ali\u{7F}", .nameInvalid),
        ("Ali\u{85}", .nameInvalid),
        ("Ali\u{202E}ilA", .nameInvalid),
        ("\u{2066}Ali", .nameInvalid),
        ("Ali\nBaba", .nameInvalid),
        ("12345", .nameInvalid),
    ])
    func badGivenNamesAreRefused(name: String, error: VisitorValidationError) {
        #expect(validate(draft { $0.givenName = name }) == .failure(error))
    }

    @Test func badFamilyNameIsRefusedToo() {
        #expect(validate(draft { $0.familyName = "X\u{202D}" }) == .failure(.nameInvalid))
        #expect(validate(draft { $0.familyName = String(repeating: "b", count: 101) }) == .failure(.nameTooLong(max: 100)))
    }

    @Test func aHundredCharactersIsTheLimit() throws {
        let name = String(repeating: "ሳ", count: 100)
        #expect(try validate(draft { $0.givenName = name }).get().givenName == name)
    }

    @Test(arguments: [
        ("e\u{301}lise", "élise"),
        ("  Aïssatou   Binta  ", "Aïssatou Binta"),
        ("يوسف", "يوسف"),
        ("ሳምራዊት", "ሳምራዊት"),
        ("A\u{308}i\u{308}cha", "Äïcha"),
    ])
    func namesAreStoredTrimmedAndNFC(typed: String, stored: String) throws {
        let v = try validate(draft { $0.givenName = typed; $0.familyName = typed }).get()
        #expect(v.givenName == stored)
        #expect(v.familyName == stored)
        #expect(Array(v.givenName.unicodeScalars) == Array(stored.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func familyNameMayBeEmpty() throws {
        #expect(try validate(draft { $0.familyName = "" }).get().familyName == "")
    }

    @Test(arguments: [
        ("XX", VisitorValidationError.nationalityUnknown("XX")),
        ("", .nationalityUnknown("")),
        ("zz ", .nationalityUnknown("ZZ")),
    ])
    func unknownCountryIsRefused(code: String, error: VisitorValidationError) {
        #expect(validate(draft { $0.nationality = code }) == .failure(error))
    }

    @Test func unknownLanguageIsRefused() {
        #expect(validate(draft { $0.languages = ["fr", "Klingon"] }) == .failure(.languageUnknown("klingon")))
    }

    @Test(arguments: [
        ("", Result<Int?, VisitorValidationError>.success(nil)),
        ("1900", .success(1900)),
        ("2026", .success(2026)),
        ("2027", .failure(.birthYearInFuture(2027))),
        ("1899", .failure(.birthYearInvalid("1899"))),
        ("94", .failure(.birthYearInvalid("94"))),
        ("19a4", .failure(.birthYearInvalid("19a4"))),
        ("١٩٩٤", .success(1994)),
        ("٢٠٠٨", .success(2008)),
        ("۲۰۰۸", .success(2008)),
        ("2٠0۸", .success(2008)),
    ])
    func birthYear(typed: String, expected: Result<Int?, VisitorValidationError>) {
        #expect(validate(draft { $0.birthYear = typed }).map(\.birthYear) == expected)
    }

    /// A full birth date, day first as written in Morocco and France, or ISO; its year is the
    /// birth year. Impossible dates and dates after today are refused.
    @Test(arguments: [
        ("20/05/2008", Result<String?, VisitorValidationError>.success("2008-05-20")),
        ("2008-05-20", .success("2008-05-20")),
        ("20.05.2008", .success("2008-05-20")),
        ("1/3/1990", .success("1990-03-01")),
        ("29/02/2008", .success("2008-02-29")),
        ("٢٠/٠٥/٢٠٠٨", .success("2008-05-20")),
        ("2008", .success(nil)),
        ("29/02/2007", .failure(.birthYearInvalid("29/02/2007"))),
        ("31/04/2008", .failure(.birthYearInvalid("31/04/2008"))),
        ("05/20/2008", .failure(.birthYearInvalid("05/20/2008"))),
        ("20/05/08", .failure(.birthYearInvalid("20/05/08"))),
        ("2008-5-20", .failure(.birthYearInvalid("2008-5-20"))),
        ("01/01/1899", .failure(.birthYearInvalid("01/01/1899"))),
        ("31/12/2030", .failure(.birthYearInFuture(2030))),
    ])
    func birthDate(typed: String, expected: Result<String?, VisitorValidationError>) {
        let result = validate(draft { $0.birthYear = typed })
        #expect(result.map { $0.birthDate?.description } == expected)
        if case .success(let v) = result, let date = v.birthDate { #expect(v.birthYear == date.year) }
    }

    @Test func birthYearInFutureUsesTheCenterYear() throws {
        // 2026-12-31 23:30 UTC is already 2027-01-01 00:30 in a center at UTC+1 all year (Lagos;
        // Rabat's own offset on that day depends on the tzdata release: +00 from 2026f).
        let lagos = try #require(CenterCalendar(identifier: "Africa/Lagos"))
        let newYearsEve = Date(timeIntervalSince1970: 1_798_759_800)
        #expect(lagos.localDate(of: newYearsEve) == LocalDate(year: 2027, month: 1, day: 1))
        let result = Result { () throws(VisitorValidationError) -> NewVisitor in
            try draft { $0.birthYear = "2027" }.validated(now: newYearsEve, calendar: lagos,
                                                          knownCountries: countries, knownLanguages: languages)
        }
        #expect(result.map(\.birthYear) == .success(2027))
    }

    @Test(arguments: [
        ("", Result<String?, VisitorValidationError>.success(nil)),
        ("06 12 34 56 78", .success("+212612345678")),
        ("+212 (0)6-12.34.56.78", .success("+212612345678")),
        ("٠٦١٢٣٤٥٦٧٨", .success("+212612345678")),
        ("۰۶۶۱۲۳۴۵۶۷", .success("+212661234567")),
        ("12345", .failure(.phoneInvalid("12345"))),
        ("0412345678", .failure(.phoneInvalid("0412345678"))),
        ("1234567890123456", .failure(.phoneInvalid("1234567890123456"))),
        ("06 12 ab", .failure(.phoneInvalid("06 12 ab"))),
        ("0612345678\u{1B}", .failure(.phoneInvalid("0612345678\u{1B}"))),
    ])
    func phone(typed: String, expected: Result<String?, VisitorValidationError>) {
        #expect(validate(draft { $0.phone = typed }).map(\.phone) == expected)
    }

    @Test(arguments: [Set<ConsentScope>(), [.reporting]])
    func consentToServicesIsRequired(scopes: Set<ConsentScope>) {
        #expect(validate(draft { $0.consentScopes = scopes }) == .failure(.consentMissing))
    }

    /// The store's own check puts the phone in international form too, whoever built the record.
    @Test func storeCheckStoresThePhoneInInternationalForm() throws {
        var raw = NewVisitor(givenName: "Rachid", familyName: "Bennani", sex: .male, birthYear: nil, nationality: "MA",
                             languages: [], status: .moroccanNational, phone: "٠٦٦١٢٣٤٥٦٧", consentScopes: [.services])
        #expect(try VisitorRules.normalized(raw).phone == "+212661234567")
        raw.phone = "0612"
        #expect(throws: VisitorValidationError.phoneInvalid("0612")) { try VisitorRules.normalized(raw) }
    }

    @Test func storeCheckNormalizesAndRefusesLikeTheForm() throws {
        let raw = NewVisitor(givenName: " e\u{301}lise ", familyName: "", sex: .female, birthYear: nil, nationality: "fr ",
                             languages: ["FR"], status: .migrant, phone: nil, consentScopes: [.services])
        let v = try VisitorRules.normalized(raw)
        #expect(v.givenName == "élise")
        #expect(v.nationality == "FR")
        #expect(v.languages == ["fr"])
        var noConsent = raw
        noConsent.consentScopes = [.reporting]
        #expect(throws: VisitorValidationError.consentMissing) { try VisitorRules.normalized(noConsent) }
        var empty = raw
        empty.givenName = "  "
        #expect(throws: VisitorValidationError.givenNameMissing) { try VisitorRules.normalized(empty) }
    }

    /// Real names keep every mark (Vietnamese, Arabic with harakat, Ge'ez, Devanagari), stored
    /// as typed after NFC.
    @Test(arguments: ["Nguyễn Thị Ánh", "مُحَمَّد", "ሳምራዊት", "देवनागरी", "Zoë Ŭlrich"])
    func namesWithTheirMarksAreKept(name: String) throws {
        let stored = try VisitorRules.normalizedName(name)
        #expect(stored == name.precomposedStringWithCanonicalMapping)
        #expect(stored.unicodeScalars.count == name.precomposedStringWithCanonicalMapping.unicodeScalars.count)
    }
}
