import GRDB

extension AppDatabase {
    /// The fourth migration's identifier: staff logins, counselor notes.
    static let accessMigration = "v4: staff logins, sign-in lockout, counselor notes"

    /// Tables of staff logins and counselor notes. Instants are INTEGER epoch milliseconds (UTC).
    static func createAccessTables(_ db: Database) throws {
        try db.create(table: "staff") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique().collate(.nocase).check { length($0) > 0 }
            t.column("role", .text).notNull()
                .check { ["receptionist", "counselor", "coordinator", "admin"].contains($0) }
            // A counselor login is linked to its counselor record; the other roles have none.
            t.column("counselor_id", .integer).unique().references("counselor")
            // `PINHash.encoded`: `$pbkdf2-sha256$i=N$salt$hash`, parameters recorded per hash.
            t.column("pin_hash", .text).notNull()
            t.column("active", .boolean).notNull().defaults(to: true)
            // Wrong PINs in a row since the last success or lock; the lock's end (UTC ms).
            // Stored so that the count and the lock survive a restart.
            t.column("failed_attempts", .integer).notNull().defaults(to: 0)
            t.column("locked_until", .integer)
            t.column("created_at", .integer).notNull()
            t.check(sql: "(role = 'counselor') = (counselor_id IS NOT NULL)")
        }
        // When `frontdesk privacy purge` replaced the visitor's personal data (UTC ms); nil before.
        try db.alter(table: "visitor") { t in
            t.add(column: "anonymized_at", .integer)
        }
        // What reports may count: visitors who consented to reporting, without names or contact
        // (consent is honored by reports). Reports read this view, never `visitor`.
        try db.execute(sql: """
            CREATE VIEW reporting_visitor AS
            SELECT id, sex, birth_year, nationality, languages, status, created_at FROM visitor WHERE consent_reporting
            """)
        // The counselor's own notes on a session, apart from the booking note that reception
        // writes; only the appointment's counselor reads them (`Permissions`).
        try db.alter(table: "appointment") { t in
            t.add(column: "counselor_note", .text).notNull().defaults(to: "")
        }
    }
}
