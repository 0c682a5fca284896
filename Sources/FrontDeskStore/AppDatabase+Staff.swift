import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase: StaffRepository {
    // MARK: Accounts

    /// Adds a staff login with a hashed PIN and writes a `staff.added` event, in one IMMEDIATE
    /// transaction. The hash is computed before the transaction (it takes ~200 ms).
    ///
    /// - Parameters:
    ///   - counselorId: required for a counselor, refused for the other roles.
    ///   - iterations: the PBKDF2 cost; tests only lower it (`PINHash.testIterations`).
    /// - Throws: `StaffError.invalidPIN`, `.nameMissing`, `.nameTaken`, `.counselorLink`,
    ///   `.counselorAlreadyLinked`; `SchedulingError.counselorNotFound`.
    @discardableResult
    public func addStaff(name: String, role: StaffRole, counselorId: Int64? = nil, pin: String,
                         iterations: Int, by actor: Actor, at now: Date) throws -> StaffMember {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !name.isEmpty else { throw StaffError.nameMissing }
        guard PIN.isValid(pin) else { throw StaffError.invalidPIN }
        guard (role == .counselor) == (counselorId != nil) else { throw StaffError.counselorLink(role) }
        let hash = try PINHash.make(pin: pin, iterations: iterations)
        return try writer.write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM staff WHERE name = ? COLLATE NOCASE", arguments: [name]) != nil {
                throw StaffError.nameTaken(name)
            }
            if let counselorId {
                let counselor = try Self.counselor(db, id: counselorId)
                if try Row.fetchOne(db, sql: "SELECT 1 FROM staff WHERE counselor_id = ?", arguments: [counselorId]) != nil {
                    throw StaffError.counselorAlreadyLinked(counselor.name)
                }
            }
            try db.execute(sql: """
                INSERT INTO staff (name, role, counselor_id, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [name, role.rawValue, counselorId, hash.encoded, now.epochMilliseconds])
            let id = db.lastInsertedRowID
            try Self.audit(db, .staffAdded, entity: "staff", entityId: id, detail: "role \(role.rawValue)", by: actor, at: now)
            return StaffMember(id: id, name: name, role: role, counselorId: counselorId)
        }
    }

    /// `addStaff` at the default PBKDF2 cost (`PINHash.defaultIterations`).
    @discardableResult
    public func addStaff(name: String, role: StaffRole, counselorId: Int64? = nil, pin: String, by actor: Actor,
                         at now: Date) throws -> StaffMember {
        try addStaff(name: name, role: role, counselorId: counselorId, pin: pin, iterations: PINHash.defaultIterations, by: actor, at: now)
    }

    /// Creates the first admin of a database that has no staff at all (the TUI's first run).
    /// - Throws: `StaffError.invalidPIN`, `.nameMissing`; `AccessError.notAllowed` when any
    ///   staff member exists already (two terminals on a first run: one wins).
    public func addFirstAdmin(name: String, pin: String, by actor: Actor, at now: Date) throws -> StaffMember {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !name.isEmpty else { throw StaffError.nameMissing }
        guard PIN.isValid(pin) else { throw StaffError.invalidPIN }
        let hash = try PINHash.make(pin: pin)
        return try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff") == 0 else {
                throw AccessError.notAllowed("staff exist already: sign in instead")
            }
            try db.execute(sql: "INSERT INTO staff (name, role, pin_hash, created_at) VALUES (?, 'admin', ?, ?)",
                           arguments: [name, hash.encoded, now.epochMilliseconds])
            let id = db.lastInsertedRowID
            try Self.audit(db, .staffAdded, entity: "staff", entityId: id, detail: "role admin (first run)", by: actor, at: now)
            return StaffMember(id: id, name: name, role: .admin)
        }
    }

    /// Staff logins by name (case-insensitive); disabled ones too when asked.
    public func staff(includeInactive: Bool = false) throws -> [StaffMember] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, name, role, counselor_id, active FROM staff \(includeInactive ? "" : "WHERE active")
                ORDER BY name COLLATE NOCASE
                """).map(Self.staffMember)
        }
    }

    /// One login by name (case-insensitive), active or not.
    public func staff(named name: String) throws -> StaffMember? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, name, role, counselor_id, active FROM staff WHERE name = ? COLLATE NOCASE",
                             arguments: [name.trimmingCharacters(in: .whitespaces)]).map(Self.staffMember)
        }
    }

    /// Disables a login (it stays for the audit trail) and writes `staff.disabled`.
    /// - Throws: `StaffError.notFound`, `.lastAdmin`.
    public func disableStaff(named name: String, by actor: Actor, at now: Date) throws {
        try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, name, role, counselor_id, active FROM staff WHERE name = ? COLLATE NOCASE",
                                             arguments: [name]) else { throw StaffError.notFound(name) }
            let member = Self.staffMember(row)
            if member.role == .admin, member.active,
               try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff WHERE role = 'admin' AND active") ?? 0 <= 1 {
                throw StaffError.lastAdmin
            }
            try db.execute(sql: "UPDATE staff SET active = 0 WHERE id = ?", arguments: [member.id])
            try Self.audit(db, .staffDisabled, entity: "staff", entityId: member.id, detail: "role \(member.role.rawValue)", by: actor, at: now)
        }
    }

    /// Sets a new PIN, clears the failure count and any lock, re-enables the login, and writes
    /// `staff.pin_reset`. - Throws: `StaffError.invalidPIN`, `.notFound`.
    public func resetPIN(named name: String, pin: String, by actor: Actor, at now: Date) throws {
        try resetPIN(named: name, pin: pin, iterations: PINHash.defaultIterations, by: actor, at: now)
    }

    /// `resetPIN` at a chosen PBKDF2 cost (tests lower it: `PINHash.testIterations`).
    public func resetPIN(named name: String, pin: String, iterations: Int, by actor: Actor, at now: Date) throws {
        guard PIN.isValid(pin) else { throw StaffError.invalidPIN }
        let hash = try PINHash.make(pin: pin, iterations: iterations)
        try writer.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM staff WHERE name = ? COLLATE NOCASE", arguments: [name]) else {
                throw StaffError.notFound(name)
            }
            try db.execute(sql: "UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL, active = 1 WHERE id = ?",
                           arguments: [hash.encoded, id])
            try Self.audit(db, .staffPINReset, entity: "staff", entityId: id, detail: "", by: actor, at: now)
        }
    }

    // MARK: Sign-in

    /// Checks a PIN and records the attempt.
    ///
    /// The hash is checked outside any transaction; then one IMMEDIATE transaction re-reads the
    /// count and the lock (another terminal may have moved them), stores the new count or the
    /// lock (`SignInPolicy`: 5 failures → locked 5 minutes) and writes the audit row
    /// (`staff.signed_in`, `staff.sign_in_failed`, `staff.locked`, `kiosk.quit_authorized`), so
    /// both survive a restart. A locked account refuses even the right PIN until the lock ends.
    /// - Parameter terminal: the terminal it is typed at, for the audit row.
    /// - Returns: the signed-in member.
    /// - Throws: `SignInError` (`.unknownStaff`, `.disabled`, `.locked(until:)`,
    ///   `.wrongPIN(remaining:)`, `.roleNotAllowed` for a kiosk quit by another role).
    public func signIn(staffId: Int64, pin: String, purpose: SignInPurpose = .session, terminal: String,
                       at now: Date) throws -> StaffMember {
        let read = try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, name, role, counselor_id, active, pin_hash, locked_until FROM staff WHERE id = ?",
                             arguments: [staffId])
        }
        guard let read else { throw SignInError.unknownStaff }
        let member = Self.staffMember(read)
        guard member.active else { throw SignInError.disabled }
        let matches = PINHash(encoded: read["pin_hash"])?.verify(pin) ?? false
        let actor = Actor(name: member.name, terminal: terminal)
        let outcome: Result<StaffMember, SignInError> = try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT failed_attempts, locked_until FROM staff WHERE id = ?",
                                             arguments: [staffId]) else { return .failure(.unknownStaff) }
            let lockedUntil: Int64? = row["locked_until"]
            if let lockedUntil, lockedUntil > now.epochMilliseconds {
                try Self.audit(db, .signInFailed, entity: "staff", entityId: staffId, detail: "locked", by: actor, at: now)
                return .failure(.locked(until: Date(epochMilliseconds: lockedUntil)))
            }
            if matches {
                try db.execute(sql: "UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?", arguments: [staffId])
                if purpose == .kioskQuit {
                    guard member.role.mayQuitKiosk else {
                        try Self.audit(db, .signInFailed, entity: "staff", entityId: staffId, detail: "kiosk quit refused: role \(member.role.rawValue)", by: actor, at: now)
                        return .failure(.roleNotAllowed(member.role))
                    }
                    try Self.audit(db, .kioskQuitAuthorized, entity: "staff", entityId: staffId, detail: "role \(member.role.rawValue)", by: actor, at: now)
                } else {
                    try Self.audit(db, .signedIn, entity: "staff", entityId: staffId, detail: "role \(member.role.rawValue)", by: actor, at: now)
                }
                return .success(member)
            }
            let next = SignInPolicy.afterFailure(previousFailures: row["failed_attempts"], at: now)
            try db.execute(sql: "UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                           arguments: [next.failures, next.lockedUntil?.epochMilliseconds, staffId])
            try Self.audit(db, .signInFailed, entity: "staff", entityId: staffId, detail: "wrong PIN", by: actor, at: now)
            if let until = next.lockedUntil {
                try Self.audit(db, .staffLocked, entity: "staff", entityId: staffId,
                               detail: "\(SignInPolicy.maxFailures) wrong PINs", by: actor, at: now)
                return .failure(.locked(until: until))
            }
            return .failure(.wrongPIN(remaining: SignInPolicy.maxFailures - next.failures))
        }
        return try outcome.get()
    }

    /// Writes `staff.signed_out` (the kiosk locked itself, or the member signed out).
    public func recordSignOut(_ member: StaffMember, reason: String, terminal: String, at now: Date) throws {
        try writer.write { db in
            try Self.audit(db, .signedOut, entity: "staff", entityId: member.id, detail: reason,
                           by: Actor(name: member.name, terminal: terminal), at: now)
        }
    }

    static func staffMember(_ r: Row) -> StaffMember {
        StaffMember(id: r["id"], name: r["name"], role: StaffRole(rawValue: r["role"]) ?? .receptionist,
                    counselorId: r["counselor_id"], active: r["active"])
    }
}
