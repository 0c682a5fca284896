import GRDB

extension AppDatabase {
    /// The third migration's identifier: occupancy and funder reports.
    static let reportingMigration = "v3: reporting indexes"

    /// Indexes that let the occupancy view and the funder report aggregate in SQL without
    /// reading table rows (covering indexes; see `EXPLAIN QUERY PLAN` in the store tests).
    static func createReportingIndexes(_ db: Database) throws {
        // Occupancy (booked minutes per day, counselor and room; counts by service and status)
        // and the report's completed appointments: a range of start_at, everything else inside.
        try db.create(index: "appointment_reporting", on: "appointment",
                      columns: ["start_at", "status", "end_at", "counselor_id", "room_id", "service_id", "visitor_id", "group_session_id"])
        // Walk-ins of a range of days: counts by category and outcome, waits; the report's visits.
        try db.create(index: "visit_reporting", on: "visit",
                      columns: ["day", "category", "outcome", "arrived_at", "called_at", "left_at", "visitor_id"])
        // The report's attributes of each visitor served, without reading the wide visitor row.
        try db.create(index: "visitor_reporting", on: "visitor",
                      columns: ["id", "consent_reporting", "sex", "birth_year", "nationality", "status"])
    }
}
