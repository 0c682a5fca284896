import Foundation
import FrontDeskDomain
import TerminalKit

/// The coordinator's occupancy screen: a heat grid of rooms × days or counselors × days (shaded
/// cells with percentages, readable without color), a summary strip (utilization, waits,
/// no-show rate, walk-ins) and a service-demand table with bars; by week or month.
///
/// Aggregate only: rooms, counselors and services are named, visitors never.
public enum OccupancyScreen: Screen {
    public enum View: String, CaseIterable, Hashable, Sendable { case rooms, counselors, services }

    public enum Span: Hashable, Sendable { case week, month }

    /// What to load: the week or month holding `anchor` (the store knows the first weekday).
    public struct Request: Hashable, Sendable {
        public var span: Span
        public var anchor: LocalDate
        public init(span: Span, anchor: LocalDate) {
            self.span = span
            self.anchor = anchor
        }
    }

    public struct State: Equatable, Sendable {
        public var view: View = .rooms
        public var span: Span = .week
        /// A day of the period shown; nil is today's.
        public var anchor: LocalDate?
        public var request: Request?
        public var report: OccupancyReport?
        /// First row shown of the grid or table.
        public var scroll = 0

        public init() {}

        /// The day whose week or month is shown.
        public func anchor(_ ctx: ScreenContext) -> LocalDate { anchor ?? ctx.today }
    }

    public enum Event: ScreenEvent, Sendable {
        /// A key, the clock, a resize, a reload or coming to the front: from the shell.
        case shell(ShellEvent)
        case loaded(Request, OccupancyReport)
        case failed(String)
    }

    public enum Effect: Equatable, Sendable {
        case load(Request)
    }

    /// Nothing at start: the view loads when shown.
    public static func start(_ state: inout State, _ context: ScreenContext) -> [Effect] { [] }


    /// The occupancy screen has no dialog of its own.
    public static func hasDialog(_ state: State) -> Bool { false }

    /// Applies one event. Pure: no I/O, no clock.
    public static func update(_ state: inout State, _ event: Event, _ ctx: inout ScreenContext) -> [Effect] {
        switch event {
        case .shell(.resized), .shell(.tick), .shell(.paste):
            // No text field: pasted text is not keys, so it does nothing here.
            return []
        case .shell(.shown), .shell(.dataChanged):
            return reload(&state, ctx)
        case .loaded(let request, let report):
            guard request == state.request else { return [] }
            state.report = report
            ctx.notice = nil
            return []
        case .failed(let message):
            ctx.notice = Notice(.error, message)
            return []
        case .shell(.key(let key)):
            return handleKey(&state, key, &ctx)
        }
    }

    static func reload(_ state: inout State, _ ctx: ScreenContext) -> [Effect] {
        let r = Request(span: state.span, anchor: state.anchor(ctx))
        state.request = r
        return [.load(r)]
    }

    private static func handleKey(_ state: inout State, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        guard let command = OccupancyKeys.map.command(for: key) else { return [] }
        switch command {
        case .help: ctx.request = .help
        case .quit: ctx.request = .quit
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
            return reload(&state, ctx)
        case .previous, .next:
            let step = command == .next ? 1 : -1
            let anchor = state.anchor(ctx)
            state.anchor = state.span == .week ? anchor.adding(days: 7 * step) : monthShift(anchor, step)
            return reload(&state, ctx)
        case .today:
            state.anchor = ctx.today
            return reload(&state, ctx)
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
        case .load: false
        }
    }
}
