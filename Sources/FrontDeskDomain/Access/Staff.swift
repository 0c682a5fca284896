import Foundation

/// What a staff member does at the center; decides what they may see (`Permissions`).
/// Raw values are the store's column values.
public enum StaffRole: String, CaseIterable, Codable, Sendable, Comparable {
    case receptionist, counselor, coordinator, admin

    public static func < (a: StaffRole, b: StaffRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! // safe: every case is in allCases
    }

    /// True for the roles whose PIN may end a kiosk session.
    public var mayQuitKiosk: Bool { self == .coordinator || self == .admin }
}

/// A staff login: who signs in at a terminal, under a name and a role.
///
/// A counselor's login is linked to their `Counselor` record (`counselorId`), which decides
/// whose schedule is "their own". The PIN hash never leaves the store.
public struct StaffMember: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    /// Shown on the sign-in list and written in the audit trail; unique, case-insensitive.
    public var name: String
    public var role: StaffRole
    /// The counselor record of a counselor login; nil for the other roles.
    public var counselorId: Int64?
    /// A disabled login cannot sign in; it stays for the audit trail.
    public var active: Bool

    public init(id: Int64, name: String, role: StaffRole, counselorId: Int64? = nil, active: Bool = true) {
        self.id = id
        self.name = name
        self.role = role
        self.counselorId = counselorId
        self.active = active
    }

    /// The viewer this login reads data as.
    public var viewer: Viewer { Viewer(role: role, counselorId: counselorId, name: name) }
}

/// Who reads: the role and, for a counselor, their counselor record. Store reads take it and
/// apply `Permissions`: the store enforces them on reads too.
public struct Viewer: Hashable, Sendable {
    public var role: StaffRole
    /// The counselor record of a counselor; nil otherwise.
    public var counselorId: Int64?
    /// For messages and the audit trail.
    public var name: String
    /// True only for `fileOwner`: no staff login can become it, whatever its name or role.
    public let isFileOwner: Bool

    public init(role: StaffRole, counselorId: Int64? = nil, name: String = "") {
        self.init(role: role, counselorId: counselorId, name: name, isFileOwner: false)
    }

    private init(role: StaffRole, counselorId: Int64?, name: String, isFileOwner: Bool) {
        self.role = role
        self.counselorId = counselorId
        self.name = name
        self.isFileOwner = isFileOwner
    }

    /// The command line acting as the operating-system user that owns the 0600 database file:
    /// whoever can read the file can read everything in it, so it reads everything (README
    /// "Access").
    public static let fileOwner = Viewer(role: .admin, counselorId: nil, name: "file owner", isFileOwner: true)
}

/// A PIN: 4 to 8 ASCII digits.
public enum PIN {
    public static let lengths = 4...8

    /// True when `text` is 4–8 ASCII digits.
    public static func isValid(_ text: String) -> Bool {
        lengths.contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The ASCII digit a typed PIN character stands for: an ASCII digit, or an Arabic-Indic
    /// (U+0660–U+0669) or Extended Arabic-Indic (U+06F0–U+06F9) digit as an Arabic keyboard
    /// types them; nil for anything else. "٤٧٢٩" is the PIN 4729.
    public static func digit(_ typed: Character) -> Character? {
        guard typed.unicodeScalars.count == 1, let scalar = typed.unicodeScalars.first else { return nil }
        let value: UInt32
        switch scalar.value {
        case 0x30...0x39: value = scalar.value - 0x30
        case 0x660...0x669: value = scalar.value - 0x660
        case 0x6F0...0x6F9: value = scalar.value - 0x6F0
        default: return nil
        }
        return Character(String(value))
    }

    /// A typed PIN with each digit read as `digit(_:)` reads it (`٤٧٢٩` and `۴۷۲۹` → `4729`);
    /// other characters are kept, so that `isValid` still refuses them.
    public static func normalized(_ typed: String) -> String {
        String(typed.map { digit($0) ?? $0 })
    }
}

/// The lockout rule: after `maxFailures` wrong PINs in a row the account is locked for
/// `lockDuration` seconds (five wrong PINs lock it for 5 minutes). The count and
/// the lock are stored, so they survive a restart.
public enum SignInPolicy {
    public static let maxFailures = 5
    /// Seconds.
    public static let lockDuration: TimeInterval = 5 * 60

    /// After a wrong PIN: the new failure count and, when it reaches `maxFailures`, the instant
    /// (UTC) until which the account is locked; the count then starts again from zero.
    public static func afterFailure(previousFailures: Int, at now: Date) -> (failures: Int, lockedUntil: Date?) {
        let failures = previousFailures + 1
        if failures >= maxFailures { return (0, now.addingTimeInterval(lockDuration)) }
        return (failures, nil)
    }
}

/// What a sign-in is for: opening a session, or a coordinator's or admin's PIN ending a kiosk.
public enum SignInPurpose: Sendable { case session, kioskQuit }

/// Why a sign-in was refused.
public enum SignInError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownStaff
    case disabled
    /// Locked until this instant (UTC) after too many wrong PINs.
    case locked(until: Date)
    /// The PIN did not match; `remaining` tries before the lock.
    case wrongPIN(remaining: Int)
    /// The PIN is right but the role may not do this (ending a kiosk session).
    case roleNotAllowed(StaffRole)

    public var description: String {
        switch self {
        case .unknownStaff: "no such staff member"
        case .disabled: "this login is disabled"
        case .locked(let until): "locked after too many wrong PINs until \(ISO8601DateFormatter().string(from: until))"
        case .wrongPIN(let remaining): "wrong PIN (\(remaining) \(remaining == 1 ? "try" : "tries") left before a 5-minute lock)"
        case .roleNotAllowed(let role): "a \(role.rawValue) may not do this"
        }
    }
}
