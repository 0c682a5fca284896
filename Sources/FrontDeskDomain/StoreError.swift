/// Why the database could not be opened or a record could not be found. Each case has a
/// message for the person at the desk or the administrator (English; the UI may translate).
///
/// Part of the repository API (the protocols name it in their `Throws:`), so it lives beside
/// them in the Domain; the SQLite store throws it, and so would another store.
public enum StoreError: Error, Equatable, Sendable {
    /// The file exists but is not an SQLite database. It was left unchanged.
    case notADatabase(String)
    /// The database was written by a newer FrontDesk (it has migrations this binary does not
    /// know). It was left unchanged.
    case newerSchema(String)
    /// The file is an SQLite database of another program (it has tables but no FrontDesk
    /// migrations). It was left unchanged.
    case foreignDatabase(String)
    /// The path names a directory or another non-regular file.
    case notAFile(String)
    /// The directory that should hold the database could not be created (path, reason).
    case cannotCreateDirectory(String, String)
    /// The database file could not be created (path, reason).
    case cannotCreateFile(String, String)
    /// The database file exists but this user may not read it (path, reason).
    case cannotRead(String, String)
    /// The file or its folder is read-only, and SQLite must write its -wal and -shm files beside
    /// the database even to read it (write-ahead logging).
    case readOnly(String)
    /// No visitor has this id.
    case visitorNotFound(Int64)
    /// The database file is damaged (SQLite found a malformed page, or a check failed). Nothing
    /// more is written to it: every terminal refuses it until a backup is restored.
    case damaged(String)
    /// The disk (or the user's quota) is full: the write was rolled back, nothing was saved.
    case diskFull
    /// A terminal has the database open, so it cannot be replaced now (restore).
    case inUse(String)
    /// SQLite failed in another way (its primary result code). Its own text is never shown: it
    /// quotes the statement, whose arguments may hold a name.
    case unexpected(Int)
    /// A backup to restore is not usable (path, why).
    case unusableBackup(String, BackupProblem)

    /// A one-line English explanation.
    public var message: String {
        switch self {
        case .notADatabase(let path):
            "\(path) is not a FrontDesk database (not an SQLite file); it was left unchanged."
        case .newerSchema(let path):
            "\(path) was written by a newer version of FrontDesk; update this program to open it. The file was left unchanged."
        case .foreignDatabase(let path):
            "\(path) is an SQLite database of another program, not a FrontDesk database; it was left unchanged."
        case .notAFile(let path):
            "\(path) is not a regular file."
        case .cannotCreateDirectory(let path, let reason):
            "Cannot create the directory \(path): \(reason)."
        case .cannotCreateFile(let path, let reason):
            "Cannot create the database file \(path): \(reason)."
        case .cannotRead(let path, let reason):
            "Cannot read the database file \(path): \(reason)."
        case .readOnly(let path):
            "Cannot open \(path): it or its folder is read-only, and SQLite needs to write \(path)-wal and \(path)-shm beside it,"
                + " even to read. Open it from a folder this account can write to, or as the account that owns it."
        case .visitorNotFound(let id):
            "No visitor has the id \(id)."
        case .damaged(let path):
            "\(path) is damaged (SQLite found a malformed page); nothing more is written to it. Restore the last backup:"
                + " frontdesk restore BACKUP --db \(path)"
        case .diskFull:
            "disk full: nothing was saved"
        case .inUse(let path):
            "\(path) is open in a terminal; close every FrontDesk session on it first. Nothing was changed."
        case .unexpected(let code):
            "the database did not answer as expected (SQLite error \(code)); nothing was saved"
        case .unusableBackup(let path, let problem):
            "\(path) cannot be restored: \(problem.message). Nothing was changed."
        }
    }
}

/// Why a file cannot be restored as the database (`StoreError.unusableBackup`).
public enum BackupProblem: Hashable, Sendable {
    case missing
    case notAFile
    case notADatabase
    case empty
    /// `PRAGMA integrity_check` or SQLite found damage.
    case damaged
    /// Written by a newer FrontDesk (a migration this program does not know).
    case newer
    /// An SQLite database of another program.
    case notFrontDesk
    /// The system refused to read it (its own words, e.g. `Permission denied`).
    case unreadable(String)
    /// SQLite failed in another way (its result code).
    case sqlite(Int)

    /// The reason in English (`it is damaged`); `Localizer.message(for:)` words it in French.
    public var message: String {
        switch self {
        case .missing: "there is no such file"
        case .notAFile: "it is not a regular file"
        case .notADatabase: "it is not an SQLite database"
        case .empty: "it is empty"
        case .damaged: "it is damaged"
        case .newer: "it was written by a newer FrontDesk"
        case .notFrontDesk: "it is not a FrontDesk database"
        case .unreadable(let reason): reason
        case .sqlite(let code): "SQLite error \(code)"
        }
    }
}

extension StoreError: CustomStringConvertible {
    public var description: String { message }
}
