import Foundation

/// Who is acting: a signed-in staff member in the TUI, or on the command line the operating-system
/// user who owns the database file (README "Access"), at a terminal.
public struct Actor: Hashable, Sendable {
    /// Staff name or login.
    public var name: String
    /// The terminal or desk it acts from (`/dev/pts/3`, `kiosk-1`).
    public var terminal: String

    public init(name: String, terminal: String) {
        self.name = name
        self.terminal = terminal
    }
}

/// What an audited action was.
public enum AuditAction: String, Codable, Sendable, CaseIterable {
    case visitorRegistered = "visitor.registered"
    /// A registration resembled an existing record and the member said it is that person:
    /// nothing new was stored (`DuplicateRule`).
    case visitorDuplicateChosen = "visitor.duplicate_chosen"
    case visitorUpdated = "visitor.updated"
    case visitorOpened = "visitor.opened"
    case visitCheckedIn = "visit.checked_in"
    case visitCalled = "visit.called"
    case visitClosed = "visit.closed"
    case catalogLoaded = "catalog.loaded"
    case appointmentBooked = "appointment.booked"
    case appointmentRescheduled = "appointment.rescheduled"
    case appointmentCancelled = "appointment.cancelled"
    case appointmentStatusChanged = "appointment.status_changed"
    /// A status set outside the lifecycle; the detail holds before → after and the reason.
    case appointmentStatusCorrected = "appointment.status_corrected"
    case counselorSaved = "counselor.saved"
    case counselorRemoved = "counselor.removed"
    case roomSaved = "room.saved"
    case roomRemoved = "room.removed"
    /// A program of the catalog added or changed (its id in the detail).
    case programSaved = "program.saved"
    /// The program an appointment or a walk-in counts for, chosen by staff instead of the rule
    /// (the program's id, or "by rule", in the detail).
    case programChosen = "program.chosen"
    case closureSaved = "closure.saved"
    case closureRemoved = "closure.removed"
    case absenceSaved = "absence.saved"
    case absenceRemoved = "absence.removed"
    case serviceSaved = "service.saved"
    case settingsSaved = "settings.saved"
    case groupSessionScheduled = "group_session.scheduled"
    case groupEnrolled = "group_session.enrolled"
    case groupWaitlisted = "group_session.waitlisted"
    case groupEnrollmentCancelled = "group_session.enrollment_cancelled"
    /// The first on a waitlist got the seat a cancellation freed.
    case groupPromoted = "group_session.promoted"
    /// An enrolled visitor marked arrived for their group session, at the desk.
    case groupArrived = "group_session.arrived"
    /// The counselor wrote or changed their notes on an appointment (the text is not in the trail).
    case appointmentNoteSaved = "appointment.note_saved"
    /// The counselor's notes on an appointment were read (shown on the command line, opened on
    /// the schedule screen); the text is not in the trail.
    case appointmentNoteRead = "appointment.note_read"
    case staffAdded = "staff.added"
    case staffDisabled = "staff.disabled"
    case staffPINReset = "staff.pin_reset"
    case signedIn = "staff.signed_in"
    case signInFailed = "staff.sign_in_failed"
    /// Five wrong PINs in a row: the login is locked for five minutes.
    case staffLocked = "staff.locked"
    case signedOut = "staff.signed_out"
    /// A coordinator's or admin's PIN ended a kiosk session.
    case kioskQuitAuthorized = "kiosk.quit_authorized"
    /// A visitor's data was exported for them (`frontdesk visitors export`).
    case visitorExported = "visitor.exported"
    /// An inactive visitor's personal data was replaced (`frontdesk privacy purge`).
    case visitorAnonymized = "visitor.anonymized"
    case backupTaken = "database.backup"
    /// The database was replaced by a backup (`frontdesk restore`); written into the restored file.
    case databaseRestored = "database.restored"
}

/// One line of the append-only audit trail: who did what to which record, when (UTC).
public struct AuditEvent: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var at: Date
    public var actor: Actor
    public var action: AuditAction
    /// The table of the record (`visitor`, `visit`).
    public var entity: String
    public var entityId: Int64?
    /// A short, name-free description (`ticket S-014`).
    public var detail: String

    public init(id: Int64, at: Date, actor: Actor, action: AuditAction, entity: String, entityId: Int64?, detail: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.detail = detail
    }
}

/// Which audit events to list (`frontdesk audit`); every part is optional.
public struct AuditFilter: Hashable, Sendable {
    /// Events about this visitor: their record, their visits and their appointments.
    public var visitorId: Int64?
    /// Events by this actor (staff name or command-line user), case-insensitive.
    public var actorName: String?
    /// `[from, to)` in UTC; nil for no bound.
    public var from: Date?
    public var to: Date?

    public init(visitorId: Int64? = nil, actorName: String? = nil, from: Date? = nil, to: Date? = nil) {
        self.visitorId = visitorId
        self.actorName = actorName
        self.from = from
        self.to = to
    }
}

// MARK: The hash chain

/// The end of the audit trail's hash chain: the last row's id and its hash (SHA-256, 32 bytes).
///
/// Kept outside the table (in each backup, printed by `frontdesk audit verify`), it lets a later
/// check see that rows up to it were changed, removed or replaced, even when whoever did it
/// recomputed the chain. An empty trail's head is row 0 with the chain's fixed starting hash.
public struct AuditChainHead: Hashable, Sendable, CustomStringConvertible {
    /// The last row's id; 0 for an empty trail.
    public var lastId: Int64
    /// The last row's hash: 32 bytes.
    public var hash: [UInt8]

    public init(lastId: Int64, hash: [UInt8]) {
        self.lastId = lastId
        self.hash = hash
    }

    /// Parses `ID:HASH`, as `description` writes it: a row id (0 or more) and 64 hexadecimal
    /// digits, either case. Nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = Int64(parts[0]), id >= 0, parts[1].utf8.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var digits = parts[1].makeIterator()
        while let high = digits.next(), let low = digits.next() {
            guard let h = high.hexDigitValue, let l = low.hexDigitValue, high.isASCII, low.isASCII else { return nil }
            bytes.append(UInt8(h << 4 | l))
        }
        guard bytes.count == 32 else { return nil }
        self.init(lastId: id, hash: bytes)
    }

    /// The hash as 64 lowercase hexadecimal digits.
    public var hashHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(hash.count * 2)
        for byte in hash { out += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        return String(decoding: out, as: UTF8.self)
    }

    /// `ID:HASH` (`685:5f3c…`, 64 hexadecimal digits): what `init?(_:)` and
    /// `frontdesk audit verify --expect-head` read back.
    public var description: String { "\(lastId):\(hashHex)" }
}

/// What is wrong at the first bad row of the audit trail (`AuditChainVerdict.broken`).
public enum AuditChainProblem: Hashable, Sendable {
    /// The row carries no 32-byte hash: it was written outside FrontDesk.
    case unhashed
    /// The row's hash does not follow from its fields and the previous row's hash: it was
    /// changed, or forged.
    case changed
    /// Rows `firstMissing` up to the row's id − 1 are absent: removed, or this row was inserted
    /// out of order with an id that skips them.
    case missingBefore(firstMissing: Int64)
    /// The row's id is not after the previous row's (a first row numbered 0 or less): inserted
    /// out of order; `expectedId` was due here.
    case outOfOrder(expectedId: Int64)
    /// The chain is whole but this row, the expected head's, has another hash: the trail up to
    /// it was rewritten and the chain recomputed.
    case differsFromHead
    /// The chain is whole but this row differs from the same row in the backup: changed or
    /// replaced, and the chain recomputed after it.
    case differsFromBackup
    /// The trail ends at `lastId` (0: no row at all) before the expected head's `expectedLastId`:
    /// rows were removed at the end. The row named is `lastId + 1`, the first one missing.
    case truncated(lastId: Int64, expectedLastId: Int64)
}

/// The outcome of walking the audit trail's hash chain (`AuditRepository.verifyAuditChain`).
public enum AuditChainVerdict: Hashable, Sendable {
    /// Every row follows from the one before; `rowCount` rows were checked.
    case intact(head: AuditChainHead, rowCount: Int)
    /// The first bad row (in id order) and what is wrong with it.
    case broken(rowId: Int64, problem: AuditChainProblem)
}

/// Why a backup cannot serve as the reference of `verifyAuditChain(againstBackupAt:)`.
public enum AuditChainError: Error, Equatable, Sendable {
    /// No file at this path.
    case backupNotFound(String)
    /// The file holds no hashed audit trail: not a FrontDesk database, or one made before the
    /// trail was chained (schema version 11).
    case backupHoldsNoChain(String)
    /// The backup's own trail is broken at this row: it cannot vouch for another.
    case backupTrailBroken(String, rowId: Int64, problem: AuditChainProblem)

    /// A one-line English explanation.
    public var message: String {
        switch self {
        case .backupNotFound(let path): "no backup at \(path)"
        case .backupHoldsNoChain(let path):
            "\(path) holds no hashed audit trail (not a FrontDesk backup, or made before the trail was chained)"
        case .backupTrailBroken(let path, let rowId, _):
            "the backup \(path) has its own audit trail broken at row \(rowId): it cannot vouch for this database"
        }
    }
}
