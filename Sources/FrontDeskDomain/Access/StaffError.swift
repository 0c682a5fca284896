/// Why a staff account change was refused.
public enum StaffError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A PIN must be 4 to 8 digits.
    case invalidPIN
    case nameMissing
    case nameTaken(String)
    case notFound(String)
    /// A counselor login needs its counselor record; other roles must have none.
    case counselorLink(StaffRole)
    /// The counselor record is already linked to another login.
    case counselorAlreadyLinked(String)
    /// Disabling the last active admin would leave nobody to manage staff.
    case lastAdmin

    public var description: String {
        switch self {
        case .invalidPIN: "a PIN is 4 to 8 digits"
        case .nameMissing: "a staff member needs a name"
        case .nameTaken(let n): "a staff member named '\(n)' already exists"
        case .notFound(let n): "no staff member named '\(n)'"
        case .counselorLink(let role):
            role == .counselor ? "a counselor login needs its counselor (--counselor NAME)" : "only a counselor login is linked to a counselor"
        case .counselorAlreadyLinked(let n): "the counselor '\(n)' already has a login"
        case .lastAdmin: "this is the last active admin; add another admin first"
        }
    }
}

/// A read or write the viewer's role does not allow (`Permissions`).
public enum AccessError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAllowed(String)

    public var description: String {
        switch self {
        case .notAllowed(let why): why
        }
    }
}
