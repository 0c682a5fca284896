import Foundation
import FrontDeskDomain
import TerminalKit

/// A line of feedback above the key bar, shared by the booking, schedule and admin screens.
public struct Notice: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, error }
    public var kind: Kind
    public var text: String
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The parts every screen draws the same way: the title bar, the notice line, the key bar, the
/// help and quit dialogs, and the "enlarge the window" message below 80x24.
enum Chrome {
    /// The smallest size at which any screen is drawn.
    static let minimumSize = Size(width: 80, height: 24)

    static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimumSize.width || size.height < minimumSize.height
    }

    /// Draws the one-line message (and the quit prompt when asked) when the frame is too small.
    /// - Returns: true when it did, and the screen must draw nothing else.
    static func renderTooSmall(_ strings: Localizer, quitting: Bool, into frame: inout Frame) -> Bool {
        let size = frame.size
        guard isTooSmall(size) else { return false }
        Frame.renderTooSmall(message: strings("tooSmall", minimumSize.width, minimumSize.height, size.width, size.height), into: &frame)
        if quitting, size.height >= 3 {
            frame.put(strings("quit.prompt"), in: Rect(x: 0, y: size.height - 1, width: size.width, height: 1), style: .reverse)
        }
        return true
    }

    /// The rows every screen shares: the title bar on top, the notice line and the key bar at
    /// the bottom, and the screen's body between them.
    struct Layout: Equatable {
        var title: Rect, body: Rect, notice: Rect, keys: Rect
    }

    static func layout(_ size: Size) -> Layout {
        let rows = Rect(size: size).splitVertically([.length(1), .min(0), .length(1), .length(1)])
        return Layout(title: rows[0], body: rows[1], notice: rows[2], keys: rows[3])
    }

    /// " FrontDesk · Title" on the left; the date, the time and the desk on the right.
    static func renderTitle(_ title: String, _ context: ScreenContext, _ r: Rect, _ frame: inout Frame) {
        frame.fill(r, style: .reverse)
        let today = context.today
        // The desk, and who is signed in at it (the desk name alone is what tickets record).
        let member = context.viewer.map(\.name).flatMap { $0.isEmpty ? nil : " · \($0)" } ?? ""
        let right = "\(context.strings.longDate(today, weekday: context.calendar.weekday(of: today))) \(context.calendar.clockText(context.now)) · \(context.deskName)\(member) "
        let rightWidth = min(DisplayText.width(of: right), r.width / 2)
        frame.put(" FrontDesk · " + title, in: Rect(x: r.x, y: r.y, width: r.width - rightWidth, height: 1), style: Style.reverse.with(.bold))
        frame.put(right, in: Rect(x: r.maxX - rightWidth, y: r.y, width: rightWidth, height: 1), style: .reverse, alignRight: true)
    }

    static func renderNotice(_ notice: Notice?, _ r: Rect, _ frame: inout Frame) {
        guard let notice else { return }
        let style = notice.kind == .error ? Style(foreground: .red, attributes: .bold) : Style.plain
        frame.put((notice.kind == .error ? "! " : "· ") + notice.text, in: r, style: style)
    }

    /// The key bar: a dialog's hints as they are, or a key map's followed by the screens-menu
    /// hint ("F12 Screens"), so every screen shows how to leave it; first keys only when the full
    /// form is too wide.
    static func renderKeys(_ content: KeyBarContent, _ strings: Localizer, _ r: Rect, _ frame: inout Frame) {
        switch content {
        case .dialog(let hints):
            KeyBar.render(hints, into: &frame, row: r)
        case .keyMap(let full, let firstKeys):
            var keys = full + screensHints(strings)
            if keys.map(KeyBar.width(of:)).reduce(0, +) + 2 * keys.count > r.width {
                keys = firstKeys + screensHints(strings, firstKeyOnly: true)
            }
            KeyBar.render(keys, into: &frame, row: r)
        }
    }

    /// The global key map's menu hint.
    static func screensHints(_ strings: Localizer, firstKeyOnly: Bool = false) -> [KeyHint] {
        KeyMap(AppKeys.global.bindings.filter { $0.command == .menu }).hints(strings, firstKeyOnly: firstKeyOnly)
    }

    /// A help box with one or two columns of key map lines, each under a heading.
    static func renderHelp(_ strings: Localizer, columns: [HelpColumn], area: Rect, _ frame: inout Frame) {
        let rows = (columns.map(\.lines.count).max() ?? 0) + 1
        let box = Dialog.rect(width: min(area.width - 2, 78), height: min(area.height - 2, rows + 2), in: area)
        let inner = Box.render(into: &frame, rect: box, title: strings("help.title"), style: .bold)
        let parts = inner.splitHorizontally(columns.map { _ in Constraint.min(10) })
        for (part, entries) in zip(parts, helpEntries(columns, height: inner.height)) {
            for (i, entry) in entries.enumerated() {
                switch entry {
                case .heading(let text):
                    frame.put(text, in: Rect(x: part.x + 1, y: part.y + i, width: part.width - 2, height: 1), style: .underline)
                case .line(let keys, let label):
                    frame.put(keys, in: Rect(x: part.x + 1, y: part.y + i, width: 13, height: 1), style: .bold)
                    frame.put(label, in: Rect(x: part.x + 15, y: part.y + i, width: part.width - 16, height: 1))
                case .blank: break
                }
            }
        }
    }

    /// One row of a help column.
    enum HelpEntry: Equatable {
        case heading(String), line(keys: String, label: String), blank
    }

    /// The rows of each drawn column, `height` rows at most: a column's heading and lines,
    /// and, when a column is longer than the box (a screen with many keys at 80x24), its
    /// remaining lines continued below a shorter column after a blank row, so that no key is
    /// left out while there is room.
    static func helpEntries(_ columns: [HelpColumn], height: Int) -> [[HelpEntry]] {
        var drawn = columns.map { [HelpEntry.heading($0.heading)] + $0.lines.map { .line(keys: $0.keys, label: $0.label) } }
        guard height > 0 else { return drawn.map { _ in [] } }
        for i in drawn.indices where drawn[i].count > height {
            var overflow = Array(drawn[i][height...])
            drawn[i].removeLast(drawn[i].count - height)
            for j in drawn.indices where j != i && !overflow.isEmpty {
                let room = height - drawn[j].count - 1
                guard room > 0 else { continue }
                drawn[j].append(.blank)
                drawn[j] += overflow.prefix(room)
                overflow.removeFirst(min(room, overflow.count))
            }
        }
        return drawn
    }

    /// The help column of the keys that work on every screen the member may open, and the
    /// Alt-digit alternative to the F-keys (the terminal backend reads Alt-1 … Alt-0 as F1 … F10).
    static func screensHelp(_ context: ScreenContext) -> HelpColumn {
        HelpColumn(context.strings("help.screens"), AppKeys.helpLines(context.strings, allowed: context.allowedScreens)
            + [(keys: "Alt+1…Alt+0", label: context.strings("help.altDigits"))])
    }

    static func renderQuit(_ strings: Localizer, area: Rect, _ frame: inout Frame) {
        let box = Dialog.rect(width: 44, height: 5, in: area)
        let inner = Box.render(into: &frame, rect: box, title: strings("quit.title"), style: .bold)
        frame.put(strings("quit.prompt"), in: inner.row(1).inset(dx: 1, dy: 0))
    }

    /// `HH:MM–HH:MM` of an interval in center time.
    static func timeSpan(_ interval: UTCInterval, _ calendar: CenterCalendar) -> String {
        "\(calendar.clockText(interval.start))–\(calendar.clockText(interval.end))"
    }

    /// "Tue 14 Apr" without the year.
    static func shortDate(_ d: LocalDate, _ strings: Localizer, _ calendar: CenterCalendar) -> String {
        let full = strings.longDate(d, weekday: calendar.weekday(of: d))
        return full.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
