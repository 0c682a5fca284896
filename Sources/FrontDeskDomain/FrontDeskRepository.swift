/// Everything the application and the command line read and write: the one type they hold the
/// store as (`any FrontDeskRepository`). FrontDeskStore's `AppDatabase` implements it over
/// SQLite; a store on another database (PostgreSQL for several sites) would implement the same
/// protocols and so keep every access rule, since every read of people and every change to an
/// existing appointment takes the `Viewer` it is done for.
///
/// No protocol here names a database type.
public typealias FrontDeskRepository = VisitorRepository & QueueRepository & SchedulingRepository & StaffRepository
    & ReportingRepository & AuditRepository & PrivacyRepository & FailureRecognizing

/// A store that can say what one of its own failures means for the person in front of it.
public protocol FailureRecognizing: Sendable {
    /// `StoreError.damaged` (the file is then refused by every terminal until a backup is
    /// restored), `.diskFull` or `.unexpected` for the store's own failures; other errors as
    /// they are.
    func recognizedFailure(_ error: any Error) -> any Error
}
