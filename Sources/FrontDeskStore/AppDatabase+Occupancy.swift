import Foundation
import FrontDeskDomain
import CPlatform
import GRDB
import Synchronization

/// The coordinator's occupancy view, aggregated in SQL (covering indexes of the v3 migration):
/// booked minutes per day and resource, appointments by service and status, group seats,
/// walk-ins by category with nearest-rank median and 90th-percentile waits. The Domain divides
/// (`OccupancyReport`); available time comes from the Domain's calendar rules (`AvailableTime`).
extension AppDatabase: ReportingRepository {
    /// The occupancy of the period's center-local days. Aggregate only: no visitor is named.
    ///
    /// Every figure comes from one snapshot of the file. On a file opened with a single
    /// connection (`openForReading`, the command line), a second, read-only connection on another
    /// thread reads the resources, services and the first three statements while this one runs
    /// the walk-in statement, the longest. The second connection must reach the same file (the
    /// path's device and inode, before and after it opens, as when the first opened: not a
    /// backup restored over the path since), and the two snapshots are one when no other
    /// connection committed between just before the second read began and just after both
    /// ended (`PRAGMA data_version` unchanged on this connection: it moves with every commit by
    /// another connection). Otherwise, or when the second connection fails, everything is read
    /// again here, in one transaction.
    /// - Throws: `DatabaseError` from SQLite.
    public func occupancy(_ period: ReportingPeriod, now: Date) throws -> OccupancyReport {
        try occupancy(period, now: now, whileSideReads: nil)
    }

    /// The cutoffs of the period's queue tickets, from the stored opening hours.
    /// - Throws: `DatabaseError` from SQLite.
    func queueCutoffs(_ period: ReportingPeriod) throws -> QueueCutoffs {
        let hours = try writer.read { try Self.settings($0).openingHours }
        return QueueCutoffs(days: period.days, openingHours: hours, calendar: calendar)
    }

    /// `occupancy(_:)`; `whileSideReads` runs on the calling thread once the second connection
    /// holds its snapshot and before this one takes its own (tests commit from a third
    /// connection there).
    func occupancy(_ period: ReportingPeriod, now: Date, whileSideReads: (() throws -> Void)?) throws -> OccupancyReport {
        let statements = occupancyStatements(period, cutoffs: try queueCutoffs(period), now: now)
        if !period.days.isEmpty, let report = try occupancyWithSideRead(period, statements, whileSideReads: whileSideReads) {
            return report
        }
        return try writer.read { db in
            var aggregates = try occupancyAggregates(db, period, statements)
            if !period.days.isEmpty { aggregates.walkIns(try Self.walkInStats(db, statements[3])) }
            return try occupancyInputs(db, period).report(aggregates)
        }
    }

    /// The two-connection read of `occupancy(_:)`; nil when its snapshots may differ or the
    /// second connection failed.
    private func occupancyWithSideRead(_ period: ReportingPeriod, _ statements: [OccupancyStatement],
                                       whileSideReads: (() throws -> Void)?) throws -> OccupancyReport? {
        let sideStatements = statements.map(SendableStatement.init)
        let read = try readInTwo(side: { [self] db in
            (try occupancyInputs(db, period), try occupancyAggregates(db, period, sideStatements.map(\.statement)))
        }, whileSideReads: whileSideReads, main: { db in try Self.walkInStats(db, statements[3]) })
        guard let ((inputs, partial), walkIns) = read else { return nil }
        var aggregates = partial
        aggregates.walkIns(walkIns)
        return inputs.report(aggregates)
    }

    /// Runs `side` in a read transaction of a second, read-only connection on another CPU while
    /// `main` runs in one of this connection, when the store was opened with a single connection
    /// on a file (`openForReading`, the command line): the two results, or nil when that is not
    /// so, when the second connection failed, or when the two snapshots may differ (see
    /// `occupancy(_:now:)`); the caller then reads alone. `whileSideReads` runs on the calling
    /// thread once the second connection holds its snapshot and before this one takes its own
    /// (tests commit from a third connection there).
    /// - Throws: what `main` throws, and `DatabaseError` from this connection.
    func readInTwo<Side: Sendable, Main>(side: @escaping @Sendable (Database) throws -> Side, whileSideReads: (() throws -> Void)? = nil,
                                         main: (Database) throws -> Main) throws -> (Side, Main)? {
        guard let queue = writer as? DatabaseQueue, let path, let file = fileIdentity else { return nil }
        let dataVersion = { try queue.inDatabase { try Int.fetchOne($0, sql: "PRAGMA data_version") } }
        let before = try dataVersion()
        let sideSnapshotTaken = DispatchSemaphore(value: 0)
        guard let sideRead = SideRead({
            var config = Configuration()
            config.readonly = true
            config.busyMode = .timeout(Self.busyTimeout)
            config.label = "FrontDesk.sideRead"
            // The same file as this connection's: not one put at the path since (a restored
            // backup), checked before and after opening.
            guard FileIdentity(path: path) == file else { throw SideReadRefusal.otherFile }
            let connection = try DatabaseQueue(path: path, configuration: config)
            defer { try? connection.close() }
            guard FileIdentity(path: path) == file else { throw SideReadRefusal.otherFile }
            return try connection.read { db in
                // The first page read takes the transaction's snapshot.
                _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")
                sideSnapshotTaken.signal()
                return try side(db)
            }
        }) else { return nil }
        defer { sideRead.release() }
        if let whileSideReads {
            guard sideSnapshotTaken.wait(timeout: .now() + Self.busyTimeout) == .success else { return nil }
            try whileSideReads()
        }
        let mine = try queue.read(main)
        guard case .success(let theirs) = sideRead.result(), try dataVersion() == before else { return nil }
        return (theirs, mine)
    }

    /// What the occupancy divides by and names: available time, resources and services.
    private struct OccupancyInputs: Sendable {
        let period: ReportingPeriod, available: AvailableTime, rooms: [Room], counselors: [Counselor], services: [Service]

        func report(_ aggregates: OccupancyAggregates) -> OccupancyReport {
            OccupancyReport(period: period, available: available, rooms: rooms, counselors: counselors, services: services,
                            aggregates: aggregates)
        }
    }

    private func occupancyInputs(_ db: Database, _ period: ReportingPeriod) throws -> OccupancyInputs {
        let settings = try Self.settings(db)
        let available = AvailableTime(calendar: calendar, settings: settings,
                                      closures: try Self.fetchClosures(db, from: period.first, through: period.last),
                                      absences: try Self.fetchAbsences(db, counselorId: nil, overlapping: periodSpan(period)), days: period.days)
        return OccupancyInputs(period: period, available: available, rooms: try Self.fetchRooms(db), counselors: try Self.fetchCounselors(db),
                               services: try Self.fetchServices(db))
    }

    /// `[start of the first day, start of the day after the last)`, UTC.
    func periodSpan(_ period: ReportingPeriod) -> UTCInterval {
        UTCInterval(start: calendar.startOfDay(period.first), end: calendar.startOfDay(period.last.adding(days: 1)))
    }

    /// The statements the occupancy view runs, with their arguments (the benchmark runs the same
    /// text in the `sqlite3` shell: `occupancySQLScript`).
    /// - Parameters: `cutoffs`: the close of each day's queue (`QueueCutoffs`); `now`: the
    ///   present instant (tickets before their cutoff are still waiting).
    func occupancyStatements(_ period: ReportingPeriod, cutoffs: QueueCutoffs, now: Date) -> [OccupancyStatement] {
        let days = period.days
        let span = periodSpan(period)
        // The start of each day and of the day after the last (each day's end is the next
        // day's start): one time-zone computation per day, not two.
        let starts = (days + [period.last.adding(days: 1)]).map { calendar.startOfDay($0).epochMilliseconds }
        var bounds: [DatabaseValueConvertible] = []
        for i in days.indices {
            bounds.append(starts[i])
            bounds.append(starts[i + 1])
        }
        let values = days.indices.map { "(\($0), ?, ?)" }.joined(separator: ", ")
        let from = span.start.epochMilliseconds, to = span.end.epochMilliseconds
        // Booked minutes per day, counselor and room: each day is an index range of start_at
        // (from a day before: an appointment lasts at most 24 h), clipped to the day.
        let booked = """
            WITH d(i, s, e) AS (VALUES \(values))
            SELECT d.i, a.counselor_id, a.room_id, SUM(MIN(a.end_at, d.e) - MAX(a.start_at, d.s))
            FROM d JOIN appointment a INDEXED BY appointment_reporting
              ON a.start_at >= d.s - \(Self.maxAppointmentMillis) AND a.start_at < d.e
            WHERE a.end_at > d.s AND a.status <> 'cancelled'
            GROUP BY d.i, a.counselor_id, a.room_id
            """
        let counts = """
            SELECT service_id, status, COUNT(*) FROM appointment INDEXED BY appointment_reporting
            WHERE start_at >= ? AND start_at < ? GROUP BY service_id, status
            """
        let seats = """
            SELECT a.service_id, SUM(g.capacity),
                   SUM((SELECT COUNT(*) FROM group_enrollment e WHERE e.session_id = g.id AND NOT e.waitlisted)),
                   SUM((SELECT COUNT(*) FROM group_enrollment e WHERE e.session_id = g.id AND e.waitlisted))
            FROM appointment a INDEXED BY appointment_reporting JOIN group_session g ON g.id = a.group_session_id
            WHERE a.start_at >= ? AND a.start_at < ? AND a.status <> 'cancelled' AND a.group_session_id IS NOT NULL
            GROUP BY a.service_id
            """
        // Walk-ins per category and for all ('*'), from one scan (shared case P2: every ticket
        // issued counts). `d` holds each day's close and next day's start (`QueueCutoffs`), `f`
        // each ticket's fate (`TicketFate`: s served, l left unseen, u unserved at close,
        // w waiting) and the end of its wait; `h` is a histogram of (category, fate, whole
        // minutes waited) with the tickets' counts. Counts and mean waits are sums of the
        // histogram; the median and 90th percentile of the served are the smallest minute
        // whose running count reaches the nearest rank ⌈p·n/100⌉ (p = 50, 90). Sorting a few
        // hundred distinct minutes instead of every visit (window functions over all rows
        // took 4× longer).
        var cutoffDays = "", cutoffArguments: [DatabaseValueConvertible] = []
        for day in days {
            guard let cut = cutoffs.days[day] else { continue }
            cutoffDays += cutoffDays.isEmpty ? "(?, ?, ?)" : ", (?, ?, ?)"
            cutoffArguments += [day.description, cut.close.epochMilliseconds, cut.nextDay.epochMilliseconds]
        }
        let walkIns = """
            WITH d(day, cl, nx) AS (VALUES \(cutoffDays.isEmpty ? "(NULL, NULL, NULL)" : cutoffDays)),
            t AS (
              SELECT v.category, v.arrived_at AS a, v.called_at AS k, v.left_at AS l, v.outcome AS o,
                     CASE WHEN v.arrived_at < d.cl THEN d.cl ELSE d.nx END AS cut
              FROM d JOIN visit v INDEXED BY visit_reporting ON v.day = d.day
            ), f AS (
              SELECT category, a,
                     CASE WHEN k IS NOT NULL THEN 's'
                          WHEN l <= cut THEN CASE WHEN o = 'left_unseen' THEN 'l' ELSE 's' END
                          WHEN l IS NULL AND cut > ? THEN 'w'
                          ELSE 'u' END AS fate,
                     CASE WHEN k IS NOT NULL THEN k WHEN l <= cut THEN l ELSE cut END AS e
              FROM t
            ), h AS MATERIALIZED (
              SELECT category, fate, CASE WHEN fate <> 'w' THEN MAX(0, (e - a) / 60000) END AS m, COUNT(*) AS c
              FROM f GROUP BY category, fate, m
            ), counts AS (
              SELECT category, fate, SUM(c) AS n, SUM(m * c) AS total FROM h GROUP BY category, fate
              UNION ALL
              SELECT '*', fate, SUM(c), SUM(m * c) FROM h GROUP BY fate
            ), cum AS (
              SELECT category, m, SUM(c) OVER (PARTITION BY category ORDER BY m) AS upto,
                     SUM(c) OVER (PARTITION BY category) AS n FROM h WHERE fate = 's'
              UNION ALL
              SELECT '*', m, SUM(SUM(c)) OVER (ORDER BY m), SUM(SUM(c)) OVER () FROM h WHERE fate = 's' GROUP BY m
            ), pct AS (
              SELECT category, MAX(n) AS n, MIN(CASE WHEN upto >= (50 * n + 99) / 100 THEN m END) AS p50,
                     MIN(CASE WHEN upto >= (90 * n + 99) / 100 THEN m END) AS p90
              FROM cum GROUP BY category
            )
            SELECT category, fate, n, total, NULL, NULL FROM counts
            UNION ALL
            SELECT category, 'p', n, NULL, p50, p90 FROM pct
            """
        return [(booked, bounds), (counts, [from, to]), (seats, [from, to]), (walkIns, cutoffArguments + [now.epochMilliseconds])]
    }

    /// One statement of the occupancy and its arguments.
    typealias OccupancyStatement = (sql: String, arguments: [DatabaseValueConvertible])

    /// Runs the first three occupancy statements: booked minutes, appointments by service and
    /// status, group seats (the walk-ins are `walkInStats`).
    func occupancyAggregates(_ db: Database, _ period: ReportingPeriod, _ statements: [OccupancyStatement]) throws -> OccupancyAggregates {
        var agg = OccupancyAggregates()
        guard !period.days.isEmpty else { return agg }
        var counselorMs: [OccupancyAggregates.DayKey: Int64] = [:], roomMs: [OccupancyAggregates.DayKey: Int64] = [:]
        for row in try Row.fetchAll(db, sql: statements[0].sql, arguments: StatementArguments(statements[0].arguments)) {
            let day: Int = row[0], ms: Int64 = row[3]
            counselorMs[.init(id: row[1], day: day), default: 0] += ms
            roomMs[.init(id: row[2], day: day), default: 0] += ms
        }
        agg.counselorMinutes = counselorMs.mapValues { Int($0 / 60_000) }
        agg.roomMinutes = roomMs.mapValues { Int($0 / 60_000) }
        for row in try Row.fetchAll(db, sql: statements[1].sql, arguments: StatementArguments(statements[1].arguments)) {
            guard let status = AppointmentStatus(rawValue: row[1]) else { continue }
            agg.serviceCounts[row[0], default: AppointmentCounts()].add(status, row[2])
        }
        for row in try Row.fetchAll(db, sql: statements[2].sql, arguments: StatementArguments(statements[2].arguments)) {
            agg.groupSeats[row[0]] = .init(seats: row[1], enrolled: row[2], waitlisted: row[3])
        }
        return agg
    }

    /// Runs the walk-in statement: walk-ins by category, and for all categories together.
    static func walkInStats(_ db: Database, _ statement: OccupancyStatement) throws -> WalkInTotals {
        var stats: [String: WalkInStats] = [:]
        for row in try Row.fetchAll(db, sql: statement.sql, arguments: StatementArguments(statement.arguments)) {
            let key: String = row[0], n: Int = row[2] ?? 0, total: Int? = row[3]
            var w = stats[key] ?? WalkInStats()
            switch row[1] as String {
            case "s": w.served = n; w.meanWaitMinutes = Statistics.mean(total ?? 0, n)
            case "l": w.leftUnseen = n; w.leftUnseenMeanMinutes = Statistics.mean(total ?? 0, n)
            case "u": w.unservedAtClose = n; w.unservedMeanMinutes = Statistics.mean(total ?? 0, n)
            case "w": w.waiting = n
            default: w.medianWaitMinutes = row[4]; w.p90WaitMinutes = row[5]
            }
            if row[1] as String != "p" { w.arrivals += n }
            stats[key] = w
        }
        var totals = WalkInTotals()
        for (key, w) in stats {
            if key == "*" { totals.all = w } else if let c = ServiceCategory(rawValue: key) { totals.byCategory[c] = w }
        }
        return totals
    }

    /// The occupancy statements as one script for the `sqlite3` shell, arguments written in
    /// (the benchmark times it beside `frontdesk occupancy`).
    /// - Throws: `DatabaseError` from SQLite (the opening hours are read).
    public func occupancySQLScript(_ period: ReportingPeriod, now: Date) throws -> String {
        try occupancyStatements(period, cutoffs: queueCutoffs(period), now: now).map { Self.inline($0.sql, $0.arguments) + ";" }.joined(separator: "\n") + "\n"
    }

    /// The statement with each `?` replaced by its argument as an SQL literal (integers as
    /// they are, text quoted with `'` doubled). For scripts the benchmark hands to `sqlite3`.
    static func inline(_ sql: String, _ arguments: [DatabaseValueConvertible]) -> String {
        var out = ""
        var rest = arguments.makeIterator()
        for ch in sql {
            guard ch == "?", let value = rest.next() else { out.append(ch); continue }
            switch value.databaseValue.storage {
            case .int64(let n): out += String(n)
            case .double(let d): out += String(d)
            case .string(let s): out += "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
            case .null, .blob: out += "NULL"
            }
        }
        return out
    }
}

/// Why a side read gave up (the caller then reads alone).
private enum SideReadRefusal: Error {
    /// The path names another file than the one the first connection opened.
    case otherFile
}

/// Walk-ins by category and for all categories (their median and p90 are not sums).
struct WalkInTotals: Sendable {
    var byCategory: [ServiceCategory: WalkInStats] = [:]
    var all = WalkInStats()
}

extension OccupancyAggregates {
    mutating func walkIns(_ totals: WalkInTotals) {
        walkIns = totals.byCategory
        walkInsAll = totals.all
    }
}

/// A statement and its arguments as SQLite values, to hand to another thread.
struct SendableStatement: Sendable {
    let sql: String
    let arguments: [DatabaseValue]

    init(_ statement: AppDatabase.OccupancyStatement) {
        sql = statement.sql
        arguments = statement.arguments.map(\.databaseValue)
    }

    var statement: AppDatabase.OccupancyStatement { (sql, arguments) }
}

/// A read run on another thread while the caller goes on; `result()` waits for it.
///
/// While it lasts, the caller and the reading thread are each bound to a CPU of their own, and
/// `release()` gives the caller back its CPUs: the scheduler tends to keep a process's threads
/// on one CPU for milliseconds (measured on Linux 6.18 with two CPUs: two threads of 5 ms of
/// work each took 5.5 ms when bound, 11–22 ms when not), and the two reads then take turns
/// instead of running at once. Nil when the process may run on one CPU only: read alone then.
final class SideRead<Value: Sendable>: Sendable {
    private let outcome: Outcome
    private let callerBinding: CPUBinding?

    private final class Outcome: Sendable {
        let value = Mutex<Result<Value, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
    }

    init?(_ body: @escaping @Sendable () throws -> Value) {
        let mine = fd_current_cpu()
        let other = fd_other_allowed_cpu(mine)
        guard mine >= 0, other >= 0 else { return nil }
        callerBinding = CPUBinding(cpu: mine)
        let outcome = Outcome()
        self.outcome = outcome
        Thread.detachNewThread {
            let binding = CPUBinding(cpu: other)
            let result = Result { try body() }
            binding?.restore()
            outcome.value.withLock { $0 = result }
            outcome.done.signal()
        }
    }

    /// Waits for the read to end: its value, or the error it threw.
    func result() -> Result<Value, any Error> {
        outcome.done.wait()
        return outcome.value.withLock { $0! } // safe: set before the signal
    }

    /// Gives the calling thread back the CPUs it had (call it on the thread that made this).
    func release() {
        callerBinding?.restore()
    }
}

/// The calling thread bound to one CPU, and the set of CPUs it had before.
private struct CPUBinding: Sendable {
    private let saved: [UInt8]

    /// Binds the calling thread to `cpu`; nil, and nothing changed, when that is not possible.
    init?(cpu: Int32) {
        var saved = [UInt8](repeating: 0, count: Int(fd_cpu_set_size()))
        guard saved.withUnsafeMutableBytes({ fd_bind_thread(cpu, $0.baseAddress) }) == 0 else { return nil }
        self.saved = saved
    }

    /// Gives the calling thread its CPUs back.
    func restore() {
        _ = saved.withUnsafeBytes { fd_restore_thread($0.baseAddress) }
    }
}
