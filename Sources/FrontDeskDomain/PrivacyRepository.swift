import Foundation

/// Everything the center holds about one visitor, for them (`frontdesk visitors export`).
public struct VisitorRecordExport: Sendable {
    public var visitor: Visitor
    /// Walk-in visits, newest first.
    public var visits: [Visit]
    /// Appointments and group places, newest first. Counselors' notes only when asked.
    public var appointments: [AppointmentListing]

    public init(visitor: Visitor, visits: [Visit], appointments: [AppointmentListing]) {
        self.visitor = visitor
        self.visits = visits
        self.appointments = appointments
    }
}

/// What `privacy purge` did or, in a dry run, would do.
public struct PurgeResult: Hashable, Sendable {
    /// The codes of the visitors anonymized (or to anonymize), by code.
    public var codes: [VisitorCode]
    /// The cut-off: no activity at or after this instant (UTC).
    public var inactiveSince: Date

    public init(codes: [VisitorCode], inactiveSince: Date) {
        self.codes = codes
        self.inactiveSince = inactiveSince
    }
}

/// The audit trail: who opened or changed what, and when. Every change writes its own event
/// inside its transaction; this protocol adds the openings and the listing.
public protocol AuditRepository: Sendable {
    /// Writes a `visitor.opened` event: the actor looked at this visitor's record.
    /// - Throws: `StoreError.visitorNotFound`.
    func recordVisitorOpened(id: Int64, by actor: Actor, at now: Date) throws

    /// The audit events that match, oldest first.
    func auditEvents(matching filter: AuditFilter) throws -> [AuditEvent]

    /// Walks the whole trail in id order, checking each row's hash against its fields and the
    /// previous row's hash, and that ids follow one another. With `expectedHead` (a head kept
    /// elsewhere), the trail must still hold that row with that hash: rows removed at the end,
    /// or a trail rewritten up to there, are then found too. Reads only.
    /// - Returns: `.intact` with the head and the number of rows, or `.broken` naming the first
    ///   bad row.
    func verifyAuditChain(expectedHead: AuditChainHead?) throws -> AuditChainVerdict

    /// `verifyAuditChain(expectedHead:)` with a backup of this database as the reference: the
    /// backup's own trail is checked first, then every row up to the backup's head must be here
    /// with the same hash, so the first row changed or replaced since is named even when the
    /// chain was recomputed after it. Reads only; the backup is not changed.
    /// - Throws: `AuditChainError` when the backup is missing, holds no chained trail or has a
    ///   broken one; `StoreError.notADatabase` when it is not SQLite.
    func verifyAuditChain(againstBackupAt path: String) throws -> AuditChainVerdict
}

/// A visitor's rights over their data (export, anonymization after inactivity) and backups.
public protocol PrivacyRepository: Sendable {
    /// Reads one visitor's record, visits and appointments and writes a `visitor.exported`
    /// event, in one transaction (an export is an opening of the record).
    /// - Parameter includeCounselorNotes: counselors' notes are left out unless asked.
    /// - Throws: `StoreError.visitorNotFound`.
    func exportVisitor(id: Int64, includeCounselorNotes: Bool, by actor: Actor, at now: Date) throws -> VisitorRecordExport

    /// Anonymizes visitors with no activity for `years` calendar years before `now` (center
    /// time), keeping every aggregate count; one `visitor.anonymized` event each. Nothing is
    /// written in a dry run. - Throws: `AccessError.notAllowed` when `years` < 1.
    func purgeInactiveVisitors(years: Int, dryRun: Bool, by actor: Actor, at now: Date) throws -> PurgeResult

    /// Copies the whole store to a new file at `path` (a consistent snapshot taken while other
    /// terminals work; never overwrites) and writes a `database.backup` event.
    /// - Throws: `StoreError.cannotCreateFile` when `path` exists, or a store error.
    func backup(to path: String, by actor: Actor, at now: Date) throws

    /// Writes a dated backup into `folder` and removes the oldest of that database's dated
    /// backups there beyond `keep` (nil keeps all); writes a `database.backup` event.
    /// - Throws: as `backup(to:by:at:)`.
    func backup(intoFolder folder: String, keep: Int?, by actor: Actor, at now: Date) throws -> BackupRotation
}

/// A backup written into a folder, the audit trail checked against the previous one, and the
/// older ones removed to keep the folder's count.
public struct BackupRotation: Equatable, Sendable {
    /// The new backup's path.
    public var written: String
    /// Older backups removed (paths, oldest first). None when the audit check failed: the old
    /// backups are then evidence.
    public var removed: [String]
    /// The backup the live audit trail was checked against (the newest before this one, else
    /// this one), and the verdict; nil when that backup holds no chain (made before v11).
    public var auditCheck: (reference: String, verdict: AuditChainVerdict)?

    public init(written: String, removed: [String], auditCheck: (reference: String, verdict: AuditChainVerdict)? = nil) {
        self.written = written
        self.removed = removed
        self.auditCheck = auditCheck
    }

    public static func == (a: BackupRotation, b: BackupRotation) -> Bool {
        a.written == b.written && a.removed == b.removed && a.auditCheck?.reference == b.auditCheck?.reference
            && a.auditCheck?.verdict == b.auditCheck?.verdict
    }
}
