import Foundation

/// Aggregate figures: occupancy and the funder report. Counts only, no person. Implemented by
/// FrontDeskStore over SQLite; kept free of any database type.
public protocol ReportingRepository: Sendable {
    /// The occupancy of the period's center-local days (rooms and counselors × days, service
    /// demand, walk-in waits, no-shows). `now`: the present instant, UTC (queue tickets before
    /// the close of their day are still waiting: `TicketFate`).
    func occupancy(_ period: ReportingPeriod, now: Date) throws -> OccupancyReport

    /// The funder report of the period's center-local days, small cells suppressed for
    /// publication: of every service (`programs` nil), or of the services the programs with
    /// these ids delivered (one program, or a funder's), with their targets.
    /// `today`: the center-local day the report is made (targets of a year not over yet are
    /// achieved through it: `TargetAchievement.spans`); nil: the period's last day.
    func funderReport(_ period: ReportingPeriod, programs: [String]?, ageBands: AgeBands?, today: LocalDate?) throws -> FunderReport

    /// The reports screen's trends for a report of `period` over `programs`' services (nil:
    /// every service): twelve months of unique visitors, waits and no-shows, walk-ins by
    /// weekday and hour, no-shows by counselor and service (`ReportTrends`).
    func reportTrends(_ period: ReportingPeriod, programs: [String]?) throws -> ReportTrends

    /// The statements `occupancy` runs, as one script for the store's own query shell (the
    /// `sqlite3` shell here), arguments written in: `frontdesk occupancy --sql` and the benchmark.
    func occupancySQLScript(_ period: ReportingPeriod, now: Date) throws -> String

    /// The statement `funderReport` runs, as one script for the store's own query shell.
    func funderReportSQLScript(_ period: ReportingPeriod, programs: [String]?) -> String
}
