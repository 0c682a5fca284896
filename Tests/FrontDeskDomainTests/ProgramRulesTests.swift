import Foundation
import Testing
import FrontDeskDomain
import FrontDeskResources

/// Which program a delivered service counts for (issue 15 item 1), by hand on the default
/// catalog: the most specific program covering the service, the visitor's status and the day.
@Suite struct ProgramRulesTests {
    static let catalog = DefaultPrograms.catalog()
    static let june = LocalDate(year: 2026, month: 6, day: 1)

    @Test(arguments: [
        ("scholarship-orientation", LegalStatus.refugee, "unhcr-dafi"),
        ("scholarship-orientation", .asylumSeeker, "nl-intercultural-center"), // DAFI serves refugees only
        ("social-orientation", .refugee, "unhcr-urban"),
        ("social-orientation", .migrant, "nl-intercultural-center"),
        ("rights-mediation", .migrant, "eu-al-wassit"),
        ("rights-mediation", .refugee, "eu-al-wassit"), // two services beat ten
        ("voluntary-return-counseling", .migrant, "iom-avrr"),
        ("voluntary-return-counseling", .moroccanNational, "nl-intercultural-center"),
        ("trafficking-survivor-support", .refugee, "iom-trafficking"),
        ("job-coaching", .moroccanNational, "caritas-returnees"),
        ("job-coaching", .migrant, "nl-intercultural-center"),
        ("darija-class", .migrant, "giz-bien-vivre-ensemble"),
        ("digital-skills-class", .other, "nl-intercultural-center"),
    ])
    func aServiceCountsForTheMostSpecificProgram(_ service: String, _ status: LegalStatus, _ expected: String) {
        #expect(ProgramRules.attribution(service: service, status: status, on: Self.june, in: Self.catalog)?.id == expected)
    }

    /// A program counts only within its period: GIZ's "Bien Vivre Ensemble" began on 31
    /// January 2018; a program's last day is included.
    @Test func theDayDecides() {
        let before = LocalDate(year: 2018, month: 1, day: 30), first = LocalDate(year: 2018, month: 1, day: 31)
        #expect(ProgramRules.attribution(service: "darija-class", status: .migrant, on: before, in: Self.catalog)?.id == "nl-intercultural-center")
        #expect(ProgramRules.attribution(service: "darija-class", status: .migrant, on: first, in: Self.catalog)?.id == "giz-bien-vivre-ensemble")
        var ended = Self.catalog
        if let i = ended.firstIndex(where: { $0.id == "unhcr-dafi" }) { ended[i].last = LocalDate(year: 2026, month: 6, day: 1) }
        #expect(ProgramRules.attribution(service: "scholarship-orientation", status: .refugee, on: Self.june, in: ended)?.id == "unhcr-dafi")
        #expect(ProgramRules.attribution(service: "scholarship-orientation", status: .refugee, on: Self.june.adding(days: 1), in: ended)?.id
                == "nl-intercultural-center")
        #expect(ProgramRules.attribution(service: "darija-class", status: .migrant, on: before, in: []) == nil)
    }

    /// A walk-in is seen for a category: the program covering most of the category for the
    /// visitor's status, not the narrowest one.
    @Test func aWalkInCountsForTheProgramOfItsCategory() throws {
        let social = ["social-orientation", "emergency-aid-assessment", "rights-mediation", "voluntary-return-counseling",
                      "scholarship-orientation", "legal-information-session"]
        #expect(ProgramRules.attribution(walkInOf: social, status: .refugee, on: Self.june, in: Self.catalog)?.id == "unhcr-urban")
        #expect(ProgramRules.attribution(walkInOf: social, status: .migrant, on: Self.june, in: Self.catalog)?.id == "eu-al-wassit")
        #expect(ProgramRules.attribution(walkInOf: social, status: .other, on: Self.june, in: Self.catalog)?.id == "nl-intercultural-center")
    }

    /// The default catalog: the center's nine programs, their funders, services that exist.
    @Test func theDefaultCatalogIsTheCentersPrograms() throws {
        #expect(Self.catalog.count == 9)
        #expect(Set(Self.catalog.map(\.funder)) == ["UNHCR", "IOM", "European Union", "GIZ", "Caritas International", "EIRENE Foundation",
                                                   "Embassy of the Netherlands"])
        #expect(Set(Self.catalog.map(\.id)).count == 9)
        // Every service a program funds is in the shipped catalog, and every service is funded.
        let services = Set(try Catalog.decodeServices(from: try #require(FrontDeskResources.data(named: "services.json"))).map(\.id))
        let funded = Self.catalog.reduce(into: Set<String>()) { $0.formUnion($1.services) }
        #expect(funded.subtracting(services).isEmpty, "unknown: \(funded.subtracting(services))")
        #expect(services.subtracting(funded).isEmpty, "funded by no program: \(services.subtracting(funded))")
    }
}
