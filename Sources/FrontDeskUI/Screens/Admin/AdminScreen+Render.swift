import Foundation
import FrontDeskDomain
import TerminalKit

extension AdminScreen {
    struct Layout { var title: Rect, tabs: Rect, list: Rect, detail: Rect, notice: Rect, keys: Rect }

    static func layout(_ size: Size) -> Layout {
        let rows = Rect(size: size).splitVertically([.length(1), .length(1), .min(6), .length(5), .length(1), .length(1)])
        return Layout(title: rows[0], tabs: rows[1], list: rows[2], detail: rows[3], notice: rows[4], keys: rows[5])
    }

    public static func render(_ state: State, into frame: inout Frame) {
        if Chrome.renderTooSmall(state.strings, quitting: state.modal == .quitConfirm, into: &frame) { return }
        let s = state.strings
        let l = layout(frame.size)
        Chrome.renderTitle(s("admin.title"), strings: s, calendar: state.calendar, now: state.now, deskName: state.deskName, l.title, &frame)
        var x = l.tabs.x + 1
        for (i, tab) in Tab.allCases.enumerated() {
            let label = " \(i + 1) \(s("admin.tab.\(tab.rawValue)")) "
            x += frame.put(label, x: x, y: l.tabs.y, style: tab == state.tab ? Style.reverse.with(.bold) : .dim) + 1
        }
        renderList(state, l.list, &frame)
        renderDetail(state, l.detail, &frame)
        Chrome.renderNotice(state.notice, l.notice, &frame)
        switch state.modal {
        case nil:
            Chrome.renderKeys(AdminKeys.lists, s, l.keys, &frame)
        case .help?:
            KeyBar.render([KeyHint(keys: "Esc", label: s("key.dismiss"))], into: &frame, row: l.keys)
            Chrome.renderHelp(s, columns: [(s("help.admin"), AdminKeys.lists.helpLines(s)), (s("help.screens"), AppKeys.helpLines(s, allowed: state.allowedScreens))],
                              area: frame.area, &frame)
        case .quitConfirm?:
            KeyBar.render([KeyHint(keys: s("quit.yesKey"), label: s("quit.yes")), KeyHint(keys: "n/Esc", label: s("quit.no"))], into: &frame, row: l.keys)
            Chrome.renderQuit(s, area: frame.area, &frame)
        case .form(_, let form)?:
            KeyBar.render(form.hints(s), into: &frame, row: l.keys)
            form.render(s, area: frame.area, into: &frame, width: 76)
        case .confirmRemove(let removal)?:
            KeyBar.render(Chrome.dialogHints(s), into: &frame, row: l.keys)
            let box = Dialog.rect(width: 56, height: 6, in: frame.area)
            let inner = Box.render(into: &frame, rect: box, title: s("admin.removeTitle"), style: .bold)
            frame.put(describe(removal, state), in: inner.row(0).inset(dx: 1, dy: 0), style: .bold)
            frame.put(s("admin.removePrompt"), in: inner.row(2).inset(dx: 1, dy: 0))
        }
    }

    static func describe(_ removal: Removal, _ state: State) -> String {
        switch removal {
        case .counselor(let c): c.name
        case .room(let r): r.name
        case .closure(let c): "\(c.first)–\(c.last) \(c.label)"
        case .absence(let a): "\(state.calendar.localDateTime(of: a.interval.start)) – \(state.calendar.localDateTime(of: a.interval.end)) \(a.reason)"
        case .staff(let m): state.strings("admin.disableStaff", m.name)
        }
    }

    private static func renderList(_ state: State, _ r: Rect, _ frame: inout Frame) {
        let s = state.strings
        let yes = s("admin.yes"), no = s("admin.no")
        // Column titles are the form labels without the "required" mark.
        func col(_ key: String) -> String { state.strings(key).replacingOccurrences(of: " *", with: "") }
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

    private static func renderDetail(_ state: State, _ r: Rect, _ frame: inout Frame) {
        let s = state.strings
        frame.put(String(repeating: "─", count: r.width), in: r.row(0), style: .dim)
        let inner = Rect(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 1)
        guard state.tab == .counselors, let c = state.selectedCounselor else {
            frame.put(s("admin.hint.\(state.tab.rawValue)"), in: inner.row(0), style: .dim)
            return
        }
        frame.put(s("admin.servicesOf", c.serviceIds.joined(separator: ", ")), in: inner.row(0))
        let absences = state.selectedAbsences
        if absences.isEmpty {
            frame.put(s("admin.noAbsences"), in: inner.row(1), style: .dim)
        } else {
            for (i, a) in absences.prefix(inner.height - 1).enumerated() {
                frame.put(s("admin.absence", describe(.absence(a), state)), in: inner.row(1 + i))
            }
        }
    }
}
