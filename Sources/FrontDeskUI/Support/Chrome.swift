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

    /// " FrontDesk · Title" on the left; the date, the time and the desk on the right.
    static func renderTitle(_ title: String, strings: Localizer, calendar: CenterCalendar, now: Date, deskName: String,
                            _ r: Rect, _ frame: inout Frame) {
        frame.fill(r, style: .reverse)
        let today = calendar.localDate(of: now)
        let right = "\(strings.longDate(today, weekday: calendar.weekday(of: today))) \(calendar.clockText(now)) · \(deskName) "
        let rightWidth = min(DisplayText.width(of: right), r.width / 2)
        frame.put(" FrontDesk · " + title, in: Rect(x: r.x, y: r.y, width: r.width - rightWidth, height: 1), style: Style.reverse.with(.bold))
        frame.put(right, in: Rect(x: r.maxX - rightWidth, y: r.y, width: rightWidth, height: 1), style: .reverse, alignRight: true)
    }

    static func renderNotice(_ notice: Notice?, _ r: Rect, _ frame: inout Frame) {
        guard let notice else { return }
        let style = notice.kind == .error ? Style(foreground: .red, attributes: .bold) : Style.plain
        frame.put((notice.kind == .error ? "! " : "· ") + notice.text, in: r, style: style)
    }

    /// The key bar from a key map, falling back to first keys only when the full form is too wide.
    /// Ends with the screens-menu hint ("F12 Screens"), so every screen shows how to leave it.
    static func renderKeys<C>(_ map: KeyMap<C>, _ strings: Localizer, _ r: Rect, _ frame: inout Frame) {
        var keys = map.hints(strings) + screensHints(strings)
        if keys.map(KeyBar.width(of:)).reduce(0, +) + 2 * keys.count > r.width {
            keys = map.hints(strings, firstKeyOnly: true) + screensHints(strings, firstKeyOnly: true)
        }
        KeyBar.render(keys, into: &frame, row: r)
    }

    /// The global key map's menu hint.
    static func screensHints(_ strings: Localizer, firstKeyOnly: Bool = false) -> [KeyHint] {
        KeyMap(AppKeys.global.bindings.filter { $0.command == .menu }).hints(strings, firstKeyOnly: firstKeyOnly)
    }

    /// A help box with one or two columns of key map lines, each under a heading.
    static func renderHelp(_ strings: Localizer, columns: [(String, [(keys: String, label: String)])], area: Rect, _ frame: inout Frame) {
        let rows = (columns.map(\.1.count).max() ?? 0) + 1
        let box = Dialog.rect(width: min(area.width - 2, 78), height: min(area.height - 2, rows + 2), in: area)
        let inner = Box.render(into: &frame, rect: box, title: strings("help.title"), style: .bold)
        let parts = inner.splitHorizontally(columns.map { _ in Constraint.min(10) })
        for (part, (heading, lines)) in zip(parts, columns) {
            frame.put(heading, in: Rect(x: part.x + 1, y: part.y, width: part.width - 2, height: 1), style: .underline)
            for (i, line) in lines.prefix(max(0, part.height - 1)).enumerated() {
                frame.put(line.keys, in: Rect(x: part.x + 1, y: part.y + 1 + i, width: 13, height: 1), style: .bold)
                frame.put(line.label, in: Rect(x: part.x + 15, y: part.y + 1 + i, width: part.width - 16, height: 1))
            }
        }
    }

    static func renderQuit(_ strings: Localizer, area: Rect, _ frame: inout Frame) {
        let box = Dialog.rect(width: 44, height: 5, in: area)
        let inner = Box.render(into: &frame, rect: box, title: strings("quit.title"), style: .bold)
        frame.put(strings("quit.prompt"), in: inner.row(1).inset(dx: 1, dy: 0))
    }

    /// What a key does in the quit dialog: true quits, false closes the dialog, nil keeps it.
    static func quitAnswer(_ key: Key) -> Bool? {
        switch key {
        case .character("y"), .character("Y"), .character("o"), .character("O"), .function(10): true
        case .character("n"), .character("N"), .escape: false
        default: nil
        }
    }

    /// True for the keys that close a help overlay.
    static func closesHelp(_ key: Key) -> Bool {
        key == .escape || key == .enter || key == .function(1) || key == .character("?") || key == .character("q")
    }

    /// Hints under a dialog.
    static func dialogHints(_ strings: Localizer) -> [KeyHint] {
        [KeyHint(keys: "Enter", label: strings("key.confirm")), KeyHint(keys: "Esc", label: strings("key.cancel"))]
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
