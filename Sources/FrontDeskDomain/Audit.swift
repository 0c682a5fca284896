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
