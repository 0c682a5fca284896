import Foundation
import FrontDeskDomain
import TerminalKit

extension ReportsScreen {
    public static func title(_ state: State, _ ctx: ScreenContext) -> String { ctx.strings("reports.title") }

    public static func keyBar(_ state: State, _ ctx: ScreenContext) -> KeyBarContent { ReportsKeys.map.keyBar(ctx.strings) }

    public static func help(_ state: State, _ ctx: ScreenContext) -> [HelpColumn] {
        [HelpColumn(ctx.strings("help.reports"), ReportsKeys.map.helpLines(ctx.strings)), Chrome.screensHelp(ctx)]
    }

    /// Draws the body: the period and scope with the totals, the views, the shown view, the
    /// legend of suppressed counts.
    public static func render(_ state: State, _ ctx: ScreenContext, body: Rect, into frame: inout Frame) {
        let s = ctx.strings
        let rows = layout(body: body)
        renderHeader(state, ctx, rows[0], &frame)
        renderTabs(state, ctx, rows[1], &frame)
        let area = rows[2].inset(dx: 1, dy: 0)
        if let report = state.report, let trends = state.trends {
            if let lines = scrolledLines(state, ctx, width: area.width) {
                renderLines(lines, state.scroll, area, &frame)
            } else if state.view == .pyramid {
                renderPyramid(report, ctx, area, &frame)
            } else if state.view == .trends {
                renderTrends(trends, report, state.scope, ctx, area, &frame)
            } else {
                renderWalkIns(trends, ctx, area, &frame)
            }
        } else {
            frame.put(s("occupancy.loading"), in: area.row(1), style: .dim)
        }
        // The marks' legend and when the figures were produced; the legend's short form when
        // both do not fit (at 80 columns the time was cut off).
        let legendArea = rows[3].inset(dx: 1, dy: 0)
        let produced = state.producedAt.map { at -> String in
            let local = ctx.calendar.localDateTime(of: at)
            return " · " + s("reports.produced", "\(local.date) \(local.time)")
        } ?? ""
        var legend = s("reports.legend") + produced
        if DisplayText.width(of: legend) > legendArea.width { legend = s("reports.legendShort") + produced }
        frame.put(legend, in: legendArea, style: .dim)
    }

    /// The body's rows: header, view tabs, the view, legend.
    static func layout(body: Rect) -> [Rect] {
        body.splitVertically([.length(1), .length(1), .min(8), .length(1)])
    }

    /// The lines of a view drawn as scrolled text (tables, nationalities, no-shows) at
    /// `width` columns; nil for the pictures, which fit themselves to the area, and before the
    /// report is loaded.
    static func scrolledLines(_ state: State, _ ctx: ScreenContext, width: Int) -> [(String, Style)]? {
        guard let report = state.report, let trends = state.trends else { return nil }
        switch state.view {
        case .tables: return tableLines(report, ctx, width: width, catalog: state.catalog)
        case .nationalities: return nationalityLines(report, ctx, width: width)
        case .noShows: return noShowLines(trends, ctx, width: width)
        case .pyramid, .trends, .walkIns: return nil
        }
    }

    /// How far the shown view scrolls at the terminal's size: the last line index that can be
    /// the first shown (0 when everything fits) and the lines in a page (PgUp/PgDn).
    public static func scrollRange(_ state: State, _ ctx: ScreenContext) -> (lastFirst: Int, page: Int) {
        let area = layout(body: Chrome.layout(ctx.size).body)[2].inset(dx: 1, dy: 0)
        guard let lines = scrolledLines(state, ctx, width: area.width), area.height > 1 else { return (0, 1) }
        let rows = lines.count > area.height ? area.height - 1 : area.height
        return (max(0, lines.count - rows), max(1, rows - 1))
    }

    /// ◀ 2026 T3 ▶ · UNHCR · 123 visiteurs · 456 prestations
    private static func renderHeader(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let period = state.request?.period ?? ReportsScreen.period(state, today: ctx.today)
        let scope = state.scope.label ?? s("reports.scope.all")
        // The choice's name ("this quarter") only while the arrows have not moved the period.
        let choice = state.offset == 0 ? s("reports.choice.\(state.periodChoice.rawValue)") + "  ·  " : ""
        let head = " ◀ \(periodName(period, s, ctx.calendar)) ▶  " + choice
        // The totals are kept whole: a long program name gives way to them.
        let totals = state.report.map { "  ·  " + s("reports.totals", $0.visitors.description, $0.services.description) } ?? ""
        let room = max(1, r.width - DisplayText.width(of: head) - DisplayText.width(of: totals))
        let text = head + DisplayText.fitted(scope, toColumns: min(room, DisplayText.width(of: scope))) + totals
        frame.put(DisplayText.fitted(text, toColumns: r.width), in: r, style: .bold)
    }

    /// The six views by their digit, the shown one highlighted.
    private static func renderTabs(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        var x = r.x + 1
        let short = r.width < 100
        for (i, view) in View.allCases.enumerated() {
            let name = ctx.strings((short ? "reports.tab." : "reports.view.") + view.rawValue)
            let label = " \(i + 1) \(name) "
            let w = DisplayText.width(of: label)
            guard x + w <= r.maxX else { break }
            frame.put(label, x: x, y: r.y, style: view == state.view ? Style.reverse.with(.bold) : .dim)
            x += w + 1
        }
    }

    /// Lines of text scrolled from `scroll`, with a `more` mark when they do not all fit.
    private static func renderLines(_ lines: [(String, Style)], _ scroll: Int, _ area: Rect, _ frame: inout Frame) {
        // When they do not all fit, the last row says which are shown (and holds no line).
        let rows = lines.count > area.height ? area.height - 1 : area.height
        let first = min(scroll, max(0, lines.count - rows))
        for (i, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            frame.put(DisplayText.fitted(line.0, toColumns: area.width), x: area.x, y: area.y + i, style: line.1)
        }
        if lines.count > area.height {
            let last = min(lines.count, first + rows)
            let mark = " \(first + 1)–\(last)/\(lines.count)\(last < lines.count ? " ↓" : "") "
            frame.put(mark, in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), style: .dim, alignRight: true)
        }
    }

    // MARK: Tables

    /// A value's name for people (`Femme`, `18-24`, `SN Sénégal`, `Réfugié·e`).
    static func label(_ key: String, _ d: ReportDimension, _ ctx: ScreenContext) -> String {
        let s = ctx.strings
        if key == AgeBands.unknownKey, d == .ageBand || d == .nationality { return s("reports.unknown") }
        switch d {
        case .sex: return Sex(rawValue: key).map(s.sex) ?? key
        case .ageBand: return key
        case .nationality:
            guard let c = ctx.reference.country(code: key) else { return key }
            return c.code + " " + (s.language == .fr ? c.nameFr : c.nameEn)
        case .status: return LegalStatus(rawValue: key).map(s.status) ?? key
        case .category: return ServiceCategory(rawValue: key).map(s.category) ?? key
        case .recurrence: return s("reports.recurrence.\(key)")
        }
    }

    /// Every one-way table (visitors, services), the targets, then the sex × age table.
    public static func tableLines(_ r: FunderReport, _ ctx: ScreenContext, width: Int, catalog: [Program] = []) -> [(String, Style)] {
        let s = ctx.strings
        let nameW = max(12, min(40, width - 26))
        func row(_ name: String, _ a: String, _ b: String) -> String {
            DisplayText.fitted(name, toColumns: nameW) + DisplayText.fitted(a, toColumns: 13, alignRight: true) + DisplayText.fitted(b, toColumns: 13, alignRight: true)
        }
        var lines: [(String, Style)] = [(row(s("reports.total"), r.visitors.description, r.services.description), .bold),
                                        (row(s("reports.leftOut"), r.nonConsentingVisitors.description, r.nonConsentingServices.description), .dim)]
        if let why = withheldNote(r, s) { lines += DisplayText.wrapped(why, toColumns: width).map { ($0, .dim) } }
        for d in ReportDimension.allCases {
            lines.append(("", .plain))
            lines.append((row(s("reports.dimension.\(d.rawValue)"), s("reports.visitors"), s("reports.services")), .underline))
            for item in r.rows(d) {
                lines.append((row(label(item.key, d, ctx), item.visitors.description, item.services.description), .plain))
            }
        }
        if !r.achievements.isEmpty {
            lines.append(("", .plain))
            lines.append((s("reports.targets"), .underline))
            for a in r.achievements {
                let measure = s(a.target.measure == .uniqueVisitors ? "reports.visitors" : "reports.services")
                let program = catalog.first { $0.id == a.programId }
                let name = program.map { s.language == .fr ? $0.nameFr : $0.nameEn } ?? a.programId
                lines.append((s("reports.target", name, a.target.year, a.achieved.description, a.target.count, measure,
                                a.percent.map { "\($0)%" } ?? "—"), .plain))
            }
        }
        // Sex × age band, visitors then services: sexes down, bands across.
        let ages = r.rows(.ageBand).map(\.key)
        let cellW = max(5, min(9, (width - 14) / max(1, ages.count)))
        for (title, pick) in [("reports.sexByAge", { (c: FunderReport.CrossCell) in c.visitors }), ("reports.sexByAgeServices", { $0.services })] {
            lines.append(("", .plain))
            lines.append((s(title), .underline))
            if r.sexByAgeWithheld { lines += DisplayText.wrapped(s("reports.sexByAgeWithheld"), toColumns: width).map { ($0, .dim) } }
            lines.append((DisplayText.fitted("", toColumns: 14) + ages.map { DisplayText.fitted(label($0, .ageBand, ctx), toColumns: cellW, alignRight: true) }.joined(), .bold))
            for sex in r.rows(.sex).map(\.key) {
                let cells = r.sexByAge.filter { $0.sex == sex }.map { DisplayText.fitted(pick($0).description, toColumns: cellW, alignRight: true) }
                lines.append((DisplayText.fitted(label(sex, .sex, ctx), toColumns: 14) + cells.joined(), .plain))
            }
        }
        return lines
    }

    // MARK: Pictures

    /// A bar for a count as shown: `█` eighths up to `width` for an exact count against `max`;
    /// a suppressed or hidden count is its mark (`<5`, `x`), never a bar of its true size.
    public static func bar(_ count: ReportCount, max: Int, width: Int) -> (text: String, exact: Bool) {
        guard case .exact(let n) = count else { return (count.description, false) }
        guard max > 0, n > 0 else { return ("", true) }
        return (OccupancyScreen.bar(Double(n) / Double(max), width: width).trimmingCharacters(in: .whitespaces), true)
    }

    /// Age bands down (oldest on top, unknown last), men to the left of the ages, women to
    /// the right (unique visitors), each bar with its count; other and unspecified in a column.
    private static func renderPyramid(_ r: FunderReport, _ ctx: ScreenContext, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let keys = r.rows(.ageBand).map(\.key)
        let bands = keys.filter { $0 != AgeBands.unknownKey }.reversed() + keys.filter { $0 == AgeBands.unknownKey }
        func cell(_ sex: String, _ band: String) -> ReportCount { r.sexByAge.first { $0.sex == sex && $0.ageBand == band }?.visitors ?? .exact(0) }
        let maxCount = bands.flatMap { b in ["male", "female"].compactMap { cell($0, b).value } }.max() ?? 0
        let labelW = 9, extraW = area.width >= 100 ? 24 : 13
        let half = max(6, (area.width - labelW - extraW) / 2)
        let labelX = area.x + half, rightX = labelX + labelW, extraX = area.maxX - extraW
        frame.put(DisplayText.fitted(s("sex.male"), toColumns: half - 1, alignRight: true), x: area.x, y: area.y, style: .underline)
        frame.put(DisplayText.fitted(s("sex.female"), toColumns: half - 1), x: rightX, y: area.y, style: .underline)
        frame.put(DisplayText.fitted(s("sex.other") + " / " + s("sex.unspecified"), toColumns: extraW - 1, alignRight: true), x: extraX + 1, y: area.y,
                  style: .underline)
        // The note under the pyramid (why it holds only `x`, over two lines when needed).
        let note = withheldNote(r, s) ?? (r.sexByAgeWithheld ? s("reports.sexByAgeWithheld") : s("reports.pyramid.note"))
        let noteLines = DisplayText.wrapped(note, toColumns: area.width, maxLines: 2)
        let rowsAvailable = area.height - 1 - noteLines.count
        let step = bands.count * 2 <= rowsAvailable ? 2 : 1
        let barW = max(1, half - 6)
        for (i, band) in bands.enumerated() {
            let y = area.y + 1 + i * step
            guard y < area.maxY - noteLines.count else { break }
            frame.put(DisplayText.fitted(label(band, .ageBand, ctx), toColumns: labelW - 2), x: labelX + 1, y: y, style: .bold)
            let men = cell("male", band), women = cell("female", band)
            // Men's bars grow to the left: whole blocks and a right half (no left-growing eighths).
            let left: String
            if let n = men.value {
                let halves = maxCount > 0 ? Int((Double(n) / Double(maxCount) * Double(barW * 2)).rounded()) : 0
                left = (n > 0 ? "\(n) " : "0 ") + (halves % 2 == 1 ? "▐" : "") + String(repeating: "█", count: halves / 2)
            } else {
                left = men.description
            }
            frame.put(DisplayText.fitted(left, toColumns: half - 1, alignRight: true), x: area.x, y: y, style: men.value == nil ? .dim : Style(foreground: .cyan))
            let right = bar(women, max: maxCount, width: barW)
            let rightText = right.exact ? right.text + (right.text.isEmpty ? "" : " ") + women.description : women.description
            frame.put(DisplayText.fitted(rightText, toColumns: half - 1), x: rightX, y: y, style: right.exact ? Style(foreground: .magenta) : .dim)
            let others = cell("other", band).description + " / " + cell("unspecified", band).description
            frame.put(DisplayText.fitted(others, toColumns: extraW - 1, alignRight: true), x: extraX + 1, y: y, style: .dim)
        }
        for (i, line) in noteLines.enumerated() {
            frame.put(line, in: Rect(x: area.x, y: area.maxY - noteLines.count + i, width: area.width, height: 1), style: .dim)
        }
    }

    /// Why the report shows no breakdown (`FunderReport.breakdownWithheld`), nil when it shows one.
    static func withheldNote(_ r: FunderReport, _ s: Localizer) -> String? {
        r.breakdownWithheld ? s("reports.withheld") : nil
    }

    /// Nationalities by unique visitors, most first; counts shown as `<5` or `x` come after
    /// the exact ones, in code order (ordering them by their true size would tell it).
    public static func nationalityLines(_ r: FunderReport, _ ctx: ScreenContext, width: Int) -> [(String, Style)] {
        let rows = r.rows(.nationality).filter { $0.visitors != .exact(0) || $0.services != .exact(0) }
        let exact = rows.filter { $0.visitors.value != nil && $0.key != AgeBands.unknownKey }.sorted { ($0.visitors.value ?? 0, $1.key) > ($1.visitors.value ?? 0, $0.key) }
        let masked = rows.filter { $0.visitors.value == nil && $0.key != AgeBands.unknownKey }.sorted { $0.key < $1.key }
        let unknown = rows.filter { $0.key == AgeBands.unknownKey }
        let maxCount = exact.first?.visitors.value ?? 0
        let nameW = max(14, min(32, width / 3)), countW = 11
        let barW = max(4, width - nameW - countW - 1)
        var lines: [(String, Style)] = [(DisplayText.fitted(ctx.strings("reports.dimension.nationality"), toColumns: nameW)
            + DisplayText.fitted(ctx.strings("reports.visitors"), toColumns: countW, alignRight: true), .underline)]
        for row in exact + masked + unknown {
            let b = bar(row.visitors, max: maxCount, width: barW)
            lines.append((DisplayText.fitted(label(row.key, .nationality, ctx), toColumns: nameW)
                + DisplayText.fitted(row.visitors.description, toColumns: countW, alignRight: true) + " " + (b.exact ? b.text : ""), b.exact ? .plain : .dim))
        }
        if let why = withheldNote(r, ctx.strings) {
            lines += DisplayText.wrapped(why, toColumns: width).map { ($0, .dim) }
        } else if rows.isEmpty {
            lines.append((ctx.strings("reports.none"), .dim))
        }
        return lines
    }

    /// Twelve months of three figures as columns of blocks, each value written under its
    /// column: unique visitors of the scope (a suppressed month has no column, only its `<5`),
    /// the median wait of walk-ins and the no-show rate of the whole center.
    private static func renderTrends(_ t: ReportTrends, _ r: FunderReport, _ scope: Scope, _ ctx: ScreenContext, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let charts: [(title: String, values: [Double?], text: [String])] = [
            (s("reports.trend.visitors", scope.label ?? s("reports.scope.all")),
             t.months.map { $0.visitors.value.map(Double.init) }, t.months.map { $0.visitors.description }),
            (s("reports.trend.wait"), t.months.map { $0.medianWaitMinutes.map(Double.init) }, t.months.map { $0.medianWaitMinutes.map(String.init) ?? "—" }),
            (s("reports.trend.noShows"), t.months.map { $0.noShowRate }, t.months.map { Statistics.percentText($0.noShowRate) }),
        ]
        let labelW = 0
        let colW = max(3, min(8, (area.width - labelW) / max(1, t.months.count)))
        // Each chart: a title, bars of `h` rows, the values; the months once at the bottom.
        let h = max(1, (area.height - 1 - charts.count * 2) / charts.count)
        var y = area.y
        for chart in charts {
            frame.put(DisplayText.fitted(chart.title, toColumns: area.width), x: area.x, y: y, style: .underline)
            let top = chart.values.compactMap { $0 }.max() ?? 0
            for (i, value) in chart.values.enumerated() {
                let x = area.x + labelW + i * colW
                let column = verticalBar(value, max: top, height: h)
                for (row, piece) in column.enumerated() {
                    frame.put(String(repeating: piece, count: max(1, colW - 1)), x: x, y: y + 1 + row, style: Style(foreground: .cyan))
                }
                frame.put(DisplayText.fitted(chart.text[i], toColumns: colW - 1, alignRight: true), x: x, y: y + 1 + h, style: .dim)
            }
            y += h + 2
        }
        for (i, m) in t.months.enumerated() where y < area.maxY {
            let name = s.longDate(m.first, weekday: ctx.calendar.weekday(of: m.first)).split(separator: " ").dropFirst(2).first.map(String.init) ?? ""
            frame.put(DisplayText.fitted(name, toColumns: colW - 1), x: area.x + labelW + i * colW, y: y, style: .bold)
        }
    }

    /// A column of `height` cells for a value against `max`, top first: full blocks and one
    /// partial eighth (`▁`…`▇`), spaces above.
    public static func verticalBar(_ value: Double?, max: Double, height: Int) -> [String] {
        guard let value, max > 0, height > 0 else { return Array(repeating: " ", count: height) }
        let eighths = Int((min(value / max, 1) * Double(height * 8)).rounded())
        let partial = ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇"]
        return (0..<height).map { row in
            let fromBottom = height - 1 - row
            let filled = eighths - fromBottom * 8
            if filled >= 8 { return "█" }
            if filled > 0 { return partial[filled] }
            return fromBottom == 0 && value > 0 ? "▁" : " "
        }
    }

    /// Walk-in arrivals of the period by weekday (rows) and hour (columns), shaded against the
    /// busiest cell, with the count when the cell is wide enough; the open hours only.
    private static func renderWalkIns(_ t: ReportTrends, _ ctx: ScreenContext, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let hours = (0..<24).filter { h in t.walkIns.contains { $0[h] > 0 } }
        guard let firstHour = hours.first, let lastHour = hours.last else {
            frame.put(s("reports.none"), in: area.row(1), style: .dim)
            return
        }
        let span = Array(firstHour...lastHour)
        let nameW = 10
        let cellW = max(2, min(8, (area.width - nameW) / span.count))
        let top = t.walkIns.flatMap { $0 }.max() ?? 0
        for (i, h) in span.enumerated() {
            frame.put(DisplayText.fitted(String(format: "%02dh", h), toColumns: cellW, alignRight: true), x: area.x + nameW + i * cellW, y: area.y, style: .underline)
        }
        let monday = LocalDate(year: 2024, month: 1, day: 1) // a Monday: the weekdays' names
        var y = area.y + 1
        for day in 0..<7 where t.walkIns[day].contains(where: { $0 > 0 }) || day < 5 {
            guard y < area.maxY - 1 else { break }
            let date = monday.adding(days: day)
            let name = s.longDate(date, weekday: ctx.calendar.weekday(of: date)).split(separator: " ").first.map(String.init) ?? ""
            frame.put(DisplayText.fitted(name, toColumns: nameW - 1), x: area.x, y: y, style: .bold)
            for (i, h) in span.enumerated() {
                let n = t.walkIns[day][h]
                let shade = OccupancyScreen.shade(top > 0 ? Double(n) / Double(top) : 0)
                // A count from 1 to 4 is shaded without its number, as every count of the reports.
                let text = cellW < 4 ? String(repeating: shade, count: cellW - 1) : n >= SmallCells.threshold ? "\(shade)\(n)" : shade
                frame.put(DisplayText.fitted(text, toColumns: cellW, alignRight: true), x: area.x + nameW + i * cellW, y: y, style: n == top && n > 0 ? .bold : .plain)
            }
            y += area.height >= 20 ? 2 : 1
        }
        frame.put(s("reports.walkIns.note", top), in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), style: .dim)
    }

    /// No-show rate by counselor, then by service, with a bar (against the highest rate) and
    /// the counts.
    public static func noShowLines(_ t: ReportTrends, _ ctx: ScreenContext, width: Int) -> [(String, Style)] {
        let s = ctx.strings
        let nameW = max(14, min(36, width / 3)), numbersW = 16
        let barW = max(4, width - nameW - numbersW - 2)
        // No-shows as every count of the reports (`ReportTrends.shownNoShows`): from 1 to 4
        // `<5`, hidden `x` so that none of those follows from their sum; such a line has no
        // rate or bar (the rate and the appointments would give the count back).
        let counselors = ReportTrends.shownNoShows(t.byCounselor), services = ReportTrends.shownNoShows(t.byService)
        // Bars against the highest rate shown, so that differences show at 80 columns.
        let top = zip(t.byCounselor + t.byService, counselors + services).filter { $0.1.value != nil }.compactMap(\.0.rate).max() ?? 0
        func line(_ name: String, _ l: ReportTrends.NoShowLine, _ shown: ReportCount) -> (String, Style) {
            let rate = shown.value == nil ? nil : l.rate
            let figures = shown.value == nil ? "\(shown)/\(SmallCells.shown(l.noShows + l.attended))"
                : "\(Statistics.percentText(l.rate)) \(l.noShows)/\(SmallCells.shown(l.noShows + l.attended))"
            return (DisplayText.fitted(name, toColumns: nameW) + " " + OccupancyScreen.bar(top > 0 ? rate.map { $0 / top } : nil, width: barW) + " "
                + DisplayText.fitted(figures, toColumns: numbersW, alignRight: true), (rate ?? 0) >= 0.25 ? .bold : .plain)
        }
        var lines: [(String, Style)] = [(s("reports.noShows.counselors"), .underline)]
        lines += zip(t.byCounselor, counselors).map { line($0.name, $0, $1) }
        lines.append(("", .plain))
        lines.append((s("reports.noShows.services"), .underline))
        lines += zip(t.byService, services).map { line(s.language == .fr ? $0.name : ($0.englishName ?? $0.name), $0, $1) }
        if t.byCounselor.isEmpty { lines.append((s("reports.none"), .dim)) }
        return lines
    }
}
