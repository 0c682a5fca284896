import Foundation
import FrontDeskDomain
import TerminalKit

extension ReceptionScreen {
    /// Rows of the queue list that fit (for PgUp/PgDn).
    static func queueViewportHeight(_ ctx: ScreenContext) -> Int { max(1, layout(ctx.size).queue.height - 3) }
    /// Rows of the search results that fit.
    static func resultsViewportHeight(_ ctx: ScreenContext) -> Int { max(1, layout(ctx.size).search.height - 6) }
    /// Rows of the expected-arrivals list that fit.
    static func expectedViewportHeight(_ ctx: ScreenContext) -> Int { max(1, layout(ctx.size).expected.height - 2) }

    struct Layout {
        var summary: Rect, queue: Rect, expected: Rect, search: Rect
    }

    static func layout(_ size: Size) -> Layout { layout(body: Chrome.layout(size).body) }

    /// The summary line, then the walk-in queue (left, above), today's expected arrivals (left,
    /// a third below) and the search (right).
    static func layout(body: Rect) -> Layout {
        let rows = body.splitVertically([.length(1), .min(10)])
        let panes = rows[1].splitHorizontally([.percentage(60), .min(20)])
        let left = panes[0].splitVertically([.min(8), .length(max(4, panes[0].height / 3))])
        return Layout(summary: rows[0], queue: left[0], expected: left[1], search: panes[1])
    }

    public static func title(_ state: State, _ ctx: ScreenContext) -> String { ctx.strings("reception.title") }

    /// Draws the body: summary, queue, expected arrivals, search, and an open dialog.
    public static func render(_ state: State, _ ctx: ScreenContext, body: Rect, into frame: inout Frame) {
        let l = layout(body: body)
        renderSummary(state, ctx, l.summary, &frame)
        renderQueue(state, ctx, l.queue, &frame)
        renderExpected(state, ctx, l.expected, &frame)
        renderSearch(state, ctx, l.search, &frame)
        if let modal = state.modal { renderModal(state, ctx, modal, frame.area, &frame) }
    }

    /// The pane's key map, or the open dialog's.
    public static func keyBar(_ state: State, _ ctx: ScreenContext) -> KeyBarContent {
        if let modal = state.modal { return .dialog(modalHints(ctx, modal)) }
        return keyMap(state.focus).keyBar(ctx.strings)
    }

    static func keyMap(_ focus: Focus) -> KeyMap<ReceptionCommand> {
        switch focus {
        case .queue: ReceptionKeys.queue
        case .search: ReceptionKeys.search
        case .expected: ReceptionKeys.expected
        }
    }

    /// Two columns: the queue's keys; the search field's keys and every screen's.
    public static func help(_ state: State, _ ctx: ScreenContext) -> [HelpColumn] {
        let s = ctx.strings
        let screens = Chrome.screensHelp(ctx)
        // The expected arrivals' own keys follow the queue's (the rest are the same).
        let expectedOnly = ReceptionKeys.expected.only([.markArrived]).helpLines(s)
        return [HelpColumn(s("help.queue"), ReceptionKeys.queue.helpLines(s) + [(keys: "", label: ""), (keys: "", label: s("help.expected"))] + expectedOnly),
                HelpColumn(s("help.search"), ReceptionKeys.search.helpLines(s) + [(keys: "", label: ""), (keys: "", label: screens.heading)] + screens.lines)]
    }

    private static func renderSummary(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let counts = [
            s("summary.waiting", state.counts.waiting),
            s("summary.called", state.counts.called),
            s("summary.closed", state.counts.closed),
            s("summary.today", state.counts.checkedInToday),
        ]
        func perCategory(withMinutes: Bool) -> [String] {
            ServiceCategory.allCases.map { category in
                let w = state.waitingSummary(category, now: ctx.now)
                return withMinutes && w.count > 0
                    ? "\(category.ticketLetter) \(w.count) (\(s("minutes.short", w.longestMinutes)))"
                    : "\(category.ticketLetter) \(w.count)"
            }
        }
        // The longest form that fits: per-category longest waits first go, then the closed count.
        let candidates = [counts + perCategory(withMinutes: true), counts + perCategory(withMinutes: false),
                          [counts[0], counts[1], counts[3]] + perCategory(withMinutes: false)]
        let lines = candidates.map { " " + $0.joined(separator: " │ ") }
        let line = lines.first { DisplayText.width(of: $0) <= r.width } ?? lines[lines.count - 1]
        frame.put(line, in: r, style: .bold)
    }

    static func visibleOffset(_ list: ListState, visible: Int) -> Int { ListView.visibleOffset(list, visible: visible) }

    private static func paneBox(_ title: String, focused: Bool, _ r: Rect, _ frame: inout Frame) -> Rect {
        Box.render(into: &frame, rect: r, title: title, style: focused ? .bold : .dim)
    }

    private static func renderQueue(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let filter = state.categoryFilter.map { s.category($0) } ?? s("filter.all")
        let inner = paneBox(s("queue.title", filter), focused: state.focus == .queue && state.modal == nil, r, &frame)
        guard inner.height > 1 else { return }
        // Ticket │ name │ (arrived, when there is room) │ wait │ status
        let showArrival = inner.width >= 56
        let cols = inner.splitHorizontally(showArrival
            ? [.length(6), .min(8), .length(6), .length(7), .length(12)]
            : [.length(6), .min(8), .length(0), .length(7), .length(12)])
        let header = [s("queue.ticket"), s("queue.name"), showArrival ? s("queue.arrived") : "", s("queue.wait"), s("queue.state")]
        for (i, (c, text)) in zip(cols, header).enumerated() {
            frame.put(text, in: Rect(x: c.x, y: c.y, width: max(0, c.width - 1), height: 1), style: .underline, alignRight: i == 3)
        }
        let rows = state.queueRows
        if rows.isEmpty {
            frame.put(s("queue.empty"), in: inner.row(2), style: .dim)
            return
        }
        let visible = inner.height - 1
        let offset = visibleOffset(state.queueList, visible: visible)
        for (line, index) in (offset..<min(rows.count, offset + visible)).enumerated() {
            let entry = rows[index]
            let y = line + 1
            let selected = index == state.queueList.selected && state.focus == .queue
            let called = entry.visit.calledAt != nil
            var style: Style = called ? .bold : .plain
            if selected { style = style.with(.reverse) }
            frame.fill(inner.row(y), style: style)
            let status = called ? s("queue.calledBy", entry.visit.calledBy ?? "") : s("queue.waiting")
            let cells = [entry.visit.ticket.description, entry.visitorName,
                         ctx.calendar.clockText(entry.visit.arrivedAt),
                         s("minutes.short", entry.visit.waitMinutes(now: ctx.now)), status]
            for (i, (c, text)) in zip(cols, cells).enumerated() {
                let cell = Rect(x: c.x, y: c.y + y, width: max(0, c.width - 1), height: 1)
                frame.put(text, in: cell, style: style, alignRight: i == 3)
            }
        }
        if rows.count > visible {
            frame.put("\((state.queueList.selected ?? 0) + 1)/\(rows.count)", in: Rect(x: r.maxX - 9, y: r.maxY - 1, width: 7, height: 1), style: .dim, alignRight: true)
        }
    }

    /// Today's appointments still expected (booked) or arrived, by time: time, name, service
    /// and counselor; arrived ones are marked.
    private static func renderExpected(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let waiting = state.expected.filter { $0.appointment.status == .booked }.count
        let inner = paneBox(s("expected.title", waiting), focused: state.focus == .expected && state.modal == nil, r, &frame)
        guard inner.height > 0 else { return }
        if state.expected.isEmpty {
            frame.put(s("expected.none"), in: inner.row(0), style: .dim)
            return
        }
        let cols = inner.splitHorizontally([.length(6), .min(8), .length(7), .min(8)])
        let offset = visibleOffset(state.expectedList, visible: inner.height)
        for (line, index) in (offset..<min(state.expected.count, offset + inner.height)).enumerated() {
            let e = state.expected[index]
            let arrived = e.appointment.status == .checkedIn
            var style: Style = arrived ? .dim : .plain
            if index == state.expectedList.selected && state.focus == .expected { style = style.with(.reverse) }
            frame.fill(inner.row(line), style: style)
            let cells = [e.localStart.time.description, e.visitorName ?? "—",
                         arrived ? s("expected.arrived") : "", "\(s.serviceName(e.service)) · \(e.counselorName)"]
            for (c, text) in zip(cols, cells) {
                frame.put(text, in: Rect(x: c.x, y: inner.y + line, width: max(0, c.width - 1), height: 1), style: style)
            }
        }
    }

    private static func renderSearch(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let focused = state.focus == .search && state.modal == nil
        let inner = paneBox(s("search.title"), focused: focused, r, &frame)
        guard inner.height > 2 else { return }
        frame.put("/ ", x: inner.x, y: inner.y, style: .bold, clip: inner)
        state.searchField.render(into: &frame, rect: Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1),
                                 style: .underline, focused: focused)
        // A fifth row for a full birth date, when the selected person has one.
        let detailHeight = state.selectedVisitor?.birthDate == nil ? 4 : 5
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1 - detailHeight)
        // Who is at the desk today: the ticket of someone in the queue, the time of an appointment.
        state.search.renderResults(s, into: &frame, rect: list, focused: focused, hintNew: s("search.hintNew")) { v in
            if let open = state.visits.first(where: { $0.visit.visitorId == v.id && $0.visit.isOpen }) { return open.visit.ticket.description }
            if let appointment = state.expected.first(where: { $0.appointment.visitorId == v.id && $0.appointment.status == .booked }) {
                return appointment.localStart.time.description
            }
            return nil
        }
        if let v = state.selectedVisitor {
            let d = Rect(x: inner.x, y: inner.maxY - detailHeight, width: inner.width, height: detailHeight)
            let country = ctx.reference.country(code: v.nationality)
            let countryName = country.map { s.language == .fr ? $0.nameFr : $0.nameEn } ?? v.nationality
            frame.put(String(repeating: "─", count: d.width), in: d.row(0), style: .dim)
            // The whole name: the list above may have cut it, and two people may start alike.
            frame.put(v.fullName, in: d.row(1), style: .bold)
            // With a full birth date, the age today, said as such (reports count the age at each
            // service instead), and the date on a row of its own; else the birth year.
            let age = v.birthDate.map { date in s("detail.ageToday", Age.years(birthYear: v.birthYear, birthDate: date, on: ctx.today) ?? 0) }
                ?? v.birthYear.map { "\($0)" } ?? "—"
            if let date = v.birthDate { frame.put(s("detail.birthDate", date.description), in: d.row(4), style: .dim) }
            frame.put("\(s.sex(v.sex)) · \(age) · \(countryName)", in: d.row(2))
            frame.put("\(s.status(v.status)) · \(v.languages.joined(separator: ", "))\(v.phone.map { " · " + $0 } ?? "")", in: d.row(3))
        }
    }
}
