import Foundation

/// A funded program (issue 15 item 1): who pays (the funder), what for (the services it
/// funds, the visitor statuses it serves), when (its period, center-local days), and what it
/// promised (targets). Each delivered service is attributed to one program by
/// `ProgramRules.attribution`.
public struct Program: Hashable, Sendable, Codable, Identifiable {
    /// A short stable key (`unhcr-dafi`), as reports and the command line name it.
    public var id: String
    public var nameFr: String
    public var nameEn: String
    /// The funder as reports group it (`UNHCR`, `IOM`, `European Union`).
    public var funder: String
    /// First day funded (center-local).
    public var first: LocalDate
    /// Last day funded; nil while the program runs on.
    public var last: LocalDate?
    /// Service ids (`services.json`) it funds. Empty: none yet (a program known to the
    /// center whose activities are not services of the desk, such as a web radio).
    public var services: Set<String>
    /// Statuses it serves; empty means every status.
    public var statuses: Set<LegalStatus>
    /// What it promised, e.g. 400 unique visitors in 2026.
    public var targets: [ProgramTarget]

    public init(id: String, nameFr: String, nameEn: String, funder: String, first: LocalDate, last: LocalDate? = nil,
                services: Set<String>, statuses: Set<LegalStatus> = [], targets: [ProgramTarget] = []) {
        self.id = id
        self.nameFr = nameFr
        self.nameEn = nameEn
        self.funder = funder
        self.first = first
        self.last = last
        self.services = services
        self.statuses = statuses
        self.targets = targets
    }

    /// True when the program funds this service for a visitor of this status on this day.
    public func covers(service: String, status: LegalStatus, on day: LocalDate) -> Bool {
        services.contains(service) && (statuses.isEmpty || statuses.contains(status)) && day >= first && (last.map { day <= $0 } ?? true)
    }
}

/// A program's promise for a calendar year: a count to reach.
public struct ProgramTarget: Hashable, Sendable, Codable {
    public enum Measure: String, Hashable, Sendable, Codable, CaseIterable {
        case uniqueVisitors = "unique_visitors"
        case services
    }

    public var year: Int
    public var measure: Measure
    public var count: Int

    public init(year: Int, measure: Measure, count: Int) {
        self.year = year
        self.measure = measure
        self.count = count
    }
}

/// Which program a delivered service counts for.
///
/// Rule: among the programs that cover the service, the visitor's status and the day
/// (`Program.covers`), the most specific wins: one that serves only some statuses before one
/// that serves all, then the one funding fewer services, then the catalog's order. So a
/// refugee's scholarship orientation counts for DAFI (refugees, one service) rather than
/// UNHCR's urban program (refugees and asylum seekers, many services) or the center's own
/// program (everyone, everything). No program covers it: nil (reports list it as "no program").
public enum ProgramRules {
    /// The program of one delivered service, or nil.
    /// - Parameters:
    ///   - service: the service id; for a walk-in, any service of its category counts
    ///     (`servicesOfCategory`), as a walk-in is seen for a category, not a service.
    ///   - day: the center-local day it was delivered.
    public static func attribution(service: String, status: LegalStatus, on day: LocalDate, in catalog: [Program]) -> Program? {
        catalog.enumerated()
            .filter { $0.element.covers(service: service, status: status, on: day) }
            .min { specificity($0) < specificity($1) }?.element
    }

    /// The program of a walk-in seen for a category (`services`: the category's service ids):
    /// a walk-in has no one service, so among the programs covering any of them, one that
    /// serves only some statuses first, then the one covering most of the category, then the
    /// catalog's order. A refugee's social walk-in counts for UNHCR's urban program, not for
    /// DAFI, which funds one social service only.
    public static func attribution(walkInOf services: [String], status: LegalStatus, on day: LocalDate, in catalog: [Program]) -> Program? {
        let covering = catalog.enumerated().map { p in (p, services.filter { p.element.covers(service: $0, status: status, on: day) }.count) }
        return covering.filter { $0.1 > 0 }
            .min { ($0.0.element.statuses.isEmpty ? 1 : 0, -$0.1, $0.0.offset) < ($1.0.element.statuses.isEmpty ? 1 : 0, -$1.1, $1.0.offset) }?
            .0.element
    }

    private static func specificity(_ p: EnumeratedSequence<[Program]>.Element) -> (Int, Int, Int) {
        (p.element.statuses.isEmpty ? 1 : 0, p.element.services.count, p.offset)
    }
}

/// The programs the center describes (issue 15), as the default catalog: editable on the
/// admin screen and the command line once stored. Periods open where the center's text gives
/// none; GIZ's "Bien Vivre Ensemble" began on 31 January 2018.
public enum DefaultPrograms {
    public static func catalog() -> [Program] {
        let start = LocalDate(year: 2018, month: 1, day: 1)
        return [
            Program(id: "unhcr-dafi", nameFr: "DAFI : bourses d'études supérieures pour réfugiés",
                    nameEn: "DAFI higher-education scholarships for refugees", funder: "UNHCR", first: start,
                    services: ["scholarship-orientation"], statuses: [.refugee]),
            Program(id: "unhcr-urban", nameFr: "Assistance sociale et services communautaires pour réfugiés urbains",
                    nameEn: "Social assistance and community services for urban refugees", funder: "UNHCR", first: start,
                    services: ["social-orientation", "emergency-aid-assessment", "rights-mediation", "legal-information-session",
                               "individual-counseling", "psychological-first-aid", "trauma-follow-up", "child-family-support",
                               "psychosocial-support-group", "women-discussion-group"],
                    statuses: [.refugee, .asylumSeeker],
                    targets: [ProgramTarget(year: 2026, measure: .uniqueVisitors, count: 400)]),
            Program(id: "iom-trafficking", nameFr: "Assistance et protection des victimes de la traite",
                    nameEn: "Assistance and protection of victims of trafficking", funder: "IOM", first: start,
                    services: ["trafficking-survivor-support"]),
            Program(id: "iom-avrr", nameFr: "Conseil pour le retour volontaire assisté et la réintégration",
                    nameEn: "Counseling on assisted voluntary return and reintegration", funder: "IOM", first: start,
                    services: ["voluntary-return-counseling"], statuses: [.migrant]),
            Program(id: "eu-al-wassit", nameFr: "Opération « al Wassit » : accès aux droits des migrants",
                    nameEn: "Operation \"al Wassit\": migrants' access to rights", funder: "European Union", first: start,
                    services: ["rights-mediation", "legal-information-session"], statuses: [.migrant, .asylumSeeker, .refugee]),
            Program(id: "giz-bien-vivre-ensemble", nameFr: "Bien Vivre Ensemble (interculturalité, arrondissement CYM)",
                    nameEn: "Bien Vivre Ensemble (living together, CYM borough)", funder: "GIZ",
                    first: LocalDate(year: 2018, month: 1, day: 31),
                    services: ["intercultural-workshop", "darija-class", "arabic-class", "french-class"]),
            Program(id: "caritas-returnees", nameFr: "Accompagnement des Marocains revenus volontairement d'Europe",
                    nameEn: "Support for Moroccans who returned voluntarily from Europe", funder: "Caritas International", first: start,
                    services: ["job-coaching", "vocational-training-orientation", "entrepreneurship-workshop", "cv-job-search-workshop"],
                    statuses: [.moroccanNational]),
            Program(id: "eirene-radio", nameFr: "Égalité des chances des groupes ethniques de Rabat (web radio)",
                    nameEn: "Equal chances for the ethnic groups of Rabat (web radio)", funder: "EIRENE Foundation", first: start,
                    services: []),
            Program(id: "nl-intercultural-center", nameFr: "Le centre interculturel africain : services psychologiques, sociaux et professionnels",
                    nameEn: "The African intercultural center: psychological, social and professional services",
                    funder: "Embassy of the Netherlands", first: start,
                    services: ["individual-counseling", "psychological-first-aid", "trauma-follow-up", "trafficking-survivor-support",
                               "child-family-support", "psychosocial-support-group", "women-discussion-group", "social-orientation",
                               "emergency-aid-assessment", "rights-mediation", "voluntary-return-counseling", "scholarship-orientation",
                               "legal-information-session", "job-coaching", "vocational-training-orientation", "french-class",
                               "darija-class", "arabic-class", "digital-skills-class", "intercultural-workshop", "cv-job-search-workshop",
                               "entrepreneurship-workshop", "english-class"]),
        ]
    }
}

/// The program staff say a service counts for, at booking, at check-in or afterwards
/// (issue 15 item 1).
public enum ProgramChoice: Hashable, Sendable {
    /// `ProgramRules.attribution` decides: the service, the visitor's status, the day.
    case byRule
    /// This program, by id; it must fund the service for the visitor's status that day
    /// (`Program.covers`), which the store checks.
    case program(String)

    /// As stored (`program_id`): the program's id, nil by rule.
    public init(programId: String?) { self = programId.map(ProgramChoice.program) ?? .byRule }

    /// The chosen program's id; nil by rule.
    public var programId: String? {
        if case .program(let id) = self { id } else { nil }
    }
}

/// Why a program cannot be saved.
public enum ProgramError: Error, Equatable, Sendable {
    /// An id is 2 to 40 lower-case letters, digits and hyphens (`unhcr-dafi`).
    case invalidId(String)
    case nameMissing
    case funderMissing
    /// The last day comes before the first.
    case days(first: LocalDate, last: LocalDate)
    /// A service id that is not in the catalog.
    case unknownService(String)
    /// A target's count must be positive, its year between 2000 and 2100, one per year and measure.
    case invalidTarget
    /// No program has this id (choosing a program for a service).
    case unknownProgram(String)
    /// The appointment or visit a program was chosen for does not exist.
    case serviceNotFound
    /// The program does not fund that service (a walk-in: any service of its category) for the
    /// visitor's status on its day (`Program.covers`): a choice made afterwards would count the
    /// visitor in another funder's figures.
    case notCovered(String)
}

extension Program {
    /// The program as it may be saved: names and funder trimmed and required, an id of
    /// lower-case letters, digits and hyphens, days in order, services of the catalog, targets
    /// positive. - Throws: `ProgramError`, the first rule broken.
    public func validated(knownServices: Set<String>) throws(ProgramError) -> Program {
        var p = self
        let idOK = (2...40).contains(id.count) && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard idOK else { throw .invalidId(id) }
        p.nameFr = nameFr.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        p.nameEn = nameEn.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        p.funder = funder.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !p.nameFr.isEmpty, !p.nameEn.isEmpty else { throw .nameMissing }
        guard !p.funder.isEmpty else { throw .funderMissing }
        guard first.isValid, last?.isValid ?? true else { throw .days(first: first, last: last ?? first) }
        if let last, last < first { throw .days(first: first, last: last) }
        if let unknown = services.sorted().first(where: { !knownServices.contains($0) }) { throw .unknownService(unknown) }
        guard targets.allSatisfy({ $0.count > 0 && (2000...2100).contains($0.year) }),
              Set(targets.map { "\($0.year):\($0.measure.rawValue)" }).count == targets.count else { throw .invalidTarget }
        p.targets = targets.sorted { ($0.year, $0.measure.rawValue) < ($1.year, $1.measure.rawValue) } // as the store lists them
        return p
    }
}

/// The catalog of programs as stored (issue 15 item 1).
public protocol ProgramRepository: Sendable {
    /// Every program, in the catalog's order (the attribution rule's last tie-break).
    func programs() throws -> [Program]

    /// Adds the program, or replaces the one with its id (its place in the catalog kept), in one
    /// transaction with a `program.saved` audit event.
    /// - Throws: `ProgramError` (nothing written).
    func saveProgram(_ program: Program, by actor: Actor, at now: Date) throws
}
