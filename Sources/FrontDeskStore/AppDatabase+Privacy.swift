import Foundation
import FrontDeskDomain
import GRDB
import SystemPackage

extension AppDatabase: PrivacyRepository {
    /// Reads one visitor's record, visits and appointments in one IMMEDIATE transaction that
    /// also writes a `visitor.exported` event (an export is an opening of the record).
    /// - Parameter includeCounselorNotes: counselors' notes are left out unless asked.
    /// - Throws: `StoreError.visitorNotFound`.
    public func exportVisitor(id: Int64, includeCounselorNotes: Bool, by actor: Actor, at now: Date) throws -> VisitorRecordExport {
        try writer.write { db in
            guard let record = try VisitorRecord.fetchOne(db, key: id) else { throw StoreError.visitorNotFound(id) }
            let visits = try VisitRecord.filter(VisitRecord.Columns.visitorId == id)
                .order(VisitRecord.Columns.arrivedAt.desc, VisitRecord.Columns.id.desc).fetchAll(db).map(\.visit)
            var appointments = try Self.listings(db, where: """
                (a.visitor_id = ? OR a.group_session_id IN (SELECT session_id FROM group_enrollment WHERE visitor_id = ?))
                """, arguments: [id, id], order: "a.start_at DESC, a.id DESC", calendar: calendar, viewer: .fileOwner)
            for i in appointments.indices {
                if let sessionId = appointments[i].appointment.groupSessionId {
                    appointments[i].place = try Self.session(db, id: sessionId).place(of: id)
                }
                // A group session's notes are about the group, not this person.
                if !includeCounselorNotes || appointments[i].appointment.visitorId != id { appointments[i].appointment.counselorNote = nil }
            }
            try Self.audit(db, .visitorExported, entity: "visitor", entityId: id,
                           detail: "code \(record.code)\(includeCounselorNotes ? ", with counselor notes" : "")", by: actor, at: now)
            return VisitorRecordExport(visitor: record.visitor, visits: visits, appointments: appointments)
        }
    }

    /// Anonymizes visitors with no activity for `years` calendar years before `now` (center
    /// time): no visit, appointment, group place, registration or change since then.
    ///
    /// Names become "anonymized", phone, full birth date and search keys are removed (so search
    /// no longer finds them), booking and counselors' notes on their appointments are emptied,
    /// and the record is archived. Sex, birth year, nationality, languages, legal status,
    /// consent and every visit and appointment row stay, so aggregate counts (occupancy,
    /// reports) do not change, but for ages: without the full date, the age at each of their
    /// services is the one reached in its year (`Age.years`), which can move a service of the
    /// weeks before a birthday into the next band. One
    /// IMMEDIATE transaction with a `visitor.anonymized` event per visitor; nothing is written in
    /// a dry run. Visitors already anonymized are skipped.
    /// - Throws: `AccessError.notAllowed` when `years` < 1.
    public func purgeInactiveVisitors(years: Int, dryRun: Bool, by actor: Actor, at now: Date) throws -> PurgeResult {
        guard years >= 1 else { throw AccessError.notAllowed("--inactive-years must be at least 1") }
        let today = calendar.localDate(of: now)
        // The same calendar day `years` earlier (29 February becomes the 28th).
        let cutDay = LocalDate(year: today.year - years, month: today.month, day: today.month == 2 && today.day == 29 ? 28 : today.day)
        let cut = calendar.startOfDay(cutDay).epochMilliseconds
        let candidatesSQL = """
            SELECT v.id FROM visitor v
            WHERE v.anonymized_at IS NULL AND v.updated_at < :cut AND v.created_at < :cut
              AND NOT EXISTS (SELECT 1 FROM visit x WHERE x.visitor_id = v.id AND x.arrived_at >= :cut)
              AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.visitor_id = v.id AND a.end_at >= :cut)
              AND NOT EXISTS (SELECT 1 FROM group_enrollment e JOIN appointment a ON a.group_session_id = e.session_id
                              WHERE e.visitor_id = v.id AND a.end_at >= :cut)
            ORDER BY v.code_year, v.code_number
            """
        let work: (Database) throws -> [VisitorCode] = { db in
            let ids = try Int64.fetchAll(db, sql: candidatesSQL, arguments: ["cut": cut])
            var codes: [VisitorCode] = []
            let delete = try db.cachedStatement(
                sql: "DELETE FROM visitor_search_term WHERE kind = ? AND term = ? AND sort_key = ? AND visitor_id = ?")
            for id in ids {
                guard let record = try VisitorRecord.fetchOne(db, key: id) else { continue }
                codes.append(record.code)
                if dryRun { continue }
                for row in record.storedIndexedTerms {
                    try delete.execute(arguments: [row.kind, row.term, row.sortKey, row.visitorId])
                }
                try db.execute(sql: """
                    UPDATE visitor SET given_name = 'anonymized', family_name = '', phone = NULL, phone_digits = NULL, birth_date = NULL,
                        given_key = '', family_key = '', search_text = '', archived = 1, anonymized_at = ?, updated_at = ?
                    WHERE id = ?
                    """, arguments: [now.epochMilliseconds, now.epochMilliseconds, id])
                try db.execute(sql: """
                    UPDATE appointment SET note = '', counselor_note = '',
                        cancel_reason = CASE WHEN cancel_reason IS NULL THEN NULL ELSE 'anonymized' END
                    WHERE visitor_id = ?
                    """, arguments: [id])
                try Self.audit(db, .visitorAnonymized, entity: "visitor", entityId: id,
                               detail: "code \(record.code), inactive \(years)+ years", by: actor, at: now)
            }
            return codes
        }
        let codes = dryRun ? try writer.read(work) : try writer.write(work)
        return PurgeResult(codes: codes, inactiveSince: Date(epochMilliseconds: cut))
    }

    /// Copies the database with `backup(to:takenAt:)` (which writes the head of the copy's audit
    /// trail into the copy) and writes a `database.backup` event (the path's file name only).
    public func backup(to path: String, by actor: Actor, at now: Date) throws {
        try backup(to: path, takenAt: now)
        try writer.write { db in
            try Self.audit(db, .backupTaken, entity: "database", entityId: nil,
                           detail: FilePath(path).lastComponent?.string ?? path, by: actor, at: now)
        }
    }

    /// `backup(intoFolder:keep:at:)` with a `database.backup` event (the new file's name and
    /// how many old ones were removed).
    public func backup(intoFolder folder: String, keep: Int?, by actor: Actor, at now: Date) throws -> BackupRotation {
        let rotation = try backup(intoFolder: folder, keep: keep, at: now)
        try writer.write { db in
            let name = FilePath(rotation.written).lastComponent?.string ?? rotation.written
            try Self.audit(db, .backupTaken, entity: "database", entityId: nil,
                           detail: rotation.removed.isEmpty ? name : "\(name), \(rotation.removed.count) older removed",
                           by: actor, at: now)
        }
        return rotation
    }
}

extension AppDatabase {
    /// `searchVisitors(_:limit:)` as `viewer` may see its results: everyone for a
    /// receptionist (and the file owner); for a counselor only their own visitors (an
    /// appointment with them, or a place in one of their group sessions); nobody for roles that
    /// see no person (coordinator, admin).
    ///
    /// A counselor's search reads up to 20 × `limit` matches before keeping their own, so a
    /// very common name may hide one of theirs beyond that: typing more of it finds them.
    public func searchVisitors(_ query: String, limit: Int, as viewer: Viewer) throws -> [Visitor] {
        if viewer.isFileOwner { return try searchVisitors(query, limit: limit) }
        switch Permissions.access(viewer.role, .visitorIdentity) {
        case .visible, .maskedWhenPsychological:
            return try searchVisitors(query, limit: limit)
        case .hidden:
            return []
        case .ownOnly:
            guard let counselorId = viewer.counselorId else { return [] }
            let found = try searchVisitors(query, limit: limit * 20)
            let own = try ownVisitorIds(counselorId: counselorId, among: found.map(\.id))
            return Array(found.filter { own.contains($0.id) }.prefix(limit))
        }
    }

    public func searchVisitors(_ query: String, limit: Int, deskAt now: Date, as viewer: Viewer) throws -> [Visitor] {
        if viewer.isFileOwner { return try searchVisitors(query, limit: limit, deskAt: now) }
        switch Permissions.access(viewer.role, .visitorIdentity) {
        case .visible, .maskedWhenPsychological:
            return try searchVisitors(query, limit: limit, deskAt: now)
        case .hidden, .ownOnly:
            // A counselor's own visitors, as the plain search finds them.
            return try searchVisitors(query, limit: limit, as: viewer)
        }
    }

    /// Of `ids`, those with an appointment with the counselor or a place in their group sessions.
    func ownVisitorIds(counselorId: Int64, among ids: [Int64]) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try writer.read { db in
            let list = ids.map(String.init).joined(separator: ",")
            return Set(try Int64.fetchAll(db, sql: """
                SELECT visitor_id FROM appointment WHERE counselor_id = ? AND visitor_id IN (\(list))
                UNION
                SELECT e.visitor_id FROM group_enrollment e JOIN appointment a ON a.group_session_id = e.session_id
                WHERE a.counselor_id = ? AND e.visitor_id IN (\(list))
                """, arguments: [counselorId, counselorId]))
        }
    }
}
