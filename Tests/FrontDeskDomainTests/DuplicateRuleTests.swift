import Foundation
import FrontDeskDomain
import Testing

/// The duplicate rule: one person, one record, whatever the script or the spelling typed.
struct DuplicateRuleTests {
    static func new(_ given: String, _ family: String, _ nationality: String = "SN", birthYear: Int? = nil, phone: String? = nil) -> NewVisitor {
        NewVisitor(givenName: given, familyName: family, sex: .unspecified, birthYear: birthYear, nationality: nationality,
                   languages: [], status: .other, phone: phone, consentScopes: [.services])
    }

    static func existing(_ given: String, _ family: String, _ nationality: String = "SN", birthYear: Int? = nil,
                         phone: String? = nil) -> Visitor {
        let at = Date(timeIntervalSince1970: 1_776_163_320)
        return Visitor(id: 1, code: VisitorCode(year: 2026, number: 203), givenName: given, familyName: family, sex: .female,
                       birthYear: birthYear, nationality: nationality, languages: [], status: .refugee, phone: phone,
                       consentAt: at, consentScopes: [.services], createdAt: at, updatedAt: at, archived: false)
    }

    @Test(arguments: [
        ("Aissatou", "Sow", "Aïssatou", "Sow", "GN"),          // accents
        ("Sow", "Aissatou", "Aïssatou", "Sow", "GN"),          // order
        ("يوسف", "المهاجر", "يوسف", "المهاجر", "SY"),          // Arabic typed again
        ("Youssef", "El Mouhajir", "يوسف", "المهاجر", "SY"),   // Latin for an Arabic record
        ("Mohamed", "Adam", "محمد", "آدم", "SD"),              // across scripts
        ("Samrawit", "Tesfay", "ሳምራዊት", "ተስፋይ", "ER"),       // Latin for a Ge'ez record
        ("ሳምራዊት", "ተስፋይ", "ሳምራዊት", "ተስፋይ", "ER"),          // Ge'ez typed again
    ])
    func resemblingNamesAreCaught(given: String, family: String, storedGiven: String, storedFamily: String, nationality: String) {
        #expect(DuplicateRule.resembles(Self.new(given, family, nationality, birthYear: 1990),
                                        Self.existing(storedGiven, storedFamily, nationality, birthYear: 1991)))
    }

    @Test func otherPeopleAreNot() {
        let stored = Self.existing("Aïssatou", "Sow", "GN", birthYear: 1990)
        #expect(!DuplicateRule.resembles(Self.new("Aissatou", "Sow", "SN", birthYear: 1990), stored), "another nationality")
        #expect(!DuplicateRule.resembles(Self.new("Aissatou", "Sow", "GN", birthYear: 1988), stored), "two years apart")
        #expect(!DuplicateRule.resembles(Self.new("Aissatou", "Diallo", "GN", birthYear: 1990), stored), "another family name")
        #expect(!DuplicateRule.resembles(Self.new("Aissatou", "", "GN"), stored), "a word missing")
        #expect(DuplicateRule.resembles(Self.new("Aissatou", "Sow", "GN"), stored), "an unknown birth year does not rule out")
    }

    @Test func theSamePhoneIsTheSamePerson() {
        let stored = Self.existing("Fatou", "Ndiaye", "SN", phone: "+212610020304")
        #expect(DuplicateRule.resembles(Self.new("F.", "Ndiaye Fall", "CI", phone: "06 10 02 03 04"), stored))
        #expect(DuplicateRule.resembles(Self.new("Awa", "Diop", "SN", phone: "00212610020304"), stored))
        #expect(!DuplicateRule.resembles(Self.new("Awa", "Diop", "SN", phone: "06 10 02 03 05"), stored))
    }
}

/// Case D1 for the duplicate check: Arabic letter forms and Persian look-alikes are one letter,
/// harakat and tatweel are ignored, as in the search.
struct DuplicateRuleArabicFormsTests {
    @Test(arguments: [
        ("مصطفى", "مصطفي"),       // alef maksura / yeh
        ("زكية", "زکیه"),         // kaf, yeh, teh marbuta / Persian keheh, yeh, heh
        ("أحمد", "احمد"),         // hamza on alef / bare alef
        ("أحمد", "إحمد"),
        ("محمد", "مُحَمَّد"),       // harakat
        ("فاطمة", "فاطمـــة"),     // tatweel
    ])
    func oneLetterWhateverTheForm(stored: String, typed: String) {
        #expect(DuplicateRule.namesMatch(stored + " العلوي", typed + " العلوي"), "\(stored) / \(typed)")
    }
}
