import Foundation
import FrontDeskDomain
import Testing

/// List order of names without ICU: accents and case ignored, numbers by value.
struct NameOrderTests {
    @Test(arguments: [
        (["Salle 10", "Salle 2", "salle 1"], ["salle 1", "Salle 2", "Salle 10"]),
        (["Emma", "Élodie", "Ella"], ["Ella", "Élodie", "Emma"]),
        (["karim", "Karim", "Aminata"], ["Aminata", "Karim", "karim"]),
        (["Salle 02", "Salle 1", "Salle 10"], ["Salle 1", "Salle 02", "Salle 10"]),
        (["يوسف العلوي", "Zoé", "ሳምራዊት"], ["Zoé", "يوسف العلوي", "ሳምራዊት"]),
        (["Bureau", "Bureau d'accueil", "B"], ["B", "Bureau", "Bureau d'accueil"]),
    ])
    func sorts(input: [String], expected: [String]) {
        #expect(input.sorted(by: NameOrder.precedes) == expected)
    }

    /// The same order as Foundation's `localizedStandardCompare` on the center's kinds of names.
    @Test func agreesWithFoundationOnLatinNames() {
        let names = ["Salle 10", "Salle 2", "Salle de groupe", "Bureau d'accueil", "Élodie Mbappé", "Emma", "Ella", "Karim Bennani",
                     "karim", "Carmen López Ruiz", "Jean-Pierre Mbeki", "Nadia Berrada", "Ousmane Ndiaye", "Salle 1"]
        let ours = names.sorted(by: NameOrder.precedes)
        let foundation = names.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        #expect(ours.map { $0.lowercased() } == foundation.map { $0.lowercased() })
    }
}
