import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk report --from D --to D [--format text|csv|json]`: the funder report (UNHCR, IOM,
/// EU, GIZ): unique visitors and services delivered by sex, age band, nationality, status,
/// service category, new or returning. Anonymized by construction.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Funder report: unique visitors and services delivered, disaggregated; counts under 5 shown as <5.",
        discussion: """
            Services: completed appointments, seats in completed group sessions, walk-ins closed as seen or redirected. \
            New: first service ever within the period. Age: on the day of each service, in whole years by the calendar \
            (from the birth date when known, a 29 February birthday counting from 1 March in common years; else the year reached); \
            a visitor counts at their age at their first service of the period, so a past period gives the same figures whenever it runs. Counts from 1 to 4 \
            are shown as "<5" (JSON: the string "<5"), and another cell of the same table (or row or column of the sex × age table) is hidden with them (shown as "x"; \
            JSON: null with a reason) so that no suppressed count follows from the total. Visitors who did not consent to reporting are left out and counted apart.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "Only the services of this program (its id: frontdesk programs list); may be given several times.") var program: [String] = []
    @Option(help: "Only the services of this funder's programs (UNHCR, IOM, …; case does not matter); may be given several times.")
    var funder: [String] = []
    @Option(help: "Age bands for this report, such as 0-17,18-59,60+ (default: the center's, frontdesk settings show).") var ageBands: String?

    func run() throws {
        try output.redirect(common.language, format: period.format)
        let p = try period.period()
        let bands = try ageBands.map { text in
            guard let bands = AgeBands(spec: text) else { throw UserError(key: "cli.error.ageBands", TextOutput.safe(text)) }
            return bands
        }
        let language = common.language
        let db: any FrontDeskRepository = try common.openDatabaseForReading()
        let scope = try Self.scope(programs: program, funders: funder, catalog: try storeCall { try db.programs() })
        if period.sql { return StandardOutput.write(db.funderReportSQLScript(p, programs: scope?.ids)) }
        // Said with the figures: a report run later over the same past period gives the same
        // counts unless the data was corrected in between.
        let produced = try clockNow()
        let report = try storeCall {
            try db.funderReport(p, programs: scope?.ids, ageBands: bands, today: db.calendar.localDate(of: produced))
        }
        switch period.format {
        case .text:
            let local = db.calendar.localDateTime(of: produced)
            period.write(Self.text(report, strings: try ShippedData.strings(language), countries: try ShippedData.countries(),
                                   produced: "\(local) (\(db.calendar.zone.identifier))", scope: scope?.label))
        case .csv, .xlsx: period.write(Self.csv(report, producedAt: produced, funder: scope?.funder))
        case .json: period.write(JSONOutput.encode(FunderReportJSON(report, producedAt: produced, funder: scope?.funder)))
        }
    }

    /// The programs asked for: `--program` ids (each must exist) and every program of
    /// `--funder` (matched without regard to case); nil when neither is given (every service).
    /// - Returns: the ids in catalog order, a label for the title, and the funder when one was named.
    /// - Throws: `UserError` for an unknown program or funder (with those that exist).
    static func scope(programs: [String], funders: [String], catalog: [Program]) throws -> (ids: [String], label: String, funder: String?)? {
        guard !programs.isEmpty || !funders.isEmpty else { return nil }
        var ids: Set<String> = []
        for id in programs {
            guard catalog.contains(where: { $0.id == id }) else { throw UserError(key: "cli.programs.unknownProgram", TextOutput.safe(id)) }
            ids.insert(id)
        }
        var names: [String] = []
        for funder in funders {
            let wanted = funder.trimmingCharacters(in: .whitespaces).lowercased()
            let theirs = catalog.filter { $0.funder.lowercased() == wanted }
            guard let name = theirs.first?.funder else {
                let known = Array(Set(catalog.map(\.funder))).sorted().joined(separator: ", ")
                throw UserError(key: "cli.report.unknownFunder", TextOutput.safe(funder), known)
            }
            if !names.contains(name) { names.append(name) }
            ids.formUnion(theirs.map(\.id))
        }
        // Several funders are named together ("GIZ, IOM"), as one scope.
        let funderName = names.isEmpty ? nil : names.joined(separator: ", ")
        let ordered = catalog.map(\.id).filter(ids.contains)
        let label = ([funderName].compactMap { $0 } + (funderName == nil ? ordered : programs.filter { id in !catalog.contains { $0.id == id && names.contains($0.funder) } }))
            .joined(separator: ", ")
        return (ordered, label, funderName)
    }

    /// The report for people, in the command's language: values named (sexes, statuses,
    /// categories, countries after their code), counts as in the other formats.
    /// - Parameter produced: when the report was made, center-local (`2026-12-02 22:15 (Africa/Casablanca)`).
    /// - Parameter scope: the funder or programs counted (`UNHCR`), nil for every service.
    static func text(_ r: FunderReport, strings: Localizer, countries: [String: Country], produced: String, scope: String? = nil) -> String {
        func t(_ key: String, _ args: CustomStringConvertible...) -> String { strings.text("cli.report." + key, args) }
        var out = t("title", r.period) + "\n"
        if let scope, let programs = r.programs {
            out += t("scope", TextOutput.safe(scope), programs.joined(separator: ", ")) + "\n"
        }
        out += t("totals", r.visitors, r.services) + "\n"
        out += t("leftOut", r.nonConsentingVisitors, r.nonConsentingServices) + "\n"
        out += t("smallCells") + "\n"
        if r.breakdownWithheld { out += t("withheld") + "\n" }
        if r.sexByAgeWithheld { out += t("sexByAgeWithheld") + "\n" }
        out += t("produced", produced) + "\n"
        for d in ReportDimension.allCases {
            out += "\n" + OccupancyOutput.pad(title(d, t), 32) + OccupancyOutput.pad(t("visitors"), 10, right: true)
                + OccupancyOutput.pad(t("services"), 10, right: true) + "\n"
            for row in r.rows(d) {
                out += OccupancyOutput.pad(TextOutput.safe(label(row.key, d, strings, countries, t)), 32)
                    + OccupancyOutput.pad(row.visitors.description, 10, right: true)
                    + OccupancyOutput.pad(row.services.description, 10, right: true) + "\n"
            }
        }
        if r.programs != nil {
            out += "\n" + t("targets") + "\n"
            if r.achievements.isEmpty { out += t("noTargets") + "\n" }
            for a in r.achievements {
                let measure = t(a.target.measure == .uniqueVisitors ? "visitors" : "services")
                out += t("target", a.programId, a.target.year, a.target.count, measure, a.achieved.description, a.through,
                         a.percent.map { " (\($0)%)" } ?? "") + "\n"
            }
        }
        // Sex × age band, visitors then services: sexes down, age bands across.
        let ages = r.rows(.ageBand).map(\.key)
        for (measure, pick) in [("visitors", { (c: FunderReport.CrossCell) in c.visitors }), ("services", { $0.services })] {
            out += "\n" + t("sexByAge", t(measure)) + "\n" + OccupancyOutput.pad("", 20)
                + ages.map { OccupancyOutput.pad(label($0, .ageBand, strings, countries, t), 8, right: true) }.joined() + "\n"
            for sex in r.rows(.sex).map(\.key) {
                out += OccupancyOutput.pad(label(sex, .sex, strings, countries, t), 20)
                    + r.sexByAge.filter { $0.sex == sex }.map { OccupancyOutput.pad(pick($0).description, 8, right: true) }.joined() + "\n"
            }
        }
        return out
    }

    private static func title(_ d: ReportDimension, _ t: (String, CustomStringConvertible...) -> String) -> String {
        switch d {
        case .sex: t("sex")
        case .ageBand: t("age_band")
        case .nationality: t("nationality")
        case .status: t("status")
        case .category: t("category")
        case .recurrence: t("recurrence")
        }
    }

    /// A row's value named for people; the stored code when it is not a known one.
    private static func label(_ key: String, _ d: ReportDimension, _ strings: Localizer, _ countries: [String: Country],
                              _ t: (String, CustomStringConvertible...) -> String) -> String {
        if key == AgeBands.unknownKey, d == .ageBand || d == .nationality { return t("unknown") }
        switch d {
        case .sex: return Sex(rawValue: key).map(strings.sex) ?? key
        case .ageBand: return key
        case .nationality:
            guard let country = countries[key.uppercased()] else { return key }
            return country.code + " " + (strings.language == .fr ? country.nameFr : country.nameEn)
        case .status: return LegalStatus(rawValue: key).map(strings.status) ?? key
        case .category: return ServiceCategory(rawValue: key).map(strings.category) ?? key
        case .recurrence: return VisitorRecurrence(rawValue: key).map { t($0.rawValue) } ?? key
        }
    }

    /// The report as CSV (`FunderReportExport.fill`), its first row saying when it was produced.
    static func csv(_ r: FunderReport, producedAt: Date, funder: String? = nil) -> String {
        var csv = CSVWriter.forOutput()
        FunderReportExport.fill(&csv, r, producedAt: producedAt, funder: funder)
        return csv.finished(sheet: "report")
    }
}
