import Foundation

/// Staff logins and sign-in. Implemented by FrontDeskStore over SQLite; kept free of any
/// database type so that another store can implement it too. PIN hashes never leave the store.
///
/// Instants (`Date`) are UTC. Every write records an audit event in its own transaction.
public protocol StaffRepository: Sendable {
    /// Staff logins by name (case-insensitive); disabled ones too when asked.
    func staff(includeInactive: Bool) throws -> [StaffMember]

    /// One login by name (case-insensitive), active or not.
    func staff(named name: String) throws -> StaffMember?

    /// Adds a staff login with a hashed PIN and writes `staff.added`.
    /// - Parameter counselorId: required for a counselor, refused for the other roles.
    /// - Throws: `StaffError.invalidPIN`, `.nameMissing`, `.nameTaken`, `.counselorLink`,
    ///   `.counselorAlreadyLinked`; `SchedulingError.counselorNotFound`.
    @discardableResult
    func addStaff(name: String, role: StaffRole, counselorId: Int64?, pin: String, by actor: Actor, at now: Date) throws -> StaffMember

    /// Creates the first admin of a store that has no staff at all (the TUI's first run).
    /// - Throws: `StaffError.invalidPIN`, `.nameMissing`; `AccessError.notAllowed` when any
    ///   staff member exists already (two terminals on a first run: one wins).
    func addFirstAdmin(name: String, pin: String, by actor: Actor, at now: Date) throws -> StaffMember

    /// Disables a login (it stays for the audit trail) and writes `staff.disabled`.
    /// - Throws: `StaffError.notFound`, `.lastAdmin`.
    func disableStaff(named name: String, by actor: Actor, at now: Date) throws

    /// Sets a new PIN, clears the failure count and any lock, re-enables the login, and writes
    /// `staff.pin_reset`. - Throws: `StaffError.invalidPIN`, `.notFound`.
    func resetPIN(named name: String, pin: String, by actor: Actor, at now: Date) throws

    /// Checks a PIN and records the attempt and its outcome (`SignInPolicy`: five wrong PINs
    /// lock the login for five minutes; the count and the lock survive a restart).
    /// - Parameter terminal: the terminal it is typed at, for the audit row.
    /// - Returns: the signed-in member.
    /// - Throws: `SignInError` (`.unknownStaff`, `.disabled`, `.locked(until:)`,
    ///   `.wrongPIN(remaining:)`, `.roleNotAllowed` for a kiosk quit by another role).
    func signIn(staffId: Int64, pin: String, purpose: SignInPurpose, terminal: String, at now: Date) throws -> StaffMember

    /// Writes `staff.signed_out` (the member signed out, the kiosk locked itself, or the
    /// program quit with a session open); `reason` says which.
    func recordSignOut(_ member: StaffMember, reason: String, terminal: String, at now: Date) throws
}

extension StaffRepository {
    /// The active staff logins, by name.
    public func staff() throws -> [StaffMember] { try staff(includeInactive: false) }
}
