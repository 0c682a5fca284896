import Testing
import FrontDeskDomain

/// The phone rule (`PhoneNumber.international`): Morocco's numbering plan (ANRT) as the default
/// region, other countries' numbers in their international form. Cases from
/// shared/cases/desk.md D2 and D3; the expected values agree with Google's libphonenumber
/// (Python `phonenumbers` 9.0, region MA), checked by hand when the rule was written.
struct PhoneNumberTests {
    /// D3: one number, many spellings, the inner zero kept.
    @Test(arguments: [
        "06 10 02 03 04", "0610020304", "+212 6 10 02 03 04", "00212610020304", "00212 6 10 02 03 04",
        "+212 (0)6 10 02 03 04", "+2120610020304", "212610020304", "610020304", "06.10.02.03.04", "06-10-02-03-04",
        "(06) 10 02 03 04", " 06 10 02 03 04 ", "06\u{00A0}10\u{00A0}02\u{00A0}03\u{00A0}04",
        "٠٦١٠٠٢٠٣٠٤", "۰۶۱۰۰۲۰۳۰۴", "+٢١٢ ٦ ١٠ ٠٢ ٠٣ ٠٤", "٠٠٢١٢٦١٠٠٢٠٣٠٤",
    ])
    func everySpellingOfAMoroccanMobileIsOneNumber(typed: String) {
        let number = PhoneNumber.international(typed)
        #expect(number == "+212610020304")
        #expect(number != "+2120610020304" && number != "+21261020304")
    }

    /// D2 and D3: a mobile typed with an Arabic keyboard's digits, a Casablanca landline, numbers
    /// from other countries kept in their international form (a significant 0 after the country
    /// code kept, a `(0)` trunk prefix dropped).
    @Test(arguments: [
        ("٠٦٦١٢٣٤٥٦٧", "+212661234567"), ("۰۶۶۱۲۳۴۵۶۷", "+212661234567"), ("07 00 11 22 33", "+212700112233"),
        ("0522-00-11-22", "+212522001122"), ("05 37 77 88 99", "+212537778899"), ("0800 00 00 00", "+212800000000"),
        ("+221 77 000 11 22", "+221770001122"), ("00221 77 000 11 22", "+221770001122"),
        ("+225 07 00 00 00 00", "+2250700000000"), ("+39 06 1234 5678", "+390612345678"),
        ("+44 (0)20 7946 0958", "+442079460958"), ("+249 912 345 678", "+249912345678"), ("+683 4002", "+6834002"),
    ])
    func numbersAreStoredInInternationalForm(typed: String, stored: String) {
        #expect(PhoneNumber.international(typed) == stored)
        #expect(PhoneNumber.international(stored) == stored, "the stored form reads as itself")
    }

    /// What is not a number the rule can read: refused with a message rather than stored wrong.
    @Test(arguments: [
        "", "+", "12345", "0612", "06 12 34 56 7", "06 12 34 56 789", "0412345678", "0912345678",
        "+212 6 12 34 56", "+212 4 12 34 56 78", "+0612345678", "1234567890123456", "+1234567890123456",
        "+683 400", "06 12 ab 34 56", "6+12 34 56 78", "0612345678\u{1B}", "06 12 34 56 78 poste 2", "½612345678",
        "12 34 56 78 90",
    ])
    func unreadableNumbersAreRefused(typed: String) {
        #expect(PhoneNumber.international(typed) == nil)
        #expect(!VisitorRules.isValidPhone(typed))
    }

    @Test func theMoroccanNationalFormIsTheTrunkZeroAndTheNSN() {
        #expect(PhoneNumber.moroccanNationalForm("+212610020304") == "0610020304")
        #expect(PhoneNumber.moroccanNationalForm("+221770001122") == nil)
    }

    /// A whole number typed in any form is looked for by its international digits; a part of
    /// one by its digits as typed (an international prefix `00` dropped).
    @Test(arguments: [
        ("0610020304", "212610020304"), ("06 10 02 03 04", "212610020304"), ("+212 (0)6 10 02 03 04", "212610020304"),
        ("00212610020304", "212610020304"), ("٠٦١٠٠٢٠٣٠٤", "212610020304"), ("0610", "0610"), ("00212 6", "2126"),
        ("10 02 03", "100203"),
        // Nine digits from 5 to 8 are a Moroccan number without its 0; the digits as typed are
        // searched too (`SearchQuery`), so Senegal's `+221 77 000 11 22` is still found.
        ("77 000 11 22", "212770001122"),
    ])
    func phoneQueriesLookForTheInternationalDigits(typed: String, digits: String) {
        #expect(PhoneNumber.phoneQueryDigits(typed) == digits)
    }

    /// Every form of a number finds the stored one: the query's phone digits are a prefix of
    /// one of the stored number's search terms.
    @Test(arguments: ["06 10 02 03 04", "0610020304", "00212610020304", "+212 6 10 02 03 04", "10 02 03", "٠٦١٠٠٢٠٣٠٤"])
    func everyFormMeetsTheStoredNumbersTerms(typed: String) throws {
        let stored = try #require(PhoneNumber.international("0610020304"))
        let terms = PhoneNumber.searchTerms(digits: PhoneNumber.digits(stored))
        let query = SearchQuery(parsing: typed)
        let phones = query.tokens.flatMap(\.alternatives).filter { $0.kind == .phone }.map(\.text)
        #expect(phones.contains { p in terms.contains { $0.hasPrefix(p) } }, "\(phones)")
    }

    /// A foreign number is found by its digits as typed without the country code, although
    /// nine such digits also read as a Moroccan number.
    @Test func aSenegaleseNumberIsFoundByItsNationalDigits() throws {
        let stored = try #require(PhoneNumber.international("+221 77 000 11 22"))
        let terms = PhoneNumber.searchTerms(digits: PhoneNumber.digits(stored))
        let phones = SearchQuery(parsing: "77 000 11 22").tokens.flatMap(\.alternatives).filter { $0.kind == .phone }.map(\.text)
        #expect(Set(phones) == ["212770001122", "770001122"])
        #expect(phones.contains { p in terms.contains { $0.hasPrefix(p) } })
    }

    /// A visitor code typed with Arabic-Indic or Extended Arabic-Indic digits is the same query.
    @Test(arguments: ["V-٢٠٢٦-٠٠٢٠٣", "v-۲۰۲۶-۰۰۲۰۳", "٢٠٢٦-٠٠٢٠٣", "V-2026-00203"])
    func aCodeTypedWithArabicDigitsIsTheSameQuery(typed: String) {
        let expected = typed.lowercased().hasPrefix("v") ? SearchQuery(parsing: "V-2026-00203") : SearchQuery(parsing: "2026-00203")
        #expect(SearchQuery(parsing: typed) == expected)
        #expect(!SearchQuery(parsing: typed).isEmpty)
    }

    /// A code given whole (`frontdesk checkin V-…`) reads digits of any script too.
    @Test func aVisitorCodeParsesArabicDigits() {
        #expect(VisitorCode("V-٢٠٢٦-٠٠٢٠٣") == VisitorCode(year: 2026, number: 203))
        #expect(VisitorCode("v-۲۰۲۶-۰۰۲۰۳") == VisitorCode(year: 2026, number: 203))
        #expect(VisitorCode("V-٢٠٢٦-٢٠٣") == nil, "five digits or more, as in ASCII")
    }

    /// Digits of any script are read; other numeric characters are not digits.
    @Test(arguments: [("7", 7), ("٧", 7), ("۷", 7), ("٠", 0), ("۹", 9), ("½", nil), ("Ⅻ", nil), ("a", nil), ("٫", nil)] as [(Character, Int?)])
    func digitValuesInAnyScript(c: Character, value: Int?) {
        #expect(PhoneNumber.digitValue(c) == value)
    }
}
