import GRDB

extension AppDatabase {
    /// The schema's migrations, in order. **Append-only**: a migration that has shipped is never
    /// edited or removed; change the schema by appending a new one. A database that holds a
    /// migration identifier this list lacks was written by a newer FrontDesk and is refused.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
            try createServiceTable(db)
            try createVisitorTables(db)
            try createVisitTable(db)
            try createAuditTable(db)
        }
        migrator.registerMigration(schedulingMigration, migrate: createSchedulingTables)
        migrator.registerMigration(reportingMigration, migrate: createReportingIndexes)
        migrator.registerMigration(accessMigration, migrate: createAccessTables)
        migrator.registerMigration(deliveredServicesMigration, migrate: createDeliveredServices)
        migrator.registerMigration(deskLockMigration) { db in
            try db.alter(table: "center_setting") { t in
                t.add(column: "desk_lock_min", .integer).notNull().defaults(to: 2).check { $0 >= 1 && $0 <= 60 }
            }
        }
        migrator.registerMigration(internationalPhonesMigration) { db in
            try storePhonesInInternationalForm(db)
        }
        migrator.registerMigration(scriptSkeletonMigration) { db in
            try reindexSearchTerms(db)
        }
        migrator.registerMigration(groupArrivalsMigration) { db in
            // When the desk marked a seated visitor arrived for their group session (UTC ms).
            try db.alter(table: "group_enrollment") { t in t.add(column: "arrived_at", .integer) }
        }
        migrator.registerMigration(namePairsMigration) { db in
            try reindexSearchTerms(db)
        }
        migrator.registerMigration(auditChainMigration, migrate: chainAuditTrail)
        migrator.registerMigration(programsMigration, migrate: createProgramTables)
        migrator.registerMigration(skeletonPairsJoinedMigration) { db in
            try reindexSearchTerms(db)
        }
        migrator.registerMigration(programAttributionMigration, migrate: attributeServicesToPrograms)
        migrator.registerMigration(ageAtServiceMigration, migrate: storeAgesAtServices)
        return migrator
    }

    /// The schema version this binary writes: how many migrations it knows (15: visitors,
    /// scheduling, reporting indexes, staff logins, delivered services, desk lock time, phones
    /// in international form, skeletons of names in other scripts apart, group arrivals, name
    /// pairs both ways and across scripts, the audit trail's hash chain, programs, skeleton
    /// pairs with joined words and vowel heads, services attributed to programs, ages at each
    /// service).
    /// A file made by an older FrontDesk has fewer; the benchmark names its cached demo files by
    /// it, so that a schema change makes new ones.
    public static var schemaVersion: Int { migrator.migrations.count }

    /// The admin's desk lock time (`CenterSettings.deskLockMinutes`), default 2 minutes.
    static let deskLockMigration = "v6: desk lock minutes in the center settings"

    /// Stored phones re-normalized to their international form (`PhoneNumber.international`).
    static let internationalPhonesMigration = "v7: phones in international form"

    /// Each seated visitor of a group session marked arrived on their own.
    static let groupArrivalsMigration = "v9: arrivals of group session seats"

    /// Name pairs indexed for each word with every later one, and at the skeleton level
    /// (`SearchTermKind.skeletonPair`, `scriptSkeletonPair`): every visitor indexed again
    /// (`reindexSearchTerms`). A name typed family name first is looked up with its words
    /// swapped, so no pair is stored the other way round (the identifier, written before that
    /// was settled, says "both ways"; migrations are never renamed).
    static let namePairsMigration = "v10: name pairs both ways and across scripts"

    /// Skeleton pairs also with a later word joined to the next (`lhlb` of Al-Halabi) and, for
    /// names with a word of another script, with a first word's vowel head (`ay~l` of إيمان
    /// العلوي): every visitor indexed again (`reindexSearchTerms`).
    static let skeletonPairsJoinedMigration = "v13: skeleton pairs with joined words and vowel heads"

    /// The first migration's identifier: its presence marks a FrontDesk database.
    static let firstMigration = "v1: visitors, services, queue, audit"

    private static func createServiceTable(_ db: Database) throws {
        try db.create(table: "service") { t in
            t.primaryKey("id", .text)
            t.column("name_fr", .text).notNull()
            t.column("name_en", .text).notNull()
            t.column("category", .text).notNull()
                .check { ["psychological", "social", "professional"].contains($0) }
            t.column("duration_min", .integer).notNull().check { $0 > 0 }
            t.column("group_capacity", .integer).check { $0 == nil || $0 > 0 }
            t.column("active", .boolean).notNull().defaults(to: true)
        }
    }

    private static func createVisitorTables(_ db: Database) throws {
        try db.create(table: "visitor") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code_year", .integer).notNull()
            t.column("code_number", .integer).notNull().check { $0 > 0 }
            t.uniqueKey(["code_year", "code_number"])
            t.column("given_name", .text).notNull().check { length($0) > 0 }
            t.column("family_name", .text).notNull()
            t.column("sex", .text).notNull().check { ["female", "male", "other", "unspecified"].contains($0) }
            t.column("birth_year", .integer)
            t.column("nationality", .text).notNull()
            t.column("languages", .text).notNull()
            t.column("status", .text).notNull()
                .check { ["refugee", "asylum_seeker", "migrant", "moroccan_national", "other"].contains($0) }
            t.column("phone", .text)
            t.column("phone_digits", .text)
            t.column("consent_at", .integer).notNull()
            t.column("consent_services", .boolean).notNull().check { $0 == true }
            t.column("consent_reporting", .boolean).notNull()
            t.column("created_at", .integer).notNull()
            t.column("updated_at", .integer).notNull()
            t.column("archived", .boolean).notNull().defaults(to: false)
            t.column("given_key", .text).notNull()
            t.column("family_key", .text).notNull()
            // Every search term of the visitor, ` w:aissatou s:st p:0612345678 c:2026-00042 `
            // (see `SearchTextColumn`): checks a candidate against the other words of a query
            // with `instr`, and lists the index rows to delete when the visitor changes.
            t.column("search_text", .text).notNull()
        }

        // Folded words, skeletons, phone digit runs and codes of each visitor, searched by
        // prefix with a range on the primary key: `kind = ? AND term >= ? AND term < ?`. The key
        // goes on with the visitor's sort key (folded family then given name), so the matches of
        // a word come out of the index already in display order and a search reads only as many
        // rows as it shows.
        try db.create(table: "visitor_search_term", options: [.withoutRowID]) { t in
            t.column("kind", .integer).notNull()
            t.column("term", .text).notNull()
            t.column("sort_key", .text).notNull()
            // Visitors are never deleted (records are archived), so no index on visitor_id:
            // a visitor's rows are found from `visitor.search_text` and their key.
            t.column("visitor_id", .integer).notNull().references("visitor")
            t.primaryKey(["kind", "term", "sort_key", "visitor_id"])
        }
    }

    private static func createVisitTable(_ db: Database) throws {
        try db.create(table: "visit") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("visitor_id", .integer).notNull().references("visitor")
            t.column("category", .text).notNull()
                .check { ["psychological", "social", "professional"].contains($0) }
            t.column("day", .text).notNull().check { length($0) == 10 }
            t.column("ticket_number", .integer).notNull().check { $0 > 0 }
            t.column("arrived_at", .integer).notNull()
            t.column("called_at", .integer)
            t.column("called_by", .text)
            t.column("left_at", .integer)
            t.column("outcome", .text).check { $0 == nil || ["seen", "left_unseen", "redirected"].contains($0) }
            // Tickets never repeat within a day and category; also the index of day queries.
            t.uniqueKey(["day", "category", "ticket_number"])
        }
        // At most one open visit per visitor, whatever the code above does.
        try db.create(index: "visit_one_open_per_visitor", on: "visit", columns: ["visitor_id"],
                      options: [.unique], condition: Column("outcome") == nil)
        try db.create(index: "visit_by_visitor", on: "visit", columns: ["visitor_id", "arrived_at"])
    }

    private static func createAuditTable(_ db: Database) throws {
        try db.create(table: "audit_event") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .integer).notNull()
            t.column("actor_name", .text).notNull()
            t.column("actor_terminal", .text).notNull()
            t.column("action", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("entity_id", .integer)
            t.column("detail", .text).notNull()
        }
        try db.create(index: "audit_event_by_entity", on: "audit_event", columns: ["entity", "entity_id"])
        // Append-only: the trail cannot be edited or pruned through SQL.
        try db.execute(sql: """
            CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
            CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
            """)
    }
}
