import Foundation
import FrontDeskDomain
import TerminalKit

extension OccupancyScreen {
    /// The shade of a utilization, readable without color: `·` 0, `░` under 25 %, `▒` under
    /// 50 %, `▓` under 75 %, `█` 75 % and more; `—` when nothing was available.
    public static func shade(_ ratio: Double?) -> String {
        guard let r = ratio else { return "—" }
        switch r {
        case ..<0.000_001: return "·"
        case ..<0.25: return "░"
        case ..<0.5: return "▒"
        case ..<0.75: return "▓"
        default: return "█"
        }
    }

    static func style(_ ratio: Double?) -> Style {
        guard let r = ratio else { return .dim }
        if r > 1 { return Style(foreground: .red, attributes: .bold) }
        if r >= 0.75 { return .bold }
        return .plain
    }

    /// A cell of `width` columns: the shade, then the percentage when it fits (`▓ 62%`, `▓62`).
    static func cell(_ ratio: Double?, width: Int) -> String {
        let shade = shade(ratio)
        guard let r = ratio else {
            return width < 4 ? String(repeating: shade, count: width) : DisplayText.fitted(shade, toColumns: width, alignRight: true)
        }
        let pct = Int((r * 100).rounded())
        let text: String
        if width >= 6 { text = "\(shade) \(pct)%" } else if width == 5 && pct < 1000 { text = "\(shade)\(pct)%" } else if width == 4 && pct < 1000 {
            text = "\(shade)\(pct)"
        } else {
            text = String(repeating: shade, count: width) // a strip of shades: a heat map of the month
        }
        return DisplayText.fitted(text, toColumns: width, alignRight: true)
    }

    public static func title(_ state: State, _ ctx: ScreenContext) -> String { ctx.strings("occupancy.title") }

    public static func keyBar(_ state: State, _ ctx: ScreenContext) -> KeyBarContent { OccupancyKeys.map.keyBar(ctx.strings) }

    public static func help(_ state: State, _ ctx: ScreenContext) -> [HelpColumn] {
        [HelpColumn(ctx.strings("help.occupancy"), OccupancyKeys.map.helpLines(ctx.strings)), Chrome.screensHelp(ctx)]
    }

    /// Draws the body: summary strip, period header, the grid or table, the legend.
    public static func render(_ state: State, _ ctx: ScreenContext, body: Rect, into frame: inout Frame) {
        let s = ctx.strings
        let rows = body.splitVertically([.length(1), .length(1), .min(10), .length(1)])
        renderSummary(state, ctx, rows[0], &frame)
        renderHeader(state, ctx, rows[1], &frame)
        if let report = state.report {
            switch state.view {
            case .rooms: renderGrid(state, ctx, report, report.rooms, rows[2], &frame)
            case .counselors: renderGrid(state, ctx, report, report.counselors, rows[2], &frame)
            case .services: renderServices(state, ctx, report, rows[2], &frame)
            }
        } else {
            frame.put(s("occupancy.loading"), in: rows[2].row(1).inset(dx: 2, dy: 0), style: .dim)
        }
        // The grid's shades, or what the services' bars measure.
        frame.put(s(state.view == .services ? "occupancy.servicesLegend" : "occupancy.legend"), in: rows[3].inset(dx: 1, dy: 0), style: .dim)
    }

    /// Rooms 43% │ Counselors 48% │ No-shows 16% │ Served 110 of 118: median 14, p90 47 min │ Left 4% · unserved 2 · waiting 6
    private static func renderSummary(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        guard let report = state.report else { return }
        let w = report.walkIns
        let parts = [
            s("occupancy.sum.rooms", Statistics.percentText(report.roomUtilization.ratio)),
            s("occupancy.sum.counselors", Statistics.percentText(report.counselorUtilization.ratio)),
            s("occupancy.sum.noShows", Statistics.percentText(report.appointments.noShowRate)),
            s("occupancy.sum.wait", w.served, w.arrivals, w.medianWaitMinutes.map(String.init) ?? "—", w.p90WaitMinutes.map(String.init) ?? "—"),
            s("occupancy.sum.leftUnseen", Statistics.percentText(w.leftUnseenShare), w.unservedAtClose, w.waiting),
        ]
        // Spaced when it fits, else packed; else the last part goes (the services view keeps
        // every walk-in figure per category), then the waits are said short (a month's
        // thousands of tickets at 80 columns), and what is still too long is cut.
        let spaced = " " + parts.joined(separator: " │ ")
        var shown = parts
        func packed() -> String { " " + shown.joined(separator: "│") }
        while shown.count > 4, DisplayText.width(of: packed()) > r.width { shown.removeLast() }
        if DisplayText.width(of: packed()) > r.width {
            shown[3] = s("occupancy.sum.waitShort", w.served, w.arrivals, w.medianWaitMinutes.map(String.init) ?? "—",
                         w.p90WaitMinutes.map(String.init) ?? "—")
        }
        frame.put(DisplayText.width(of: spaced) <= r.width ? spaced : packed(), in: r, style: .bold)
    }

    /// ◀ Week of Mon 16 Nov 2026 ▶  and the three views, the shown one highlighted.
    private static func renderHeader(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let title: String
        if let p = state.report?.period ?? state.request.map({ _ in ReportingPeriod.day(state.anchor(ctx)) }) {
            let first = p.first
            if state.span == .month {
                let words = s.longDate(first, weekday: ctx.calendar.weekday(of: first)).split(separator: " ")
                title = s("occupancy.month", words.suffix(2).joined(separator: " "))
            } else {
                title = s("occupancy.week", s.longDate(first, weekday: ctx.calendar.weekday(of: first)))
            }
        } else {
            title = ""
        }
        let left = " ◀ \(title) ▶ "
        let used = frame.put(left, in: Rect(x: r.x, y: r.y, width: min(r.width, DisplayText.width(of: left)), height: 1), style: .bold)
        var x = r.maxX
        for view in View.allCases.reversed() {
            let label = " " + s("occupancy.\(view.rawValue)") + " "
            let w = DisplayText.width(of: label)
            x -= w + 1
            guard x > r.x + used else { break }
            frame.put(label, x: x, y: r.y, style: view == state.view ? Style.reverse.with(.bold) : .dim)
        }
    }

    /// Names down the left, one shaded cell per day, the period's total on the right, and a
    /// line for all together at the bottom. The days share the width (the names take what is
    /// left, up to 48 columns); today's column is marked: its day highlighted in the header and
    /// its cells underlined.
    private static func renderGrid(_ state: State, _ ctx: ScreenContext, _ report: OccupancyReport, _ resources: [ResourceOccupancy], _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let days = report.days
        guard !days.isEmpty else { return }
        let narrowMonth = days.count > 7 && area.width < 120
        let minTotalW = narrowMonth ? 5 : 7
        // A month's days come first: its names give up width for a third column a day as soon as
        // it fits (about 110 columns); a week keeps wide names on a wide screen.
        let minNameW = days.count > 7 ? (narrowMonth ? 12 : 17) : (area.width >= 120 ? 24 : 17)
        let cellW = max(1, (area.width - minNameW - minTotalW) / days.count)
        // The grid fills the width: what the days leave goes to the names (up to 48 columns),
        // the rest to the period's column.
        let nameW = max(minNameW, min(48, area.width - minTotalW - cellW * days.count))
        let totalW = max(minTotalW, area.width - nameW - cellW * days.count)
        let gridX = area.x + nameW
        let todayIndex = days.firstIndex(of: ctx.today)
        // Header: day labels (all of them when they fit, else every other or every fifth day's
        // number); today's is always there, highlighted, and no other label overlaps it.
        var labels: [(x: Int, text: String, day: LocalDate)] = []
        for (i, d) in days.enumerated() {
            let x = gridX + i * cellW
            let words = s.longDate(d, weekday: ctx.calendar.weekday(of: d)).split(separator: " ")
            let label: String
            if cellW >= 8 { label = words.prefix(2).joined(separator: " ") } else if cellW >= 3 || (cellW == 2 && d.day % 2 == 1) || i == todayIndex {
                label = String(d.day)
            } else if cellW == 2 {
                label = ""
            } else {
                label = d.day % 5 == 1 ? String(d.day) : ""
            }
            guard !label.isEmpty else { continue }
            // Right-aligned in its cell when the cell is 2 columns or more; only the text is drawn.
            let w = DisplayText.width(of: label)
            labels.append((cellW >= 2 ? x + max(0, cellW - w) : x, label, d))
        }
        if cellW < 3, let today = labels.first(where: { $0.day == ctx.today }) {
            // One blank column on each side, so that `13 14 15` never reads `131415`.
            let span = (today.x - 1)..<(today.x + DisplayText.width(of: today.text) + 1)
            labels.removeAll { $0.day != ctx.today && span.overlaps($0.x..<($0.x + DisplayText.width(of: $0.text))) }
        }
        for label in labels {
            let style: Style = label.day == ctx.today ? Style.reverse.with(.bold) : (label.day.isoWeekday.rawValue >= 6 ? .dim : .underline)
            frame.put(DisplayText.fitted(label.text, toColumns: max(0, min(DisplayText.width(of: label.text), area.maxX - totalW - label.x))),
                      x: label.x, y: area.y, style: style)
        }
        // The period's word when it fits whole (`Période` needs 8 columns), else `Σ`.
        let periodLabel = DisplayText.width(of: s("occupancy.period")) <= totalW - 1 ? s("occupancy.period") : "Σ"
        frame.put(DisplayText.fitted(periodLabel, toColumns: totalW - 1, alignRight: true), x: area.maxX - totalW + 1, y: area.y, style: .underline)
        let bodyRows = area.height - 3
        guard bodyRows > 0 else { return }
        if resources.isEmpty {
            frame.put(s("occupancy.none"), in: Rect(x: area.x + 2, y: area.y + 2, width: area.width - 4, height: 1), style: .dim)
        }
        let first = min(state.scroll, max(0, resources.count - bodyRows))
        for (line, row) in resources.dropFirst(first).prefix(bodyRows).enumerated() {
            let y = area.y + 1 + line
            frame.put(DisplayText.fitted(row.name, toColumns: nameW - 1), x: area.x, y: y, style: row.active ? .plain : .dim)
            for (i, u) in row.days.enumerated() {
                frame.put(cell(u.ratio, width: cellW), x: gridX + i * cellW, y: y, style: style(u.ratio).with(i == todayIndex ? .underline : []))
            }
            frame.put(cell(row.total.ratio, width: totalW), x: area.maxX - totalW, y: y, style: style(row.total.ratio).with(.bold))
        }
        if resources.count > bodyRows {
            frame.put(s("occupancy.more", first + 1, min(resources.count, first + bodyRows), resources.count),
                      in: Rect(x: area.x, y: area.maxY - 2, width: area.width, height: 1), style: .dim, alignRight: true)
        }
        // All together, per day and over the period.
        let y = area.maxY - 1
        frame.put(DisplayText.fitted(s("occupancy.total"), toColumns: nameW - 1), x: area.x, y: y, style: .bold)
        for i in days.indices {
            let u = resources.map { $0.days[i] }.reduce(.zero, +)
            frame.put(cell(u.ratio, width: cellW), x: gridX + i * cellW, y: y, style: style(u.ratio).with(i == todayIndex ? [.bold, .underline] : .bold))
        }
        let all = resources.map(\.total).reduce(.zero, +)
        frame.put(cell(all.ratio, width: totalW), x: area.maxX - totalW, y: y, style: style(all.ratio).with(.bold))
    }

    /// A bar of `width` columns for a ratio (eighths of a column), `▶` at the end past 100 %.
    public static func bar(_ ratio: Double?, width: Int) -> String {
        guard let r = ratio, width > 0 else { return String(repeating: " ", count: max(0, width)) }
        let eighths = Int((min(r, 1) * Double(width * 8)).rounded())
        var out = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { out += ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8] }
        out = DisplayText.fitted(out, toColumns: width)
        if r > 1 { out = String(out.dropLast()) + "▶" }
        return out
    }

    /// Categories (with their walk-ins) and their services: demand against capacity as a bar,
    /// appointments, completed, no-shows, cancellations.
    private static func renderServices(_ state: State, _ ctx: ScreenContext, _ report: OccupancyReport, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let numbers = [("occupancy.col.ratio", 5), ("occupancy.col.appts", 6), ("occupancy.col.done", 6), ("occupancy.col.noShow", 7),
                       ("occupancy.col.cancelled", 6)]
        let numbersW = numbers.reduce(0) { $0 + $1.1 }
        let barW = area.width >= 120 ? 30 : 14
        let nameW = area.width - numbersW - barW - 1
        let header = DisplayText.fitted(s("occupancy.col.service"), toColumns: nameW) + DisplayText.fitted(s("occupancy.col.demand"), toColumns: barW + 1)
            + numbers.map { DisplayText.fitted(s($0.0), toColumns: $0.1, alignRight: true) }.joined()
        frame.put(header, x: area.x, y: area.y, style: .underline)
        var lines: [(text: String, style: Style)] = []
        for c in report.categories {
            let w = c.walkIns
            lines.append((row(s("category.\(c.category.rawValue)").uppercased(), c.demandRatio, c.counts, nameW: nameW, barW: barW,
                              numbers: numbers), .bold))
            lines.append(("  " + s("occupancy.walkIns", w.arrivals, w.served, w.medianWaitMinutes.map(String.init) ?? "—",
                                   w.p90WaitMinutes.map(String.init) ?? "—", w.leftUnseen, w.unservedAtClose, w.waiting), .dim))
            for svc in report.services where svc.service.category == c.category {
                let name = "  " + s.serviceName(svc.service) + (svc.service.isGroup ? " · " + s("occupancy.group") : "")
                lines.append((row(name, svc.demandRatio, svc.counts, nameW: nameW, barW: barW, numbers: numbers), style(svc.demandRatio)))
            }
        }
        let bodyRows = area.height - 1
        let first = min(state.scroll, max(0, lines.count - bodyRows))
        for (i, line) in lines.dropFirst(first).prefix(bodyRows).enumerated() {
            frame.put(line.text, x: area.x, y: area.y + 1 + i, style: line.style)
        }
    }

    private static func row(_ name: String, _ ratio: Double?, _ counts: AppointmentCounts, nameW: Int, barW: Int,
                            numbers: [(String, Int)]) -> String {
        let values = [Statistics.percentText(ratio), "\(counts.appointments)", "\(counts.completed)", "\(counts.noShows)", "\(counts.cancelled)"]
        return DisplayText.fitted(name, toColumns: nameW - 1) + " " + bar(ratio, width: barW) + " "
            + zip(values, numbers).map { DisplayText.fitted($0, toColumns: $1.1, alignRight: true) }.joined()
    }
}
