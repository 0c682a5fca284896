import Foundation
/// Everything the application and the command line read and write: the one type they hold the
/// store as (`any FrontDeskRepository`). FrontDeskStore's `AppDatabase` implements it over
/// SQLite; a store on another database (PostgreSQL for several sites) would implement the same
/// protocols and so keep every access rule, since every read of people and every change to an
/// existing appointment takes the `Viewer` it is done for.
///
/// No protocol here names a database type.
public typealias FrontDeskRepository = VisitorRepository & QueueRepository & SchedulingRepository & StaffRepository
    & ReportingRepository & ProgramRepository & AuditRepository & PrivacyRepository & FailureRecognizing

/// A store that can say what one of its own failures means for the person in front of it.
public protocol FailureRecognizing: Sendable {
    /// `StoreError.damaged` (the file is then refused by every terminal until a backup is
    /// restored), `.diskFull` or `.unexpected` for the store's own failures; other errors as
    /// they are.
    func recognizedFailure(_ error: any Error) -> any Error

    /// What the failure was, for the log for IT: the store's codes and the statement without
    /// its arguments; never a name or anything typed (`LogDetail`).
    func failureDetail(_ error: any Error) -> String
}

/// What a failure was, for the log for IT: its type and case, never the values it carries
/// (they may hold a name or what someone typed).
public enum LogDetail {
    /// `FrontDeskDomain.StoreError.damaged`, `Foundation.CocoaError 640`, or the type's name.
    public static func describe(_ error: any Error) -> String {
        let type = String(reflecting: Swift.type(of: error))
        if let cocoa = error as? CocoaError { return "\(type) \(cocoa.code.rawValue)" }
        let mirror = Mirror(reflecting: error)
        if mirror.displayStyle == .enum, let label = mirror.children.first?.label { return "\(type).\(label)" }
        return type
    }
}
