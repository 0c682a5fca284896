import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskStore

/// `frontdesk report --from D --to D [--format text|csv|json]`: the funder report (UNHCR, IOM,
/// EU, GIZ): unique visitors and services delivered by sex, age band, nationality, status,
/// service category, new or returning. Anonymized by construction.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Funder report: unique visitors and services delivered, disaggregated; counts under 5 shown as <5.",
        discussion: """
            Services: completed appointments, seats in completed group sessions, walk-ins closed as seen or redirected. \
            New: first service ever within the period. Age: the period's last year minus the birth year. Counts from 1 to 4 \
            are shown as "<5" (JSON: the string "<5"), and another cell of the same table is hidden with them so that no \
            suppressed count follows from the total. Visitors who did not consent to reporting are left out and counted apart.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var period: PeriodOptions

    func run() throws {
        let p = try period.period()
        let db = try common.openDatabaseForReading()
        if period.sql { return FileHandle.standardOutput.write(Data(db.funderReportSQLScript(p).utf8)) }
        let report = try storeCall { try db.funderReport(p) }
        switch period.format {
        case .text: period.write(Self.text(report))
        case .csv: period.write(Self.csv(report))
        case .json: period.write(JSONOutput.encode(ReportJSON(report)))
        }
    }

    static let titles: [ReportDimension: String] = [
        .sex: "Sex", .ageBand: "Age band", .nationality: "Nationality", .status: "Status", .category: "Service category",
        .recurrence: "New or returning",
    ]

    static func text(_ r: FunderReport) -> String {
        var out = "Funder report \(r.period)\n"
        out += "Unique visitors \(r.visitors) · Services delivered \(r.services)\n"
        out += "Left out (no consent to reporting): \(r.nonConsentingVisitors) visitors, \(r.nonConsentingServices) services\n"
        out += "Counts from 1 to 4 are shown as <5, with another cell hidden so that none follows from the total.\n"
        for d in ReportDimension.allCases {
            out += "\n" + pad(titles[d] ?? d.rawValue, 20) + pad("visitors", 10, right: true) + pad("services", 10, right: true) + "\n"
            for row in r.rows(d) {
                out += pad(TextOutput.safe(row.key), 20) + pad(row.visitors.description, 10, right: true)
                    + pad(row.services.description, 10, right: true) + "\n"
            }
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    static func csv(_ r: FunderReport) -> String {
        var csv = CSVWriter()
        func cell(_ c: ReportCount) -> CSVWriter.Cell { c.value.map { .number($0) } ?? .text(c.description) }
        csv.appendHeader(["dimension", "value", "visitors", "services"])
        csv.append([.text("total"), .empty, cell(r.visitors), cell(r.services)])
        csv.append([.text("not_consenting"), .empty, .number(r.nonConsentingVisitors), .number(r.nonConsentingServices)])
        for row in r.rows {
            csv.append([.text(row.dimension.rawValue), .text(row.key), cell(row.visitors), cell(row.services)])
        }
        return csv.output
    }

    struct ReportJSON: Encodable {
        struct Cell: Encodable {
            let value: String
            let visitors, services: ReportCount
        }
        struct Apart: Encodable {
            let visitors, services: Int
        }
        let from, to: String
        let visitors, services: ReportCount
        let notConsenting: Apart
        let suppression: String
        let dimensions: [String: [Cell]]

        enum CodingKeys: String, CodingKey {
            case from, to, visitors, services, notConsenting = "not_consenting", suppression, dimensions
        }

        init(_ r: FunderReport) {
            from = r.period.first.description
            to = r.period.last.description
            visitors = r.visitors
            services = r.services
            notConsenting = Apart(visitors: r.nonConsentingVisitors, services: r.nonConsentingServices)
            suppression = "counts from 1 to \(SmallCells.threshold - 1) are the string \"<\(SmallCells.threshold)\", with complementary cells"
            dimensions = Dictionary(uniqueKeysWithValues: ReportDimension.allCases.map { d in
                (d.rawValue, r.rows(d).map { Cell(value: $0.key, visitors: $0.visitors, services: $0.services) })
            })
        }
    }
}
