import GRDB

extension AppDatabase {
    /// The second migration's identifier: booking and schedules.
    static let schedulingMigration = "v2: counselors, rooms, closures, appointments, group sessions, settings"

    /// The longest an appointment may last, in milliseconds (24 h). Window queries bound
    /// `start_at` from below by `window start − maxAppointmentMillis`, so they scan the index
    /// range of the window only, never the whole year.
    static let maxAppointmentMillis: Int64 = 86_400_000

    /// Monday to Friday 08:30–17:30, frozen here as this migration wrote it.
    private static let defaultOpeningHoursJSON: String = {
        let day = #"[{"start":"08:30","end":"17:30"}]"#
        return #"{"days":["# + Array(repeating: day, count: 5).joined(separator: ",") + ",[],[]]}"
    }()

    /// Tables of booking and schedules. Instants are INTEGER epoch milliseconds (UTC), local days
    /// `YYYY-MM-DD`.
    static func createSchedulingTables(_ db: Database) throws {
        try db.create(table: "center_setting") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("time_zone", .text).notNull()
            // `WeeklyHours` as JSON: {"days": [[{"start":"08:30","end":"17:30"}], …]}.
            t.column("opening_hours", .text).notNull()
            t.column("first_weekday", .integer).notNull().check { $0 >= 1 && $0 <= 7 }
            t.column("slot_grid_min", .integer).notNull().check { $0 > 0 && $0 <= 240 }
        }
        try db.execute(sql: """
            INSERT INTO center_setting (id, time_zone, opening_hours, first_weekday, slot_grid_min)
            VALUES (1, 'Africa/Casablanca', ?, 1, 15)
            """, arguments: [defaultOpeningHoursJSON])

        try db.create(table: "counselor") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique().collate(.nocase).check { length($0) > 0 }
            t.column("active", .boolean).notNull().defaults(to: true)
        }
        try db.create(table: "counselor_service", options: [.withoutRowID]) { t in
            t.column("counselor_id", .integer).notNull().references("counselor", onDelete: .cascade)
            t.column("service_id", .text).notNull().references("service")
            t.column("position", .integer).notNull()
            t.primaryKey(["counselor_id", "service_id"])
        }
        try db.create(table: "counselor_language", options: [.withoutRowID]) { t in
            t.column("counselor_id", .integer).notNull().references("counselor", onDelete: .cascade)
            t.column("language", .text).notNull()
            t.column("position", .integer).notNull()
            t.primaryKey(["counselor_id", "language"])
        }
        // Weekly working hours: one row per range, local minutes since midnight, half-open.
        try db.create(table: "counselor_hours", options: [.withoutRowID]) { t in
            t.column("counselor_id", .integer).notNull().references("counselor", onDelete: .cascade)
            t.column("weekday", .integer).notNull().check { $0 >= 1 && $0 <= 7 }
            t.column("start_min", .integer).notNull().check { $0 >= 0 && $0 < 1440 }
            t.column("end_min", .integer).notNull().check { $0 > 0 && $0 <= 1440 }
            t.primaryKey(["counselor_id", "weekday", "start_min"])
            t.check(sql: "start_min < end_min")
        }
        try db.create(table: "absence") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("counselor_id", .integer).notNull().references("counselor", onDelete: .cascade)
            t.column("start_at", .integer).notNull()
            t.column("end_at", .integer).notNull()
            t.column("reason", .text).notNull().defaults(to: "")
            t.check(sql: "start_at < end_at")
        }
        try db.create(index: "absence_by_counselor", on: "absence", columns: ["counselor_id", "end_at"])

        try db.create(table: "room") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique().collate(.nocase).check { length($0) > 0 }
            t.column("capacity", .integer).notNull().check { $0 > 0 }
            t.column("active", .boolean).notNull().defaults(to: true)
        }
        try db.create(table: "closure") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("first_day", .text).notNull().check { length($0) == 10 }
            t.column("last_day", .text).notNull().check { length($0) == 10 }
            t.column("room_id", .integer).references("room", onDelete: .cascade)
            t.column("label", .text).notNull()
            t.check(sql: "first_day <= last_day")
        }
        try db.create(index: "closure_by_last_day", on: "closure", columns: ["last_day"])

        try db.create(table: "group_session") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("service_id", .text).notNull().references("service")
            t.column("capacity", .integer).notNull().check { $0 >= 0 }
            // The first session of a weekly series (itself for the first); nil for a single one.
            t.column("series_id", .integer).references("group_session")
        }
        try db.create(table: "group_enrollment", options: [.withoutRowID]) { t in
            t.column("session_id", .integer).notNull().references("group_session", onDelete: .cascade)
            t.column("visitor_id", .integer).notNull().references("visitor")
            t.column("waitlisted", .boolean).notNull()
            // Order of arrival in its list (enrolled, or waitlist); a promotion takes the next number.
            t.column("seq", .integer).notNull()
            t.column("at", .integer).notNull()
            t.primaryKey(["session_id", "visitor_id"])
        }
        try db.create(index: "group_enrollment_by_visitor", on: "group_enrollment", columns: ["visitor_id"])

        try db.create(table: "appointment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("visitor_id", .integer).references("visitor")
            t.column("group_session_id", .integer).unique().references("group_session")
            t.column("service_id", .text).notNull().references("service")
            t.column("counselor_id", .integer).notNull().references("counselor")
            t.column("room_id", .integer).notNull().references("room")
            t.column("start_at", .integer).notNull()
            t.column("end_at", .integer).notNull()
            t.column("status", .text).notNull().defaults(to: "booked")
                .check { ["booked", "checked_in", "in_session", "completed", "cancelled", "no_show"].contains($0) }
            t.column("cancel_reason", .text)
            t.column("interpreter_language", .text)
            t.column("note", .text).notNull().defaults(to: "")
            t.column("created_by", .text).notNull()
            t.column("created_at", .integer).notNull()
            t.check(sql: "start_at < end_at AND end_at - start_at <= \(maxAppointmentMillis)")
            t.check(sql: "(visitor_id IS NULL) <> (group_session_id IS NULL)")
        }
        // Window queries: `start_at >= ? - max AND start_at < ? AND end_at > ?`, per resource.
        try db.create(index: "appointment_by_start", on: "appointment", columns: ["start_at"])
        try db.create(index: "appointment_by_counselor", on: "appointment", columns: ["counselor_id", "start_at"])
        try db.create(index: "appointment_by_room", on: "appointment", columns: ["room_id", "start_at"])
        try db.create(index: "appointment_by_visitor", on: "appointment", columns: ["visitor_id", "start_at"])
    }
}
