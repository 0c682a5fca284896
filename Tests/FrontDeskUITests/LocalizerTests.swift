import Foundation
import FrontDeskDomain
import FrontDeskResources
import FrontDeskUI
import Testing

struct LocalizerTests {
    @Test func frenchAndEnglishHaveTheSameKeys() {
        #expect(Fixture.strings(.fr).keys == Fixture.strings(.en).keys)
    }

    @Test func everyKeyUsedByTheKeyMapsExists() {
        for language in UILanguage.allCases {
            let s = Fixture.strings(language)
            for binding in ReceptionKeys.queue.bindings + ReceptionKeys.search.bindings {
                #expect(s.has(binding.label), "\(language): \(binding.label)")
            }
            for c in ServiceCategory.allCases { #expect(s.has("category.\(c.rawValue)")) }
            for x in Sex.allCases { #expect(s.has("sex.\(x.rawValue)")) }
            for x in LegalStatus.allCases { #expect(s.has("status.\(x.rawValue)")) }
            for x in VisitOutcome.allCases { #expect(s.has("outcome.\(x.rawValue)")) }
        }
    }

    @Test func placeholdersAreFilledInOrder() {
        #expect(Fixture.strings(.fr)("tooSmall", 80, 24, 30, 10) == "Agrandissez la fenêtre à 80x24 (actuellement 30x10)")
    }

    /// French counts 0 and 1 as one, English 1 only (issue 14 item 3).
    @Test(arguments: [
        (UILanguage.en, 1, "Wrong PIN (1 try left before a 5-minute lock)."),
        (.en, 2, "Wrong PIN (2 tries left before a 5-minute lock)."),
        (.en, 0, "Wrong PIN (0 tries left before a 5-minute lock)."),
        (.fr, 1, "PIN erroné (1 essai restant avant un blocage de 5 minutes)."),
        (.fr, 2, "PIN erroné (2 essais restants avant un blocage de 5 minutes)."),
        (.fr, 0, "PIN erroné (0 essai restant avant un blocage de 5 minutes)."),
    ])
    func pluralsFollowEachLanguagesRule(language: UILanguage, count: Int, expected: String) {
        #expect(Fixture.strings(language).plural("signin.wrongPIN", count) == expected)
    }

    @Test func decimalsTakeTheLanguagesMark() {
        #expect(Fixture.strings(.fr).decimal(21.25, places: 1) == "21,2")
        #expect(Fixture.strings(.en).decimal(21.25, places: 1) == "21.2")
        #expect(Fixture.strings(.fr).decimal(-0.5, places: 2) == "-0,50")
    }

    /// An argument's own text is never read as a placeholder: a name may hold `{1}`.
    @Test func argumentsAreNotReadAgain() {
        let s = Localizer(language: .en, table: ["k": "{0} and {1}, {2}"])
        #expect(s("k", "{1}", "b") == "{1} and b, {2}")
        #expect(s("k") == "{0} and {1}, {2}")
    }

    @Test(arguments: [("fr_MA.UTF-8", UILanguage.fr), ("en_US.UTF-8", .en), ("C.UTF-8", .en), ("fr_FR", .fr)])
    func languageFollowsTheLocale(locale: String, expected: UILanguage) {
        #expect(UILanguage.from(environment: ["LANG": locale]) == expected)
    }

    @Test func lcAllWinsOverLang() {
        #expect(UILanguage.from(environment: ["LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"]) == .fr)
    }
}
