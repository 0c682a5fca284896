import Foundation
import FrontDeskDomain
import GRDB

/// Issue 15 item 3: a visitor's age is worked out at each service, on the service's
/// center-local day (`Age.years`), and kept in `delivered_service.age` at write time, so that a
/// report of a past period gives the same figures whenever it runs (P3: a visit of 10 May 2026
/// by someone born 20 May 2008 counts at 17, in July 2026 as in January 2027).
///
/// SQLite knows no time zone, and the triggers that keep `delivered_service` run inside any
/// write (the `sqlite3` shell's too), so the center zone's UTC offsets are kept in a table,
/// `center_utc_offset (from_at, offset_ms)`: the offset in force from each instant (UTC ms) on,
/// from the zone's rules (`ZoneRules`, the system's tzdata) for 1900–2100. A service's day is
/// then `date((at + offset) / 1000, 'unixepoch')`, read with one index search.
extension AppDatabase {
    /// The fifteenth migration's identifier.
    static let ageAtServiceMigration = "v15: birth dates, ages at each service, age bands in the settings"

    /// The first and last years whose offsets `center_utc_offset` holds.
    static let offsetYears = 1900...2100

    /// Migration v15: `visitor.birth_date` (`YYYY-MM-DD` or NULL; its year must be
    /// `birth_year`), `center_setting.age_bands` (`AgeBands` as written, the standard bands by
    /// default), the zone's offsets, and `delivered_service.age` in place of `birth_year` (the
    /// report's three covering indexes made again with it); the view stays, the triggers are
    /// made again (a birth date's change now counts), every visitor's services are rebuilt.
    static func storeAgesAtServices(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE visitor ADD COLUMN birth_date TEXT
              CHECK (birth_date IS NULL OR (length(birth_date) = 10 AND birth_year = CAST(substr(birth_date, 1, 4) AS INTEGER)));
            ALTER TABLE center_setting ADD COLUMN age_bands TEXT NOT NULL DEFAULT '\(AgeBands.standard)';
            CREATE TABLE center_utc_offset (from_at INTEGER PRIMARY KEY, offset_ms INTEGER NOT NULL);
            """)
        let zone = try String.fetchOne(db, sql: "SELECT time_zone FROM center_setting")
        try storeZoneOffsets(db, calendar: zone.flatMap(CenterCalendar.init(identifier:)) ?? CenterCalendar())
        for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'delivered_service_%'") {
            try db.execute(sql: "DROP TRIGGER \(name)")
        }
        try db.execute(sql: """
            DROP INDEX delivered_service_reporting;
            DROP INDEX delivered_service_by_program;
            DROP INDEX delivered_service_by_funder;
            ALTER TABLE delivered_service DROP COLUMN birth_year;
            ALTER TABLE delivered_service ADD COLUMN age INTEGER;
            CREATE INDEX delivered_service_reporting
              ON delivered_service (profile_id, category, age, at, prev_at, prev_category_at, first_at);
            CREATE INDEX delivered_service_by_program
              ON delivered_service (program_id, profile_id, category, age, at, prev_program_at, prev_program_category_at, first_program_at);
            CREATE INDEX delivered_service_by_funder
              ON delivered_service (funder, profile_id, category, age, at, prev_funder_at, prev_funder_category_at, first_funder_at);
            """)
        try db.execute(sql: deliveredServiceTriggers(.v15))
        try db.execute(sql: refreshDeliveredServicesSQL(visitors: "SELECT id FROM visitor", layout: .v15))
    }

    /// The offsets of `calendar`'s zone from `offsetYears`' first day to their last: a first row
    /// from the earliest instant, then one per change.
    static func zoneOffsetRows(_ calendar: CenterCalendar) -> [(from: Int64, offset: Int64)] {
        let start = calendar.startOfDay(LocalDate(year: offsetYears.lowerBound, month: 1, day: 1))
        let end = calendar.startOfDay(LocalDate(year: offsetYears.upperBound + 1, month: 1, day: 1))
        var rows: [(Int64, Int64)] = [(Int64.min, Int64(calendar.zone.secondsFromGMT(for: start)) * 1000)]
        var at = start
        while let next = calendar.zone.nextTransition(after: at), next < end {
            let offset = Int64(calendar.zone.secondsFromGMT(for: next)) * 1000
            if offset != rows.last?.1 { rows.append((next.epochMilliseconds, offset)) }
            at = next
        }
        return rows
    }

    /// Replaces `center_utc_offset` with `calendar`'s offsets.
    static func storeZoneOffsets(_ db: Database, calendar: CenterCalendar) throws {
        try db.execute(sql: "DELETE FROM center_utc_offset")
        let insert = try db.makeStatement(sql: "INSERT INTO center_utc_offset (from_at, offset_ms) VALUES (?, ?)")
        for row in zoneOffsetRows(calendar) { try insert.execute(arguments: [row.from, row.offset]) }
    }

    /// After the system's tzdata changed the zone's rules (Morocco publishes its Ramadan
    /// changes year by year, and tzdata 2026f ended its UTC+1 on 2026-09-20): moves what was
    /// planned at a wall-clock time so that it keeps that time (`keepWallClockTimes`), stores
    /// the new offsets, the programs' days as instants again, and rebuilds every delivered
    /// service (their days and ages may move). Nothing is written when the stored offsets are
    /// the zone's. Run at each opening of the file for writing; the check reads a few hundred
    /// rows.
    /// - Parameter now: the instant of the audit events of the moves.
    /// - Returns: whether the offsets had changed.
    @discardableResult
    func refreshZoneOffsets(at now: Date = Date()) throws -> Bool {
        let rows = Self.zoneOffsetRows(calendar)
        let stored = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT from_at, offset_ms FROM center_utc_offset ORDER BY from_at").map { ($0[0] as Int64, $0[1] as Int64) }
        }
        guard stored.count != rows.count || zip(stored, rows).contains(where: { $0.0 != $1.from || $0.1 != $1.offset }) else { return false }
        try writer.write { db in
            // Only for the center's own zone: a terminal started with another `--time-zone`
            // does not rewrite the file's days.
            guard try String.fetchOne(db, sql: "SELECT time_zone FROM center_setting") == calendar.zone.identifier else { return }
            try Self.keepWallClockTimes(db, oldOffsets: stored, calendar: calendar, at: now)
            try Self.storeZoneOffsets(db, calendar: calendar)
            try Self.storeProgramDays(db, calendar: calendar)
            try db.execute(sql: Self.refreshDeliveredServicesSQL(visitors: "SELECT id FROM visitor"))
        }
        return true
    }

    /// Appointments still booked (a group session's included) and counselors' absences were
    /// written as instants from wall-clock times, under the offsets stored then (`oldOffsets`:
    /// `center_utc_offset`'s rows, UTC ms from which each offset in ms holds). Where the zone's
    /// rules now give one of their instants another offset, it moves to show the same
    /// wall-clock time (`CenterCalendar.instant(keepingWallClockOf:oldOffsetSeconds:)`): the
    /// visitor booked for 09:00 comes at 09:00 whatever the clocks were decided to read. Each
    /// moved appointment gets an `appointment.rescheduled` audit event by `system`; what
    /// happened (completed, no-shows, walk-ins) keeps its instants.
    /// - Returns: how many rows moved.
    @discardableResult
    static func keepWallClockTimes(_ db: Database, oldOffsets: [(Int64, Int64)], calendar: CenterCalendar, at now: Date) throws -> Int {
        guard !oldOffsets.isEmpty else { return 0 }
        func oldOffset(_ ms: Int64) -> Int64 {
            var low = 0, high = oldOffsets.count - 1 // the last row whose start is at or before ms
            while low < high {
                let mid = (low + high + 1) / 2
                if oldOffsets[mid].0 <= ms { low = mid } else { high = mid - 1 }
            }
            return oldOffsets[low].0 <= ms ? oldOffsets[low].1 : oldOffsets[0].1
        }
        func kept(_ ms: Int64) -> Int64 {
            let instant = Date(epochMilliseconds: ms), old = oldOffset(ms)
            guard Int64(calendar.zone.secondsFromGMT(for: instant)) * 1000 != old else { return ms }
            return calendar.instant(keepingWallClockOf: instant, oldOffsetSeconds: Int(old / 1000)).epochMilliseconds
        }
        let version: String = if case .tzdata(_, let v?) = calendar.zone.source { "tzdata \(v)" } else { "the zone's new rules" }
        let system = Actor(name: "system", terminal: "tzdata")
        var moved = 0
        for row in try Row.fetchAll(db, sql: "SELECT id, start_at, end_at FROM appointment WHERE status = 'booked'") {
            let (id, start, end): (Int64, Int64, Int64) = (row[0], row[1], row[2])
            let (newStart, newEnd) = (kept(start), kept(end))
            guard newStart != start || newEnd != end else { continue }
            try db.execute(sql: "UPDATE appointment SET start_at = ?, end_at = ? WHERE id = ?", arguments: [newStart, newEnd, id])
            let before = UTCInterval(start: Date(epochMilliseconds: start), end: Date(epochMilliseconds: end))
            let after = UTCInterval(start: Date(epochMilliseconds: newStart), end: Date(epochMilliseconds: newEnd))
            try audit(db, .appointmentRescheduled, entity: "appointment", entityId: id,
                      detail: "\(before) → \(after): the same wall-clock time under \(version)", by: system, at: now)
            moved += 1
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, start_at, end_at FROM absence") {
            let (id, start, end): (Int64, Int64, Int64) = (row[0], row[1], row[2])
            let (newStart, newEnd) = (kept(start), kept(end))
            guard newStart != start || newEnd != end else { continue }
            try db.execute(sql: "UPDATE absence SET start_at = ?, end_at = ? WHERE id = ?", arguments: [newStart, newEnd, id])
            moved += 1
        }
        return moved
    }

    /// The center-local day of the instant `at` (UTC ms, an SQL expression) as the integer
    /// `YYYYMMDD`, by `center_utc_offset`.
    static func localDayKeySQL(at: String) -> String {
        """
        CAST(strftime('%Y%m%d', (\(at) + IFNULL((SELECT o.offset_ms FROM center_utc_offset o WHERE o.from_at <= \(at) \
        ORDER BY o.from_at DESC LIMIT 1), 0)) / 1000, 'unixepoch') AS INTEGER)
        """
    }

    /// `Age.years` in SQL: the age in whole years on `day` (`YYYYMMDD`), from the birth date
    /// (`YYYY-MM-DD`) when known (`(day − birth) / 10000` in these integers is the calendar's
    /// count of birthdays: born 2008-02-29, 20270228 − 20080229 = 189999 gives 18, and 19 on
    /// 20270301), else the year's difference; NULL when unknown or before the birth.
    static func ageSQL(day: String, birthYear: String, birthDate: String) -> String {
        let birth = "CAST(replace(\(birthDate), '-', '') AS INTEGER)"
        return """
            CASE WHEN \(birthDate) IS NOT NULL THEN CASE WHEN \(day) >= \(birth) THEN (\(day) - \(birth)) / 10000 END
                 WHEN \(day) / 10000 >= \(birthYear) THEN \(day) / 10000 - \(birthYear) END
            """
    }
}
