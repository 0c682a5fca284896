import Foundation

/// A funder report as rows of a table (CSV and xlsx) and as JSON: the same cells, shown as
/// the report shows them (`<5` as the text, a hidden count as `x`; JSON: the string `"<5"`
/// and `null` with the reason). Used by `frontdesk report` and the reports screen's export.
public enum FunderReportExport {
    /// Writes the report's rows into `csv`: `dimension, value, visitors, services`; when the
    /// report was produced (`produced_at`, ISO 8601 UTC), what it covers (`period`, its first
    /// and last center-local days as `2026-07-01/2026-09-30`; `funder` when one was named;
    /// `programs`, their ids separated by spaces, when the report is of some programs only),
    /// all without counts; the totals, those left out, each dimension's values, the sex × age
    /// cells (`sex_age`, `female/25-59`; all `x` after a row `sex_age_withheld` with the
    /// reason when the table is withheld), then each program's targets and achievements. A
    /// report that withholds every breakdown says so in a `breakdown_withheld` row after the
    /// totals.
    /// The `breakdown_withheld` row's value (no comma).
    static let breakdownWithheldReason = "fewer than \(SmallCells.threshold) visitors or counts that would give each other away: "
        + "every breakdown is x and no nationality is listed"
    /// The `sex_age_withheld` row's value (no comma: the row reads the same split naively).
    static let sexAgeWithheldReason = "sex_age counts are x (0 where the sex or age band has none): with the one-way tables they would give each other away"

    public static func fill(_ csv: inout CSVWriter, _ r: FunderReport, producedAt: Date, funder: String? = nil) {
        func cell(_ c: ReportCount) -> CSVWriter.Cell { c.value.map { .number($0) } ?? .text(c.description) }
        csv.appendHeader(["dimension", "value", "visitors", "services"])
        csv.append([.text("produced_at"), .text(producedAt.formatted(Date.ISO8601FormatStyle())), .empty, .empty])
        csv.append([.text("period"), .text("\(r.period.first)/\(r.period.last)"), .empty, .empty])
        if let funder { csv.append([.text("funder"), .text(funder), .empty, .empty]) }
        if let programs = r.programs { csv.append([.text("programs"), .text(programs.joined(separator: " ")), .empty, .empty]) }
        csv.append([.text("total"), .empty, cell(r.visitors), cell(r.services)])
        csv.append([.text("not_consenting"), .empty, cell(r.nonConsentingVisitors), cell(r.nonConsentingServices)])
        for row in r.rows {
            csv.append([.text(row.dimension.rawValue), .text(row.key), cell(row.visitors), cell(row.services)])
        }
        if r.breakdownWithheld { csv.append([.text("breakdown_withheld"), .text(breakdownWithheldReason), .empty, .empty]) }
        if r.sexByAgeWithheld { csv.append([.text("sex_age_withheld"), .text(sexAgeWithheldReason), .empty, .empty]) }
        for c in r.sexByAge {
            csv.append([.text("sex_age"), .text(c.sex + "/" + c.ageBand), cell(c.visitors), cell(c.services)])
        }
        // A program's target, then what it achieved, in the column of the target's measure.
        for a in r.achievements {
            let key = "\(a.programId)/\(a.target.year)"
            let visitors = a.target.measure == .uniqueVisitors
            csv.append([.text("target"), .text(key), visitors ? .number(a.target.count) : .empty, visitors ? .empty : .number(a.target.count)])
            csv.append([.text("achieved"), .text(key + "/" + a.through.description), visitors ? cell(a.achieved) : .empty,
                        visitors ? .empty : cell(a.achieved)])
        }
    }
}

/// The report as JSON (`frontdesk report --format json`, the reports screen's export).
public struct FunderReportJSON: Encodable, Sendable {
    struct Cell: Encodable {
        let value: String
        let visitors, services: ReportCount
        /// Present when a count of the row is hidden (`null`): why.
        let hidden: String?

        init(value: String, visitors: ReportCount, services: ReportCount) {
            self.value = value
            self.visitors = visitors
            self.services = services
            hidden = visitors == .hidden || services == .hidden ? ReportCount.hiddenReason : nil
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(value, forKey: .value)
            try c.encode(visitors, forKey: .visitors) // null when hidden: the key stays
            try c.encode(services, forKey: .services)
            try c.encodeIfPresent(hidden, forKey: .hidden)
        }

        enum CodingKeys: String, CodingKey { case value, visitors, services, hidden }
    }
    struct Apart: Encodable {
        let visitors, services: ReportCount
    }
    let from, to: String
    /// When the report was made (UTC).
    let producedAt: Date
    let visitors, services: ReportCount
    /// Present when a total is hidden (`null`): why.
    let hidden: String?
    let notConsenting: Apart
    let suppression: String
    /// Present when every breakdown is hidden (`FunderReport.breakdownWithheld`): why.
    let withheld: String?
    static let withheldReason = "fewer than \(SmallCells.threshold) visitors, or counts that would give each other away: "
        + "every breakdown is null and no nationality is listed"
    /// Present when the sex × age table alone is withheld (`FunderReport.sexByAgeWithheld`): why.
    let sexAgeWithheld: String?
    static let sexAgeWithheldReason = "with the one-way tables, the sex × age counts would give each other away: "
        + "every sex_age count is null (0 where the sex or age band has none); the one-way tables are protected without it"
    let dimensions: [String: [Cell]]
    /// Sex × age band: `value` is `sex/age_band`.
    let sexAge: [Cell]
    /// The funder named (`--funder`), when one was.
    let funder: String?
    /// The programs counted; absent when every service is.
    let programs: [String]?
    /// Each program's target for a year the period reaches, and what it achieved through `through`.
    let targets: [Target]?

    struct Target: Encodable {
        let program: String
        let year: Int
        let measure: String
        let target: Int
        let achieved: ReportCount
        let through: String
    }

    enum CodingKeys: String, CodingKey {
        case from, to, producedAt = "produced_at", funder, programs, visitors, services, hidden, notConsenting = "not_consenting", suppression,
             withheld = "breakdown_withheld", sexAgeWithheld = "sex_age_withheld", dimensions, sexAge = "sex_age", targets
    }

    /// - Parameters: producedAt: when the report was made (UTC); funder: the funder named, if one was.
    public init(_ r: FunderReport, producedAt: Date, funder: String? = nil) {
        self.producedAt = producedAt
        self.funder = funder
        programs = r.programs
        targets = r.programs == nil ? nil : r.achievements.map {
            Target(program: $0.programId, year: $0.target.year, measure: $0.target.measure.rawValue, target: $0.target.count,
                   achieved: $0.achieved, through: $0.through.description)
        }
        from = r.period.first.description
        to = r.period.last.description
        visitors = r.visitors
        services = r.services
        hidden = r.visitors == .hidden || r.services == .hidden ? ReportCount.hiddenReason : nil
        withheld = r.breakdownWithheld ? Self.withheldReason : nil
        sexAgeWithheld = r.sexByAgeWithheld ? Self.sexAgeWithheldReason : nil
        notConsenting = Apart(visitors: r.nonConsentingVisitors, services: r.nonConsentingServices)
        suppression = "counts from 1 to \(SmallCells.threshold - 1) are the string \"<\(SmallCells.threshold)\"; a count hidden only so "
            + "that one of those cannot be worked out from a total is null, with \"hidden\" saying so"
        dimensions = Dictionary(uniqueKeysWithValues: ReportDimension.allCases.map { d in
            (d.rawValue, r.rows(d).map { Cell(value: $0.key, visitors: $0.visitors, services: $0.services) })
        })
        sexAge = r.sexByAge.map { Cell(value: $0.sex + "/" + $0.ageBand, visitors: $0.visitors, services: $0.services) }
    }
}
