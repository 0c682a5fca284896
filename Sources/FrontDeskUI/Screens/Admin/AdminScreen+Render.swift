import Foundation
import FrontDeskDomain
import TerminalKit

extension AdminScreen {
    struct Layout { var tabs: Rect, list: Rect, detail: Rect }

    static func layout(_ size: Size) -> Layout { layout(body: Chrome.layout(size).body) }

    /// The tabs, the list of the chosen tab, and the selected row's details.
    static func layout(body: Rect) -> Layout {
        let rows = body.splitVertically([.length(1), .min(6), .length(5)])
        return Layout(tabs: rows[0], list: rows[1], detail: rows[2])
    }

    public static func title(_ state: State, _ ctx: ScreenContext) -> String { ctx.strings("admin.title") }

    /// The lists' key map, or the open dialog's.
    public static func keyBar(_ state: State, _ ctx: ScreenContext) -> KeyBarContent {
        switch state.modal {
        case nil: AdminKeys.map(for: state.tab).keyBar(ctx.strings)
        case .form(_, let form)?: .dialog(form.hints(ctx.strings))
        case .confirmRemove?: .dialog(AdminKeys.confirmRemove.hints(ctx.strings))
        }
    }

    public static func help(_ state: State, _ ctx: ScreenContext) -> [HelpColumn] {
        [HelpColumn(ctx.strings("help.admin"), AdminKeys.map(for: state.tab).helpLines(ctx.strings)), Chrome.screensHelp(ctx)]
    }

    /// Draws the body: tabs, list, details, and an open dialog.
    public static func render(_ state: State, _ ctx: ScreenContext, body: Rect, into frame: inout Frame) {
        let s = ctx.strings
        let l = layout(body: body)
        var x = l.tabs.x + 1
        // ` 1 Counselors ` while all the tabs fit, else `1 Counselors` (six tabs in French at 80 columns).
        let labels = Tab.allCases.enumerated().map { "\($0.offset + 1) \(s("admin.tab.\($0.element.rawValue)"))" }
        let padded = labels.reduce(1) { $0 + DisplayText.width(of: $1) + 3 } <= l.tabs.width
        for (tab, label) in zip(Tab.allCases, labels) {
            x += frame.put(padded ? " \(label) " : label, x: x, y: l.tabs.y, style: tab == state.tab ? Style.reverse.with(.bold) : .dim) + 1
        }
        renderList(state, ctx, l.list, &frame)
        renderDetail(state, ctx, l.detail, &frame)
        switch state.modal {
        case nil:
            break
        case .form(_, let form)?:
            form.render(s, area: frame.area, into: &frame, width: 76)
        case .confirmRemove(let removal)?:
            let box = Dialog.rect(width: 56, height: 6, in: frame.area)
            let inner = Box.render(into: &frame, rect: box, title: s("admin.removeTitle"), style: .bold)
            frame.put(describe(removal, ctx), in: inner.row(0).inset(dx: 1, dy: 0), style: .bold)
            frame.put(s("admin.removePrompt"), in: inner.row(2).inset(dx: 1, dy: 0))
        }
    }

    static func describe(_ removal: Removal, _ ctx: ScreenContext) -> String {
        switch removal {
        case .counselor(let c): c.name
        case .room(let r): r.name
        case .closure(let c): "\(c.first)–\(c.last) \(c.label)"
        case .absence(let a): "\(ctx.calendar.localDateTime(of: a.interval.start)) – \(ctx.calendar.localDateTime(of: a.interval.end)) \(a.reason)"
        case .staff(let m): ctx.strings("admin.disableStaff", m.name)
        }
    }

    private static func renderList(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        let yes = s("admin.yes"), no = s("admin.no")
        // Column titles are the form labels without the "required" mark.
        func col(_ key: String) -> String { ctx.strings(key).replacingOccurrences(of: " *", with: "") }
        let columns: [TableColumn]
        let rows: [[String]]
        switch state.tab {
        case .counselors:
            columns = [TableColumn(col("admin.name"), width: .min(16)), TableColumn(col("admin.languages"), width: .length(12)),
                       TableColumn(col("admin.hours"), width: .min(24)), TableColumn(col("admin.active"), width: .length(6))]
            rows = state.data.counselors.map { [$0.name, $0.languages.joined(separator: ","), HoursText.format($0.hours), $0.active ? yes : no] }
        case .rooms:
            columns = [TableColumn(col("admin.name"), width: .min(20)), TableColumn(col("admin.capacity"), width: .length(10), alignRight: true),
                       TableColumn(col("admin.active"), width: .length(6))]
            rows = state.data.rooms.map { [$0.name, String($0.capacity), $0.active ? yes : no] }
        case .closures:
            columns = [TableColumn(col("admin.first"), width: .length(10)), TableColumn(col("admin.last"), width: .length(10)),
                       TableColumn(col("admin.room"), width: .length(16)), TableColumn(col("admin.label"), width: .min(16))]
            rows = state.data.closures.map { c in
                [c.first.description, c.last.description, c.roomId.map { id in state.data.rooms.first { $0.id == id }?.name ?? "#\(id)" } ?? s("admin.wholeCenter"), c.label]
            }
        case .services:
            columns = [TableColumn(col("admin.service"), width: .min(20)), TableColumn(col("admin.category"), width: .length(13)),
                       TableColumn(col("admin.duration"), width: .length(7), alignRight: true), TableColumn(col("admin.group"), width: .length(6), alignRight: true),
                       TableColumn(col("admin.active"), width: .length(6))]
            rows = state.data.services.map { [s.serviceName($0), s.category($0.category), s("minutes.short", $0.durationMinutes),
                                              $0.groupCapacity.map(String.init) ?? "—", $0.active ? yes : no] }
        case .programs:
            columns = [TableColumn(col("admin.funder"), width: .length(16)), TableColumn(col("admin.program"), width: .min(20)),
                       TableColumn(col("admin.from"), width: .length(10)), TableColumn(col("admin.servicesCount"), width: .length(8), alignRight: true)]
            rows = state.data.programs.map { p in
                [p.funder, s.language == .fr ? p.nameFr : p.nameEn, p.first.description, String(p.services.count)]
            }
        case .staff:
            columns = [TableColumn(col("admin.name"), width: .min(20)), TableColumn(col("admin.role"), width: .length(13)),
                       TableColumn(col("admin.counselorRecord"), width: .min(16)), TableColumn(col("admin.active"), width: .length(6))]
            rows = state.data.staff.map { m in
                [m.name, s("role.\(m.role.rawValue)"), m.counselorId.map { id in state.data.counselors.first { $0.id == id }?.name ?? "#\(id)" } ?? "—",
                 m.active ? yes : no]
            }
        }
        let inner = r.inset(dx: 1, dy: 0)
        if rows.isEmpty {
            Table.render(into: &frame, rect: inner, columns: columns, rows: [], selected: nil, offset: 0, headerStyle: .underline)
            frame.put(s("admin.empty"), in: inner.row(1), style: .dim)
            return
        }
        Table.render(into: &frame, rect: inner, columns: columns, rows: rows, selected: state.list.selected,
                     offset: ListView.visibleOffset(state.list, visible: inner.height - 1), headerStyle: .underline)
    }

    private static func renderDetail(_ state: State, _ ctx: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        let s = ctx.strings
        frame.put(String(repeating: "─", count: r.width), in: r.row(0), style: .dim)
        let inner = Rect(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 1)
        if state.tab == .programs, let p = state.item(state.data.programs) {
            let statuses = p.statuses.isEmpty ? s("admin.allStatuses") : LegalStatus.allCases.filter(p.statuses.contains).map(s.status).joined(separator: ", ")
            let until = p.last.map { s("admin.programUntil", $0.description) } ?? s("admin.programOpen")
            let lines = [s("admin.programServes", statuses, until), s("admin.servicesOf", p.services.sorted().joined(separator: ", ")),
                         p.targets.isEmpty ? s("admin.noTargets")
                            : p.targets.map { s("admin.target", $0.year, s("admin.measure.\($0.measure.rawValue)", $0.count)) }.joined(separator: " · ")]
            for (i, line) in lines.prefix(inner.height).enumerated() { frame.put(line, in: inner.row(i), style: i == 2 && p.targets.isEmpty ? .dim : .plain) }
            return
        }
        guard state.tab == .counselors, let c = state.selectedCounselor else {
            frame.put(s("admin.hint.\(state.tab.rawValue)"), in: inner.row(0), style: .dim)
            return
        }
        frame.put(s("admin.servicesOf", c.serviceIds.joined(separator: ", ")), in: inner.row(0))
        let absences = state.selectedAbsences(now: ctx.now)
        if absences.isEmpty {
            frame.put(s("admin.noAbsences"), in: inner.row(1), style: .dim)
        } else {
            for (i, a) in absences.prefix(inner.height - 1).enumerated() {
                frame.put(s("admin.absence", describe(.absence(a), ctx)), in: inner.row(1 + i))
            }
        }
    }
}
