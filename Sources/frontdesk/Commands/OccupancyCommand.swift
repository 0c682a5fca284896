import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit

/// Options of the coordinator's commands: the center-local days and the output.
struct PeriodOptions: ParsableArguments {
    @Option(help: "First day, YYYY-MM-DD (with --to).") var from: String?
    @Option(help: "Last day (inclusive), YYYY-MM-DD (with --from).") var to: String?
    @Option(help: "A calendar year, YYYY (instead of --from and --to).") var year: String?
    @Option(help: "A quarter, YYYY-Q1 to YYYY-Q4 (instead of --from and --to).") var quarter: String?
    @Option(help: "A month, YYYY-MM (instead of --from and --to).") var month: String?
    @Option(help: "text, csv (RFC 4180, UTF-8), json or xlsx (a workbook: with --output FILE or redirected).") var format: OutputFormat = .text
    /// Prints the SQL the command runs, arguments written in, for the `sqlite3` shell (the benchmark's side-by-side run).
    @Flag(help: .hidden) var sql = false

    /// The days asked for: `--from` and `--to`, or one of `--year`, `--quarter`, `--month`.
    /// - Throws: `UserError` when none or several are given, or a value is not a period.
    func period() throws -> ReportingPeriod {
        let named = [year.map { ("--year", $0) }, quarter.map { ("--quarter", $0) }, month.map { ("--month", $0) }].compactMap { $0 }
        guard named.count + (from != nil || to != nil ? 1 : 0) == 1 else { throw UserError(key: "cli.error.onePeriod") }
        if let one = named.first {
            guard let p = ReportingPeriod(named: one.1, option: one.0) else { throw UserError(key: "cli.error.notAPeriod", one.0, TextOutput.safe(one.1)) }
            return p
        }
        guard let from, let to else { throw UserError(key: "cli.error.onePeriod") }
        let first = try localDate(from, option: "--from"), last = try localDate(to, option: "--to")
        guard first <= last else { throw UserError(key: "cli.error.toBeforeFrom", last, first) }
        // Ten years to the calendar day (29 February counts from 1 March ten years on).
        var limit = LocalDate(year: first.year + 10, month: first.month, day: first.day)
        if !limit.isValid { limit = LocalDate(year: first.year + 10, month: 3, day: 1) }
        guard last < limit else { throw UserError(key: "cli.error.tenYears") }
        return ReportingPeriod(kind: .range, first: first, last: last)
    }

    func write(_ text: String) {
        StandardOutput.write(text) // CSV carries its byte-order mark itself (`--bom`, CSVWriter.forOutput)
    }
}

/// What `occupancy --by` shows.
enum OccupancyTable: String, ExpressibleByArgument, CaseIterable {
    case room, counselor, service
}

/// `frontdesk occupancy --from D --to D [--by room|counselor|service] [--format text|csv|json]`:
/// utilization of rooms and counselors, services and categories against capacity, walk-ins and
/// waits. Aggregate only: no visitor is named.
struct OccupancyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "occupancy",
        abstract: "Utilization of rooms and counselors, services' demand against capacity, no-shows, walk-ins and waits over days.",
        discussion: """
            Utilization = booked minutes ÷ available minutes (working hours inside opening hours, minus breaks, \
            absences and closures); a day with nothing available shows "—" (JSON null). Waits: nearest-rank median \
            and 90th percentile of minutes from arrival to the call. CSV: --by chooses the table (default room).
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "The table: room, counselor or service (text and JSON: all when not given; CSV: room).") var by: OccupancyTable?

    func run() throws {
        try output.redirect(common.language, format: period.format)
        // Column widths of names in any script (character types only; numbers keep the C format).
        TerminalLocale.useUTF8ForTests()
        let p = try period.period()
        let db: any FrontDeskRepository = try common.openDatabaseForReading()
        if period.sql { return StandardOutput.write(try storeCall { try db.occupancySQLScript(p, now: try clockNow()) }) }
        let report = try storeCall { try db.occupancy(p, now: try clockNow()) }
        switch period.format {
        case .text:
            period.write(OccupancyOutput.text(report, by: by, timeZone: db.calendar.zone.identifier, strings: try ShippedData.strings(common.language)))
        case .csv, .xlsx: period.write(OccupancyOutput.csv(report, by: by ?? .room, language: common.language))
        case .json:
            period.write(JSONOutput.encode(OccupancyOutput.json(report, by: by, timeZone: db.calendar.zone.identifier, language: common.language)))
        }
    }
}

/// The three formats of `occupancy`.
enum OccupancyOutput {

    /// A ratio as a percentage with one decimal for CSV and JSON (`73.5`), nil when none.
    static func percent(_ r: Double?) -> Double? { r.map { ($0 * 1000).rounded() / 10 } }

    // MARK: Text

    /// The tables for people, in the command's language (`--lang`, else the locale): its words,
    /// and its decimal mark in hours (`21.2`, `21,2`).
    static func text(_ r: OccupancyReport, by: OccupancyTable?, timeZone: String, strings: Localizer) -> String {
        func t(_ key: String, _ args: CustomStringConvertible...) -> String { strings.text("cli.occupancy." + key, args) }
        var out = t("title", r.period, timeZone) + "\n"
        let w = r.walkIns
        out += t("summary", Statistics.percentText(r.roomUtilization.ratio), Statistics.percentText(r.counselorUtilization.ratio),
                 Statistics.percentText(r.appointments.noShowRate)) + "\n"
        // A wait is said only of tickets that had one: "left unseen 0", not "(after — on average)".
        let servedWaits = w.served == 0 ? "" : t("servedWaits", Statistics.minutesText(w.medianWaitMinutes),
                                                  Statistics.minutesText(w.p90WaitMinutes), Statistics.minutesText(w.meanWaitMinutes))
        let leftAfter = w.leftUnseen == 0 ? "" : t("leftAfter", Statistics.minutesText(w.leftUnseenMeanMinutes))
        let unservedWaited = w.unservedAtClose == 0 ? "" : t("unservedWaited", Statistics.minutesText(w.unservedMeanMinutes))
        out += t("walkInSummary", w.arrivals, w.served, servedWaits, w.leftUnseen, leftAfter, w.unservedAtClose, unservedWaited,
                 w.waiting) + "\n"
        let showDays = r.days.count <= 7
        func resources(_ title: String, _ rows: [ResourceOccupancy]) -> String {
            var header = [pad(title, 24), pad(t("booked"), 9, right: true), pad(t("available"), 9, right: true), pad(t("use"), 5, right: true)]
            if showDays { header += r.days.map { pad(shortDay($0, strings), 7, right: true) } }
            var lines = [header.joined(separator: " ")]
            for row in rows {
                var cells = [pad(TextOutput.safe(row.name) + (row.active ? "" : " " + t("inactive")), 24), pad(hours(row.total.bookedMinutes, strings), 9, right: true),
                             pad(hours(row.total.availableMinutes, strings), 9, right: true), pad(Statistics.percentText(row.total.ratio), 5, right: true)]
                if showDays { cells += row.days.map { pad(Statistics.percentText($0.ratio), 7, right: true) } }
                lines.append(cells.joined(separator: " "))
            }
            if rows.isEmpty { lines.append(t("none")) }
            return "\n" + lines.joined(separator: "\n") + "\n"
        }
        if by == nil || by == .room { out += resources(t("room"), r.rooms) }
        if by == nil || by == .counselor { out += resources(t("counselor"), r.counselors) }
        if by == nil || by == .service {
            var lines = [[pad(t("service"), 34), pad(t("appts"), 6, right: true), pad(t("done"), 5, right: true), pad(t("noShow"), 7, right: true),
                          pad(t("cancel"), 6, right: true), pad(t("demand"), 7, right: true), pad(t("capacity"), 8, right: true),
                          pad(t("ratio"), 5, right: true)].joined(separator: " ")]
            for c in r.categories {
                let walk = c.walkIns
                lines.append([pad(strings.category(c.category).uppercased(), 34), pad("\(c.counts.appointments)", 6, right: true),
                              pad("\(c.counts.completed)", 5, right: true), pad("\(c.counts.noShows)", 7, right: true),
                              pad("\(c.counts.cancelled)", 6, right: true), pad("\(c.demand)", 7, right: true),
                              pad("\(c.capacity)", 8, right: true), pad(Statistics.percentText(c.demandRatio), 5, right: true)].joined(separator: " ")
                    + "  " + t("categoryWalkIns", walk.arrivals, walk.served, Statistics.minutesText(walk.medianWaitMinutes),
                                Statistics.minutesText(walk.p90WaitMinutes), walk.leftUnseen, walk.unservedAtClose, walk.waiting))
                for s in r.services where s.service.category == c.category {
                    lines.append([pad("  " + TextOutput.safe(s.service.name(in: strings.language)) + (s.service.isGroup ? " · " + t("group") : ""), 34),
                                  pad("\(s.counts.appointments)", 6, right: true), pad("\(s.counts.completed)", 5, right: true),
                                  pad("\(s.counts.noShows)", 7, right: true), pad("\(s.counts.cancelled)", 6, right: true),
                                  pad("\(s.demand)", 7, right: true), pad("\(s.capacity)", 8, right: true),
                                  pad(Statistics.percentText(s.demandRatio), 5, right: true)].joined(separator: " "))
                }
            }
            out += "\n" + lines.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// Minutes as hours with one decimal, in the language's decimal mark: `21.2`, `21,2`.
    static func hours(_ minutes: Int, _ strings: Localizer) -> String { strings.decimal(Double(minutes) / 60, places: 1) }

    /// `Mon 02`, `lun. 02`.
    static func shortDay(_ d: LocalDate, _ strings: Localizer) -> String {
        let names = strings("calendar.weekdays").split(separator: ",") // Sunday first
        let name = names.count == 7 ? String(names[d.isoWeekday.rawValue % 7]) : "\(d.isoWeekday.rawValue)"
        return name + " " + NumberText.zeroPadded(d.day, width: 2)
    }

    /// The text cut or padded to `width` columns (by display width).
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        DisplayText.fitted(text, toColumns: width, alignRight: right)
    }

    // MARK: CSV

    static func csv(_ r: OccupancyReport, by: OccupancyTable, language: UILanguage) -> String {
        var csv = CSVWriter.forOutput()
        func ratioCell(_ ratio: Double?) -> CSVWriter.Cell { percent(ratio).map { .decimal($0, places: 1) } ?? .empty }
        func minutesCell(_ m: Int?) -> CSVWriter.Cell { m.map { .number($0) } ?? .empty }
        switch by {
        case .room, .counselor:
            csv.appendHeader(["kind", "id", "name", "date", "booked_min", "available_min", "utilization_pct"])
            let kind = by.rawValue
            for row in by == .room ? r.rooms : r.counselors {
                for (day, u) in zip(r.days, row.days) {
                    csv.append([.text(kind), .number(Int(row.id)), .text(row.name), .date(day), .number(u.bookedMinutes),
                                .number(u.availableMinutes), ratioCell(u.ratio)])
                }
                let t = row.total
                csv.append([.text(kind + "_total"), .number(Int(row.id)), .text(row.name), .empty, .number(t.bookedMinutes),
                            .number(t.availableMinutes), ratioCell(t.ratio)])
            }
        case .service:
            csv.appendHeader(["kind", "id", "name", "category", "duration_min", "appointments", "booked", "arrived", "completed", "no_shows",
                              "cancelled", "no_show_rate_pct", "demand", "capacity", "demand_capacity_pct", "walk_ins", "served", "median_wait_min",
                              "p90_wait_min", "mean_wait_min", "left_unseen", "left_unseen_mean_wait_min", "unserved_at_close",
                              "unserved_mean_wait_min", "waiting", "left_unseen_pct"])
            func counts(_ c: AppointmentCounts) -> [CSVWriter.Cell] {
                [.number(c.appointments), .number(c.booked), .number(c.arrived), .number(c.completed), .number(c.noShows), .number(c.cancelled),
                 ratioCell(c.noShowRate)]
            }
            for s in r.services {
                csv.append([.text("service"), .text(s.service.id), .text(s.service.name(in: language)), .text(s.service.category.rawValue),
                            .number(s.service.durationMinutes)] + counts(s.counts)
                           + [.number(s.demand), .number(s.capacity), ratioCell(s.demandRatio)] + Array(repeating: .empty, count: 11))
            }
            for c in r.categories {
                let w = c.walkIns
                csv.append([.text("category"), .text(c.category.rawValue), .text(c.category.rawValue), .text(c.category.rawValue), .empty]
                           + counts(c.counts)
                           + [.number(c.demand), .number(c.capacity), ratioCell(c.demandRatio), .number(w.arrivals), .number(w.served),
                              minutesCell(w.medianWaitMinutes), minutesCell(w.p90WaitMinutes), minutesCell(w.meanWaitMinutes),
                              .number(w.leftUnseen), minutesCell(w.leftUnseenMeanMinutes), .number(w.unservedAtClose),
                              minutesCell(w.unservedMeanMinutes), .number(w.waiting), ratioCell(w.leftUnseenShare)])
            }
        }
        return csv.finished(sheet: "occupancy")
    }

    // MARK: JSON

    struct UtilizationJSON: Encodable {
        let bookedMinutes, availableMinutes: Int
        /// Percent with one decimal; null when nothing was available (encoded explicitly).
        let utilizationPct: Double?
        init(_ u: Utilization) {
            bookedMinutes = u.bookedMinutes
            availableMinutes = u.availableMinutes
            utilizationPct = OccupancyOutput.percent(u.ratio)
        }
        enum CodingKeys: String, CodingKey { case bookedMinutes = "booked_min", availableMinutes = "available_min", utilizationPct = "utilization_pct" }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(bookedMinutes, forKey: .bookedMinutes)
            try c.encode(availableMinutes, forKey: .availableMinutes)
            try c.encode(utilizationPct, forKey: .utilizationPct)
        }
    }

    struct DayJSON: Encodable {
        let date: String
        let utilization: UtilizationJSON
        func encode(to encoder: any Encoder) throws {
            try utilization.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(date, forKey: Key(stringValue: "date"))
        }
    }

    struct ResourceJSON: Encodable {
        let id: Int64
        let name: String
        let active: Bool
        let total: UtilizationJSON
        let days: [DayJSON]
    }

    struct CountsJSON: Encodable {
        let appointments, booked, arrived, completed, noShows, cancelled: Int
        let noShowRatePct: Double?
        init(_ c: AppointmentCounts) {
            appointments = c.appointments; booked = c.booked; arrived = c.arrived; completed = c.completed
            noShows = c.noShows; cancelled = c.cancelled; noShowRatePct = OccupancyOutput.percent(c.noShowRate)
        }
        enum CodingKeys: String, CodingKey {
            case appointments, booked, arrived, completed, noShows = "no_shows", cancelled, noShowRatePct = "no_show_rate_pct"
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(appointments, forKey: .appointments); try c.encode(booked, forKey: .booked); try c.encode(arrived, forKey: .arrived)
            try c.encode(completed, forKey: .completed); try c.encode(noShows, forKey: .noShows); try c.encode(cancelled, forKey: .cancelled)
            try c.encode(noShowRatePct, forKey: .noShowRatePct)
        }
    }

    /// Walk-in tickets (`WalkInStats`): every ticket issued is served, left unseen, unserved at
    /// close or still waiting; the median, 90th percentile and mean waits are of the served.
    struct WalkInsJSON: Encodable {
        let arrivals, served, leftUnseen, unservedAtClose, waiting: Int
        let medianWaitMin, p90WaitMin, meanWaitMin, leftUnseenMeanWaitMin, unservedMeanWaitMin: Int?
        let leftUnseenPct: Double?
        init(_ w: WalkInStats) {
            arrivals = w.arrivals; served = w.served; leftUnseen = w.leftUnseen; unservedAtClose = w.unservedAtClose; waiting = w.waiting
            medianWaitMin = w.medianWaitMinutes; p90WaitMin = w.p90WaitMinutes; meanWaitMin = w.meanWaitMinutes
            leftUnseenMeanWaitMin = w.leftUnseenMeanMinutes; unservedMeanWaitMin = w.unservedMeanMinutes
            leftUnseenPct = OccupancyOutput.percent(w.leftUnseenShare)
        }
        enum CodingKeys: String, CodingKey {
            case arrivals, served, leftUnseen = "left_unseen", unservedAtClose = "unserved_at_close", waiting
            case medianWaitMin = "median_wait_min", p90WaitMin = "p90_wait_min", meanWaitMin = "mean_wait_min"
            case leftUnseenMeanWaitMin = "left_unseen_mean_wait_min", unservedMeanWaitMin = "unserved_mean_wait_min"
            case leftUnseenPct = "left_unseen_pct"
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(arrivals, forKey: .arrivals); try c.encode(served, forKey: .served); try c.encode(leftUnseen, forKey: .leftUnseen)
            try c.encode(unservedAtClose, forKey: .unservedAtClose); try c.encode(waiting, forKey: .waiting)
            try c.encode(medianWaitMin, forKey: .medianWaitMin); try c.encode(p90WaitMin, forKey: .p90WaitMin)
            try c.encode(meanWaitMin, forKey: .meanWaitMin); try c.encode(leftUnseenMeanWaitMin, forKey: .leftUnseenMeanWaitMin)
            try c.encode(unservedMeanWaitMin, forKey: .unservedMeanWaitMin); try c.encode(leftUnseenPct, forKey: .leftUnseenPct)
        }
    }

    struct DemandJSON: Encodable {
        let id, name, category: String
        let group: Bool
        let counts: CountsJSON
        let demand, capacity: Int
        let demandCapacityPct: Double?
        let walkIns: WalkInsJSON?
        enum CodingKeys: String, CodingKey {
            case id, name, category, group, counts, demand, capacity, demandCapacityPct = "demand_capacity_pct", walkIns = "walk_ins"
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(category, forKey: .category)
            try c.encode(group, forKey: .group); try c.encode(counts, forKey: .counts); try c.encode(demand, forKey: .demand)
            try c.encode(capacity, forKey: .capacity); try c.encode(demandCapacityPct, forKey: .demandCapacityPct)
            try c.encodeIfPresent(walkIns, forKey: .walkIns)
        }
    }

    struct ReportJSON: Encodable {
        let from, to, timeZone: String
        let rooms: UtilizationJSON
        let counselors: UtilizationJSON
        let appointments: CountsJSON
        let walkIns: WalkInsJSON
        let roomDays, counselorDays: [ResourceJSON]?
        let services, categories: [DemandJSON]?
        enum CodingKeys: String, CodingKey {
            case from, to, timeZone = "time_zone", rooms = "rooms_total", counselors = "counselors_total", appointments, walkIns = "walk_ins"
            case roomDays = "rooms", counselorDays = "counselors", services, categories
        }
    }

    /// The report as JSON: keys and values as stored, the names of services and categories in `language`.
    static func json(_ r: OccupancyReport, by: OccupancyTable?, timeZone: String, language: UILanguage) -> ReportJSON {
        let strings = try? ShippedData.strings(language)
        func resources(_ rows: [ResourceOccupancy]) -> [ResourceJSON] {
            rows.map { row in
                ResourceJSON(id: row.id, name: row.name, active: row.active, total: UtilizationJSON(row.total),
                             days: zip(r.days, row.days).map { DayJSON(date: $0.description, utilization: UtilizationJSON($1)) })
            }
        }
        let services = r.services.map {
            DemandJSON(id: $0.service.id, name: $0.service.name(in: language), category: $0.service.category.rawValue, group: $0.service.isGroup,
                       counts: CountsJSON($0.counts), demand: $0.demand, capacity: $0.capacity, demandCapacityPct: percent($0.demandRatio), walkIns: nil)
        }
        let categories = r.categories.map {
            DemandJSON(id: $0.category.rawValue, name: strings?.category($0.category) ?? $0.category.rawValue, category: $0.category.rawValue,
                       group: false,
                       counts: CountsJSON($0.counts), demand: $0.demand, capacity: $0.capacity, demandCapacityPct: percent($0.demandRatio),
                       walkIns: WalkInsJSON($0.walkIns))
        }
        return ReportJSON(from: r.period.first.description, to: r.period.last.description, timeZone: timeZone,
                          rooms: UtilizationJSON(r.roomUtilization), counselors: UtilizationJSON(r.counselorUtilization),
                          appointments: CountsJSON(r.appointments), walkIns: WalkInsJSON(r.walkIns),
                          roomDays: by == nil || by == .room ? resources(r.rooms) : nil,
                          counselorDays: by == nil || by == .counselor ? resources(r.counselors) : nil,
                          services: by == nil || by == .service ? services : nil, categories: by == nil || by == .service ? categories : nil)
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
