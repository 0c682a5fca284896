import Foundation
import FrontDeskDomain
import TerminalKit

extension ScheduleScreen {
    /// Wall-clock minutes `[start, end)` of an appointment on its local start day.
    static func minutes(_ a: AppointmentListing) -> (start: Int, end: Int) {
        let start = a.localStart.time.minutesSinceMidnight
        let end = a.localEnd.date > a.localStart.date ? 24 * 60 : a.localEnd.time.minutesSinceMidnight
        return (start, max(end, start + 1))
    }

    /// The week grid's time rows for `rows` lines: 30 minutes each (15 when 08:00–18:00 fits at
    /// 15), covering 08:00–18:00 widened to every appointment shown, and `hidden` rows above and
    /// below when they do not all fit: scrolled just enough to show the selected appointment.
    static func timeRows(_ state: State, rows: Int) -> (start: Int, step: Int, hiddenAbove: Bool, hiddenBelow: Bool) {
        let shown = state.days.flatMap { state.appointments(on: $0) }
        let spans = shown.map(minutes)
        let step = (dayEndMinutes - dayStartMinutes) / 15 <= rows ? 15 : 30
        let first = min(dayStartMinutes, spans.map(\.start).min() ?? dayStartMinutes) / step * step
        let last = max(dayEndMinutes, spans.map(\.end).max() ?? dayEndMinutes)
        let count = (last - first + step - 1) / step
        guard count > rows, rows > 0 else { return (first, step, false, false) }
        var offset = 0
        if let selected = shown.first(where: { $0.id == state.selectedId }) {
            let row = (minutes(selected).start - first) / step
            offset = min(max(0, row - rows + 1), count - rows)
        }
        return (first + offset * step, step, offset > 0, offset + rows < count)
    }

    public static func title(_ state: State, _ ctx: ScreenContext) -> String {
        ctx.strings("schedule.title") + " · " + (state.counselor?.name ?? ctx.strings("schedule.noCounselor"))
    }

    /// The agenda's key map, or the open dialog's.
    public static func keyBar(_ state: State, _ ctx: ScreenContext) -> KeyBarContent {
        let s = ctx.strings
        switch state.modal {
        case nil: return ScheduleKeys.agenda.keyBar(s)
        case .date(let form)?, .correct(_, let form)?, .note(_, let form)?: return .dialog(form.hints(s))
        case .counselor?: return .dialog(ScheduleKeys.counselorPicker.hints(s))
        }
    }

    public static func help(_ state: State, _ ctx: ScreenContext) -> [HelpColumn] {
        [HelpColumn(ctx.strings("help.schedule"), ScheduleKeys.agenda.helpLines(ctx.strings)), Chrome.screensHelp(ctx)]
    }

    /// Draws the body: the day or week header and grid, and an open dialog.
    public static func render(_ state: State, _ ctx: ScreenContext, body area: Rect, into frame: inout Frame) {
        let s = ctx.strings
        let rows = area.splitVertically([.length(1), .min(10)])
        switch state.view {
        case .day: renderDay(state, ctx, header: rows[0], body: rows[1], &frame)
        case .week: renderWeek(state, ctx, header: rows[0], body: rows[1], &frame)
        }
        switch state.modal {
        case nil: break
        case .date(let form)?: form.render(s, area: frame.area, into: &frame, width: 44)
        case .correct(_, let form)?, .note(_, let form)?: form.render(s, area: frame.area, into: &frame, width: 64)
        case .counselor(let list)?: renderCounselorPicker(state, ctx, list, frame.area, &frame)
        }
    }

    private static func timeLabel(_ minutes: Int) -> String { LocalTime(minutesSinceMidnight: minutes)?.description ?? "" }

    /// One line of the day agenda: a time row, or one more appointment that starts within the
    /// same row (two 15-minute appointments in a 30-minute row get a line each).
    struct AgendaLine: Equatable {
        /// The row's wall-clock minute, on its first line only.
        var time: Int?
        /// The appointment the line shows: one starting in the row, else one still running.
        var appointment: AppointmentListing?
        /// True when the line shows the appointment's start (its times, visitor, service, room).
        var starts: Bool
    }

    /// The day agenda's lines from wall-clock minute `start` to `end` (exclusive) in rows of
    /// `step` minutes: every appointment gets its own starting line, so none hides behind another.
    /// An appointment that began before `start` starts on the first line.
    static func agendaLines(_ items: [AppointmentListing], from start: Int, to end: Int, step: Int) -> [AgendaLine] {
        var lines: [AgendaLine] = []
        for t in stride(from: start, to: end, by: step) {
            let starting = items.filter { let m = minutes($0); return m.start < t + step && (m.start >= t || (t == start && m.end > t)) }
            if starting.isEmpty {
                let running = items.first { let m = minutes($0); return m.start < t && t < m.end }
                lines.append(AgendaLine(time: t, appointment: running, starts: false))
            } else {
                for (i, a) in starting.enumerated() { lines.append(AgendaLine(time: i == 0 ? t : nil, appointment: a, starts: true)) }
            }
        }
        return lines
    }

    /// The first line shown of `lines` in `height` rows: 0, or just enough to bring the selected
    /// appointment's starting line into view.
    static func agendaOffset(_ lines: [AgendaLine], selectedId: Int64?, height: Int) -> Int {
        guard lines.count > height, height > 0,
              let i = lines.firstIndex(where: { $0.starts && $0.appointment?.id == selectedId }) else { return 0 }
        return min(max(0, i - height + 1), lines.count - height)
    }

    private static func renderDay(_ state: State, _ ctx: ScreenContext, header: Rect, body: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let day = state.date
        let todayMark = day == ctx.today ? " · " + s("schedule.today") : ""
        let title = " ◀ \(s.longDate(day, weekday: ctx.calendar.weekday(of: day)))\(todayMark) ▶ "
        let w = frame.put(title, in: Rect(x: header.x, y: header.y, width: min(header.width, DisplayText.width(of: title)), height: 1), style: .bold)
        frame.put(s("schedule.navHint"), in: Rect(x: header.x + w, y: header.y, width: header.width - w, height: 1), style: .dim, alignRight: true)
        let items = state.appointments(on: day)
        let spans = items.map(minutes)
        let step = (dayEndMinutes - dayStartMinutes) / 15 <= body.height ? 15 : 30
        let first = min(dayStartMinutes, spans.map(\.start).min() ?? dayStartMinutes) / step * step
        let last = max(dayEndMinutes, spans.map(\.end).max() ?? dayEndMinutes)
        let lines = agendaLines(items, from: first, to: last, step: step)
        let offset = agendaOffset(lines, selectedId: state.selectedId, height: body.height)
        let textX = body.x + 7
        for (r, line) in lines.dropFirst(offset).prefix(body.height).enumerated() {
            let y = body.y + r
            if let t = line.time {
                frame.put(timeLabel(t), in: Rect(x: body.x, y: y, width: 5, height: 1), style: t % 60 == 0 ? .plain : .dim)
            }
            // The gutter shows where more lines are hidden above or below.
            let more = (r == 0 && offset > 0) ? "▲" : (r == body.height - 1 && offset + body.height < lines.count ? "▼" : "│")
            frame.put(more, x: body.x + 6, y: y, style: more == "│" ? .dim : .bold)
            guard let a = line.appointment else { continue }
            let m = minutes(a)
            let selected = a.id == state.selectedId && state.modal == nil
            let style: Style = selected ? .reverse : (a.status.isFinal ? .dim : .bold)
            let rect = Rect(x: textX, y: y, width: body.maxX - textX, height: 1)
            frame.fill(rect, style: style)
            if line.starts || r == 0 {
                let cols = rect.splitHorizontally([.min(12), .length(20), .length(12), .length(12)])
                let who = a.isBusyOnly ? s("schedule.busy")
                    : a.visitorName ?? s("schedule.group", a.group.map { "\($0.enrolled)/\($0.capacity)" } ?? "")
                let texts = ["▌\(timeLabel(m.start))–\(timeLabel(m.end)) \(who)", s.serviceName(a.service), a.roomName,
                             s.appointmentStatus(a.status)]
                for (c, text) in zip(cols, texts) { frame.put(text, in: Rect(x: c.x, y: c.y, width: c.width - 1, height: 1), style: style) }
            } else {
                frame.put("▌", x: textX, y: y, style: style)
            }
        }
        if items.isEmpty {
            frame.put(s("schedule.empty"), in: Rect(x: textX + 2, y: body.y + 1, width: body.width - textX - 2, height: 1), style: .dim)
        }
    }

    private static func renderWeek(_ state: State, _ ctx: ScreenContext, header: Rect, body: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let days = state.days
        let cols = Rect(x: body.x + 6, y: body.y, width: body.width - 6, height: body.height)
            .splitHorizontally(days.map { _ in Constraint.min(8) })
        for (day, c) in zip(days, cols) {
            let label = "│" + Chrome.shortDate(day, s, ctx.calendar)
            let style: Style = day == state.date ? Style.reverse.with(.bold) : (day == ctx.today ? .bold : .plain)
            frame.put(label, in: Rect(x: c.x, y: header.y, width: c.width, height: 1), style: style)
        }
        let (start, step, above, below) = timeRows(state, rows: body.height)
        for r in 0..<body.height {
            let t = start + r * step
            let y = body.y + r
            frame.put(timeLabel(t), in: Rect(x: body.x, y: y, width: 5, height: 1), style: t % 60 == 0 ? .plain : .dim)
            if (r == 0 && above) || (r == body.height - 1 && below) { frame.put(r == 0 ? "▲" : "▼", x: body.x + 5, y: y, style: .bold) }
            for (day, c) in zip(days, cols) {
                frame.put("│", x: c.x, y: y, style: .dim)
                let covering = state.appointments(on: day).filter { let m = minutes($0); return m.start < t + step && t < m.end }
                let starting = covering.filter { minutes($0).start >= t }
                // Several appointments starting in one cell: the selected one (else the first), and "+N".
                guard let a = starting.first(where: { $0.id == state.selectedId }) ?? starting.first ?? covering.first else { continue }
                let m = minutes(a)
                let cell = Rect(x: c.x + 1, y: y, width: c.width - 1, height: 1)
                let selected = a.id == state.selectedId && day == state.date && state.modal == nil
                let style: Style = selected ? .reverse : (a.status.isFinal ? .dim : .bold)
                frame.fill(cell, style: style)
                let k = r == 0 ? 0 : (t - m.start / step * step) / step
                let line = k == 0 ? (a.isBusyOnly ? s("schedule.busy") : a.visitorName ?? s.serviceName(a.service)) : (k == 1 ? a.roomName : "▌")
                let extra = k == 0 && starting.count > 1 ? "+\(starting.count - 1)" : ""
                let w = DisplayText.width(of: extra)
                frame.put(line, in: Rect(x: cell.x, y: y, width: cell.width - w, height: 1), style: style)
                if !extra.isEmpty { frame.put(extra, in: Rect(x: cell.maxX - w, y: y, width: w, height: 1), style: style.with(.bold)) }
            }
        }
    }

    private static func renderCounselorPicker(_ state: State, _ ctx: ScreenContext, _ list: ListState, _ area: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let height = min(area.height - 4, max(3, state.counselors.count) + 2)
        let box = Dialog.rect(width: 50, height: height, in: area)
        let inner = Box.render(into: &frame, rect: box, title: s("schedule.chooseCounselor"), style: .bold)
        let offset = ListView.visibleOffset(list, visible: inner.height)
        for (line, i) in (offset..<min(state.counselors.count, offset + inner.height)).enumerated() {
            let c = state.counselors[i]
            let style: Style = i == list.selected ? .reverse : (c.active ? .plain : .dim)
            frame.fill(inner.row(line), style: style)
            frame.put(" \(c.name) · \(c.languages.joined(separator: ", "))", in: inner.row(line), style: style)
        }
    }
}
