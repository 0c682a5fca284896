import Foundation
import FrontDeskDomain
import TerminalKit

/// The coordinator's reports screen (issue 15 item 4): the funder report of one scope (every
/// service, a funder's programs, or one program) and one period, as tables and as pictures
/// drawn with block characters: an age-sex pyramid, nationality bars, twelve months of trends
/// (unique visitors, waits, no-shows), walk-ins by weekday and hour, no-shows by counselor and
/// service. Suppressed counts stay suppressed in every picture (`<5` and `x` are drawn as such,
/// never as bars of their true size). One key exports what is shown as CSV, JSON and xlsx.
///
/// Aggregate only: no visitor is named anywhere on it.
public enum ReportsScreen: Screen {
    /// What the body shows.
    public enum View: String, CaseIterable, Hashable, Sendable { case tables, pyramid, nationalities, trends, walkIns, noShows }

    /// The periods one key steps through; the arrows move the period by its own length.
    public enum PeriodChoice: String, CaseIterable, Hashable, Sendable { case thisQuarter, lastQuarter, thisYear, month }

    /// Whose services are counted.
    public enum Scope: Hashable, Sendable {
        case all
        case funder(String)
        /// A program's id and name.
        case program(String, String)

        /// The program ids a report of this scope counts (nil: every service).
        public func programIds(in catalog: [Program]) -> [String]? {
            switch self {
            case .all: nil
            case .funder(let f): catalog.filter { $0.funder == f }.map(\.id)
            case .program(let id, _): [id]
            }
        }

        /// For file names: `UNHCR`, the program's id, nil for all.
        public var fileLabel: String? {
            switch self {
            case .all: nil
            case .funder(let f): f
            case .program(let id, _): id
            }
        }

        /// For titles: `UNHCR`, the program's name, nil for all.
        public var label: String? {
            switch self {
            case .all: nil
            case .funder(let f): f
            case .program(_, let name): name
            }
        }
    }

    /// What to load: a scope's report and trends for a period.
    public struct Request: Hashable, Sendable {
        public var scope: Scope
        public var programs: [String]?
        public var period: ReportingPeriod
        public init(scope: Scope, programs: [String]?, period: ReportingPeriod) {
            self.scope = scope
            self.programs = programs
            self.period = period
        }
    }

    /// What one export writes: the shown view's figures, for `Request`, in the interface's
    /// language (file names and workbook headers).
    public struct ExportRequest: Hashable, Sendable {
        public var request: Request
        public var view: View
        public var report: FunderReport
        public var trends: ReportTrends
        public init(request: Request, view: View, report: FunderReport, trends: ReportTrends) {
            self.request = request
            self.view = view
            self.report = report
            self.trends = trends
        }
    }

    public struct State: Equatable, Sendable {
        public var view: View = .tables
        public var periodChoice: PeriodChoice = .thisQuarter
        /// Periods moved with the arrows from the choice's own (negative: earlier).
        public var offset = 0
        /// Every service, then each funder, then each program, from the catalog.
        public var scopes: [Scope] = [.all]
        public var catalog: [Program] = []
        public var scopeIndex = 0
        public var request: Request?
        public var report: FunderReport?
        public var trends: ReportTrends?
        /// First line shown of a scrolled view.
        public var scroll = 0
        /// When the shown figures were read (UTC), said under them.
        public var producedAt: Date?

        public init() {}

        public var scope: Scope { scopes.indices.contains(scopeIndex) ? scopes[scopeIndex] : .all }
    }

    public enum Event: ScreenEvent, Sendable {
        case shell(ShellEvent)
        case catalogLoaded([Program])
        case loaded(Request, FunderReport, ReportTrends)
        /// The files one export wrote.
        case exported([String])
        case failed(String)
    }

    public enum Effect: Equatable, Sendable {
        case loadCatalog
        case load(Request)
        case export(ExportRequest)
    }

    public static func start(_ state: inout State, _ context: ScreenContext) -> [Effect] { [] }

    public static func hasDialog(_ state: State) -> Bool { false }

    /// Applies one event. Pure: no I/O, no clock (today comes from the context).
    public static func update(_ state: inout State, _ event: Event, _ ctx: inout ScreenContext) -> [Effect] {
        switch event {
        case .shell(.resized), .shell(.tick), .shell(.paste):
            return []
        case .shell(.shown), .shell(.dataChanged):
            return [.loadCatalog] + reload(&state, ctx)
        case .catalogLoaded(let programs):
            let previous = state.scope
            state.catalog = programs
            var funders: [String] = []
            for p in programs where !funders.contains(p.funder) { funders.append(p.funder) }
            state.scopes = [.all] + funders.map(Scope.funder)
                + programs.map { Scope.program($0.id, ctx.strings.language == .fr ? $0.nameFr : $0.nameEn) }
            state.scopeIndex = state.scopes.firstIndex(of: previous) ?? 0
            return []
        case .loaded(let request, let report, let trends):
            guard request == state.request else { return [] }
            state.report = report
            state.trends = trends
            state.producedAt = ctx.now
            ctx.notice = nil
            return []
        case .exported(let paths):
            ctx.notice = Notice(.info, ctx.strings("reports.exported", paths.joined(separator: "  ")))
            return []
        case .failed(let message):
            ctx.notice = Notice(.error, message)
            return []
        case .shell(.key(let key)):
            return handleKey(&state, key, &ctx)
        }
    }

    /// The period of the state's choice and offset, from today.
    public static func period(_ state: State, today: LocalDate) -> ReportingPeriod {
        let quarter = (today.month - 1) / 3
        func quarterPeriod(_ index: Int) -> ReportingPeriod {
            let year = Int((Double(index) / 4).rounded(.down)), q = index - year * 4
            let first = LocalDate(year: year, month: q * 3 + 1, day: 1)
            let last = ReportingPeriod.month(containing: LocalDate(year: year, month: q * 3 + 3, day: 1)).last
            return ReportingPeriod(first: first, last: last)
        }
        switch state.periodChoice {
        case .thisQuarter: return quarterPeriod(today.year * 4 + quarter + state.offset)
        case .lastQuarter: return quarterPeriod(today.year * 4 + quarter - 1 + state.offset)
        case .thisYear:
            let year = today.year + state.offset
            return ReportingPeriod(first: LocalDate(year: year, month: 1, day: 1), last: LocalDate(year: year, month: 12, day: 31))
        case .month:
            return ReportingPeriod.month(containing: OccupancyScreen.monthShift(LocalDate(year: today.year, month: today.month, day: 1), state.offset))
        }
    }

    /// The period's name: `2026 T3` / `2026 Q3`, `2026`, `juillet 2026`.
    public static func periodName(_ p: ReportingPeriod, _ strings: Localizer, _ calendar: CenterCalendar) -> String {
        if p.first.month == 1, p.first.day == 1, p.last.month == 12, p.last.day == 31, p.first.year == p.last.year { return String(p.first.year) }
        if p.first.day == 1, p.first.month == p.last.month, p.first.year == p.last.year {
            let words = strings.longDate(p.first, weekday: calendar.weekday(of: p.first)).split(separator: " ")
            return words.suffix(2).joined(separator: " ")
        }
        if p.first.day == 1, (p.first.month - 1) % 3 == 0, p.last.month == p.first.month + 2, p.first.year == p.last.year {
            return strings("reports.quarter", p.first.year, (p.first.month - 1) / 3 + 1)
        }
        return "\(p.first) – \(p.last)"
    }

    static func reload(_ state: inout State, _ ctx: ScreenContext) -> [Effect] {
        let r = Request(scope: state.scope, programs: state.scope.programIds(in: state.catalog), period: period(state, today: ctx.today))
        state.request = r
        return [.load(r)]
    }

    private static func handleKey(_ state: inout State, _ key: Key, _ ctx: inout ScreenContext) -> [Effect] {
        guard let command = ReportsKeys.map.command(for: key) else { return [] }
        switch command {
        case .help: ctx.request = .help
        case .quit: ctx.request = .quit
        case .view(let v): show(&state, v)
        case .nextView, .previousView:
            let all = View.allCases
            let i = all.firstIndex(of: state.view) ?? 0
            show(&state, all[(i + (command == .nextView ? 1 : all.count - 1)) % all.count])
        case .nextScope, .previousScope:
            guard !state.scopes.isEmpty else { return [] }
            let n = state.scopes.count
            state.scopeIndex = (state.scopeIndex + (command == .nextScope ? 1 : n - 1)) % n
            state.scroll = 0
            return reload(&state, ctx)
        case .nextPeriodChoice:
            let all = PeriodChoice.allCases
            state.periodChoice = all[((all.firstIndex(of: state.periodChoice) ?? 0) + 1) % all.count]
            state.offset = 0
            state.scroll = 0
            return reload(&state, ctx)
        case .previous, .next:
            state.offset += command == .next ? 1 : -1
            state.scroll = 0
            return reload(&state, ctx)
        case .thisQuarter:
            state.periodChoice = .thisQuarter
            state.offset = 0
            return reload(&state, ctx)
        case .export:
            guard let request = state.request, let report = state.report, let trends = state.trends else {
                ctx.notice = Notice(.error, ctx.strings("reports.nothingToExport"))
                return []
            }
            return [.export(ExportRequest(request: request, view: state.view, report: report, trends: trends))]
        case .scrollUp, .scrollDown, .pageUp, .pageDown, .bottom:
            // Kept within the lines the view has at this size, so a key back up always moves.
            let range = scrollRange(state, ctx)
            let step: Int
            switch command {
            case .scrollUp: step = -1
            case .scrollDown: step = 1
            case .pageUp: step = -range.page
            case .pageDown: step = range.page
            default: step = range.lastFirst
            }
            state.scroll = min(range.lastFirst, max(0, state.scroll + step))
        }
        return []
    }

    private static func show(_ state: inout State, _ view: View) {
        state.view = view
        state.scroll = 0
    }
}

extension ReportsScreen.Effect {
    /// True when performing the effect may write to the store (an audit row counts). An export
    /// writes files only: counts, no person.
    public var writes: Bool {
        switch self {
        case .loadCatalog, .load, .export: false
        }
    }
}
