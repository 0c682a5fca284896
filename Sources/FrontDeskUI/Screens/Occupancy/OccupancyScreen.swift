import Foundation
import FrontDeskDomain
import TerminalKit

/// The coordinator's occupancy screen: a heat grid of rooms × days or counselors × days (shaded
/// cells with percentages, readable without color), a summary strip (utilization, waits,
/// no-show rate, walk-ins) and a service-demand table with bars; by week or month.
///
/// Aggregate only: rooms, counselors and services are named, visitors never.
public enum OccupancyScreen {
    public enum View: String, CaseIterable, Hashable, Sendable { case rooms, counselors, services }

    public enum Span: Hashable, Sendable { case week, month }

    public enum Modal: Hashable, Sendable { case help, quitConfirm }

    /// What to load: the week or month holding `anchor` (the store knows the first weekday).
    public struct Request: Hashable, Sendable {
        public var span: Span
        public var anchor: LocalDate
        public init(span: Span, anchor: LocalDate) {
            self.span = span
            self.anchor = anchor
        }
    }

    public struct State: Sendable {
        public var strings: Localizer
        public var calendar: CenterCalendar
        public var deskName: String
        public var size: Size
        public var now: Date
        public var view: View = .rooms
        public var span: Span = .week
        /// A day of the period shown.
        public var anchor: LocalDate
        public var request: Request?
        public var report: OccupancyReport?
        /// First row shown of the grid or table.
        public var scroll = 0
        public var modal: Modal?
        public var notice: Notice?
        public var quitRequested = false
        /// The screens the signed-in member may open, for the help's "every screen" column; nil
        /// lists them all (before sign-in, and in tests of one screen).
        public var allowedScreens: [AppScreenKind]?

        public init(strings: Localizer, calendar: CenterCalendar, deskName: String, size: Size, now: Date) {
            self.strings = strings
            self.calendar = calendar
            self.deskName = deskName
            self.size = size
            self.now = now
            anchor = calendar.localDate(of: now)
        }

        public var today: LocalDate { calendar.localDate(of: now) }
    }

    public enum Event: Sendable {
        case key(Key)
        case resized(Size)
        case tick(Date)
        case shown
        case dataChanged
        case loaded(Request, OccupancyReport)
        case failed(String)
    }

    public enum Effect: Equatable, Sendable {
        case load(Request)
        case quit
    }

    /// Nothing at start: the view loads when shown.
    public static func start(_ state: State) -> [Effect] { [] }

    /// Applies one event. Pure: no I/O, no clock.
    public static func update(_ state: inout State, _ event: Event) -> [Effect] {
        switch event {
        case .resized(let size):
            state.size = size
            return []
        case .tick(let now):
            state.now = now
            return []
        case .shown, .dataChanged:
            return reload(&state)
        case .loaded(let request, let report):
            guard request == state.request else { return [] }
            state.report = report
            state.notice = nil
            return []
        case .failed(let message):
            state.notice = Notice(.error, message)
            return []
        case .key(let key):
            return handleKey(&state, key)
        }
    }

    static func reload(_ state: inout State) -> [Effect] {
        let r = Request(span: state.span, anchor: state.anchor)
        state.request = r
        return [.load(r)]
    }

    private static func handleKey(_ state: inout State, _ key: Key) -> [Effect] {
        if Chrome.isTooSmall(state.size) {
            if key == .function(10) { state.modal = .quitConfirm }
            else if state.modal == .quitConfirm, Chrome.quitAnswer(key) == true { return quit(&state) }
            return []
        }
        switch state.modal {
        case .help?:
            if Chrome.closesHelp(key) { state.modal = nil }
            return []
        case .quitConfirm?:
            switch Chrome.quitAnswer(key) {
            case true?: state.modal = nil; return quit(&state)
            case false?: state.modal = nil
            case nil: break
            }
            return []
        case nil: break
        }
        guard let command = OccupancyKeys.map.command(for: key) else { return [] }
        switch command {
        case .help: state.modal = .help
        case .quit: state.modal = .quitConfirm
        case .rooms: show(&state, .rooms)
        case .counselors: show(&state, .counselors)
        case .services: show(&state, .services)
        case .nextView, .previousView:
            let all = View.allCases
            let i = all.firstIndex(of: state.view) ?? 0
            show(&state, all[(i + (command == .nextView ? 1 : all.count - 1)) % all.count])
        case .toggleSpan:
            state.span = state.span == .week ? .month : .week
            state.scroll = 0
            return reload(&state)
        case .previous, .next:
            let step = command == .next ? 1 : -1
            state.anchor = state.span == .week ? state.anchor.adding(days: 7 * step) : monthShift(state.anchor, step)
            return reload(&state)
        case .today:
            state.anchor = state.today
            return reload(&state)
        case .scrollUp: state.scroll = max(0, state.scroll - 1)
        case .scrollDown: state.scroll = min(max(0, rowCount(state) - 1), state.scroll + 1)
        case .pageUp: state.scroll = max(0, state.scroll - 10)
        case .pageDown: state.scroll = min(max(0, rowCount(state) - 1), state.scroll + 10)
        }
        return []
    }

    private static func show(_ state: inout State, _ view: View) {
        state.view = view
        state.scroll = 0
    }

    private static func quit(_ state: inout State) -> [Effect] {
        state.quitRequested = true
        return [.quit]
    }

    /// The same day of the month `steps` months away (the last day when it has fewer days).
    public static func monthShift(_ d: LocalDate, _ steps: Int) -> LocalDate {
        let index = d.year * 12 + (d.month - 1) + steps
        let first = LocalDate(year: index / 12, month: index % 12 + 1, day: 1)
        let last = ReportingPeriod.month(containing: first).last
        return LocalDate(year: first.year, month: first.month, day: min(d.day, last.day))
    }

    /// Rows of the shown view (for scrolling).
    static func rowCount(_ state: State) -> Int {
        guard let r = state.report else { return 0 }
        switch state.view {
        case .rooms: return r.rooms.count
        case .counselors: return r.counselors.count
        case .services: return r.services.count + 2 * r.categories.count
        }
    }
}

extension OccupancyScreen.Effect {
    /// True when performing the effect may write to the store (an audit row counts): the loop
    /// then absorbs the change token it moved, so its own write does not reload the screen twice.
    /// Exhaustive on purpose: a new effect must say whether it writes.
    public var writes: Bool {
        switch self {
        case .load, .quit: false
        }
    }
}
