import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// Every key map of the app (`KeyMapCatalog`): the key bars and help lines are drawn from these
/// tables, so a key without a label, a label without a key or a key bound twice in one table
/// would make the bar and the behaviour disagree.
struct KeyMapTests {
    @Test func everyBoundKeyHasALabelAndEveryLabelAKey() {
        let catalog = KeyMapCatalog.all
        #expect(catalog.count >= 25, "every screen, dialog, form and overlay is listed")
        for language in UILanguage.allCases {
            let s = Fixture.strings(language)
            for (name, rows) in catalog {
                #expect(!rows.isEmpty, "\(name) is empty")
                for row in rows {
                    #expect(!row.keys.isEmpty, "\(name): \(row.label) has no key")
                    #expect(s.has(row.label), "\(language) \(name): no text for \(row.label)")
                    #expect(!s(row.label).isEmpty, "\(language) \(name): empty label \(row.label)")
                    if case .keys(let shown, _)? = row.display {
                        // What the bar says must be keys of this table ("↑↓" names a pair of bindings).
                        let bound = Set(rows.flatMap(\.keys))
                        for key in shown { #expect(bound.contains(key), "\(name): \(key.name) shown for \(row.label) but not bound") }
                        #expect(row.keys.contains { shown.contains($0) }, "\(name): \(row.label) shows none of its own keys")
                    }
                    if case .localized(let textKey)? = row.display { #expect(s.has(textKey), "\(name): \(textKey)") }
                }
            }
        }
    }

    @Test func noKeyIsBoundTwiceInOneTable() {
        for (name, rows) in KeyMapCatalog.all {
            var seen: [Key: String] = [:]
            for row in rows {
                for key in row.keys {
                    #expect(seen[key] == nil, "\(name): \(key.name) is bound to both \(seen[key] ?? "") and \(row.label)")
                    seen[key] = row.label
                }
            }
        }
    }

    @Test func everyBarEntryNamesItsKeys() {
        let s = Fixture.strings(.en)
        for (name, rows) in KeyMapCatalog.all {
            for row in rows where row.inBar {
                let text: String
                switch row.display {
                case .keys(let shown, let joiner)?: text = shown.map(\.name).joined(separator: joiner)
                case .localized(let key)?: text = s(key)
                case nil: text = row.keys.map(\.name).joined(separator: ",")
                }
                #expect(!text.isEmpty, "\(name): \(row.label)")
            }
        }
    }

    /// The choice dialogs bind each choice's letters and digit (1-based) from the data.
    @Test func choiceDialogsBindEachChoiceByLetterAndDigit() {
        for (i, category) in ServiceCategory.allCases.enumerated() {
            let letter = Character(category.ticketLetter.lowercased())
            #expect(ReceptionKeys.checkIn.command(for: .character(letter)) == .choose(i))
            #expect(ReceptionKeys.checkIn.command(for: .character(Character(String(i + 1)))) == .choose(i))
        }
        #expect(ChoiceCommand.previous.index(from: 0, count: 3) == 2)
        #expect(ChoiceCommand.choose(5).index(from: 1, count: 3) == 1)
    }
}
