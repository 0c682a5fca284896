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

    @Test(arguments: [("fr_MA.UTF-8", UILanguage.fr), ("en_US.UTF-8", .en), ("C.UTF-8", .en), ("fr_FR", .fr)])
    func languageFollowsTheLocale(locale: String, expected: UILanguage) {
        #expect(UILanguage.from(environment: ["LANG": locale]) == expected)
    }

    @Test func lcAllWinsOverLang() {
        #expect(UILanguage.from(environment: ["LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"]) == .fr)
    }
}
