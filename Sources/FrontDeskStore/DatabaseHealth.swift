import Foundation
import FrontDeskDomain
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Damage and full disks, recognized once for every caller (command line and screens).
///
/// SQLite reports a malformed file as `SQLITE_CORRUPT` or `SQLITE_NOTADB` when it meets a bad
/// page (`cell_size_check` is on for every connection, so more damage is caught as pages are
/// read). When that happens the file is marked damaged: a marker file `PATH.damaged` is written
/// beside it, and every later open of `PATH`, by any terminal, refuses it with
/// `StoreError.damaged` until a backup is restored (`AppDatabase.restore`), so a damaged file
/// is never written into again. A full check (`PRAGMA quick_check`) runs in `backup`, which
/// refuses a damaged source, and in `restore`, which refuses a damaged backup.
public enum DatabaseHealth {
    /// The marker written beside a damaged database: `PATH.damaged`.
    public static func markerPath(for path: String) -> String { path + ".damaged" }

    /// True when `path` was found damaged and has not been restored since.
    public static func isMarkedDamaged(_ path: String) -> Bool {
        access(markerPath(for: path), F_OK) == 0
    }

    /// The store's reading of a failure: `StoreError.damaged` (after marking the file) for a
    /// corruption code, `.diskFull` for a full disk, `.unexpected` for another SQLite error,
    /// the error itself when it is not SQLite's.
    /// - Parameter path: the database file the failure came from; nil in memory.
    public static func recognize(_ error: any Error, path: String?) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode.primaryResultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            guard let path else { return error }
            markDamaged(path, reason: "SQLite error \(error.resultCode.rawValue)")
            return StoreError.damaged(path)
        case .SQLITE_FULL:
            return StoreError.diskFull
        default:
            return StoreError.unexpected(Int(error.resultCode.rawValue))
        }
    }

    /// What a failure was, for the log for IT: for SQLite, its result codes, its message and the
    /// statement with any quoted text replaced by `'…'` (arguments are never included); for
    /// anything else, `LogDetail`.
    public static func detail(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return LogDetail.describe(error) }
        var text = "SQLite error \(error.resultCode.rawValue) (extended \(error.extendedResultCode.rawValue))"
        if let message = error.message { text += ": " + withoutQuotedText(message) }
        if let sql = error.sql { text += " in `" + withoutQuotedText(sql).prefix(200) + "`" }
        return text
    }

    /// The text with every '…' literal emptied: a statement or message never carries data.
    static func withoutQuotedText(_ text: String) -> String {
        var result = ""
        var inQuote = false
        for c in text {
            if c == "'" {
                if !inQuote { result += "'…'" }
                inQuote.toggle()
            } else if !inQuote {
                result.append(c)
            }
        }
        return result
    }

    /// Writes the marker (mode as the database's, `DatabaseFile.creationMode`); an existing
    /// marker is kept. Best effort: a folder that cannot be written keeps no marker, and the
    /// next failure recognizes the damage again.
    static func markDamaged(_ path: String, reason: String) {
        let marker = markerPath(for: path)
        let mode = DatabaseFile.creationMode(for: marker)
        let fd = open(marker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { return }
        _ = fchmod(fd, mode)
        let text = "FrontDesk found this database damaged (\(reason)) at \(ISO8601DateFormatter().string(from: Date())).\n"
            + "Restore the last backup: frontdesk restore BACKUP --db \(path)\n"
        _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
    }

    /// `PRAGMA quick_check` on an open connection: nil when the file is whole, else the first
    /// problem SQLite names. Reads every page (seconds on a large file).
    static func quickCheck(_ db: Database) throws -> String? {
        let rows = try String.fetchAll(db, sql: "PRAGMA quick_check(1)")
        return rows == ["ok"] ? nil : (rows.first ?? "no answer")
    }
}

/// Refuses every commit on a connection once its file is marked damaged (by this process or any
/// other terminal): the transaction is rolled back with `StoreError.damaged`, so a desk that
/// opened the file before the damage was found writes nothing more into it.
final class DamageGuard: TransactionObserver {
    let path: String
    init(path: String) { self.path = path }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) {}
    func databaseDidRollback(_ db: Database) {}

    func databaseWillCommit() throws {
        if DatabaseHealth.isMarkedDamaged(path) { throw StoreError.damaged(path) }
    }
}

extension AppDatabase {
    /// The mode FrontDesk gives a new file at `path` (a database, a backup, an export): 0660 in
    /// a shared setgid folder, 0600 elsewhere (`DatabaseFile.creationMode`).
    public static func newFileMode(for path: String) -> mode_t { DatabaseFile.creationMode(for: path) }
}

extension AppDatabase: FailureRecognizing {
    /// `DatabaseHealth.detail`.
    public func failureDetail(_ error: any Error) -> String { DatabaseHealth.detail(error) }

    /// `DatabaseHealth.recognize` for this database's file.
    public func recognizedFailure(_ error: any Error) -> any Error {
        DatabaseHealth.recognize(error, path: path)
    }

    /// Checks every page of the file (`PRAGMA quick_check`): nil when whole, else what SQLite
    /// found first, after marking the file damaged. Seconds on a large file; the backup runs it.
    /// - Throws: a database error the check itself meets (recognized as `StoreError.damaged`).
    public func checkIntegrity() throws -> String? {
        do {
            let problem = try writer.read(DatabaseHealth.quickCheck)
            if let problem, let path { DatabaseHealth.markDamaged(path, reason: "quick_check: \(problem)") }
            return problem
        } catch {
            throw recognizedFailure(error)
        }
    }
}
