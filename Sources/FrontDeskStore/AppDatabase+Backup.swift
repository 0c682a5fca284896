import Foundation
import FrontDeskDomain
import GRDB
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// A database replaced by a backup.
public struct RestoreResult: Equatable, Sendable {
    /// Where the database that was replaced is kept (beside it), nil when there was none.
    public var replacedKeptAs: String?
}

extension AppDatabase {
    /// Copies the whole database to a new file with SQLite's online backup: other terminals
    /// may go on working meanwhile, and the copy is a consistent snapshot.
    ///
    /// All or nothing: the source is checked first (`PRAGMA quick_check`; a damaged source is
    /// refused and marked, `DatabaseHealth`), the copy is written under a temporary name beside
    /// `path` and appears at `path` only when whole (a hard link, never replacing a file), so a
    /// killed or failed backup leaves no file at `path`. Before it appears, the head of the
    /// copy's audit trail is written into it (`anchorAuditChain(inBackupAt:takenAt:)`), so the
    /// live trail can later be checked against it. The copy gets mode 0600 (0660 in a shared
    /// setgid folder), its missing directories 0700.
    /// - Parameter now: when the backup is taken (recorded with the anchor).
    /// - Throws: `StoreError.cannotCreateFile` when `path` already exists (a backup never
    ///   overwrites), `.damaged` for a damaged source, `.diskFull`, the errors of directory
    ///   creation, or a database error.
    public func backup(to path: String, takenAt now: Date = Date()) throws {
        if try checkIntegrity() != nil { throw StoreError.damaged(self.path ?? "the database") }
        try DatabaseFile.createDirectories(DatabaseFile.directory(of: path))
        if access(path, F_OK) == 0 { throw StoreError.cannotCreateFile(path, "a file is already there") }
        let temporary = path + ".partial-\(getpid())"
        Self.removeDatabaseFiles(temporary)
        guard try DatabaseFile.prepare(temporary) == .created else {
            throw StoreError.cannotCreateFile(temporary, "a file is already there")
        }
        do {
            let target = try DatabaseQueue(path: temporary)
            try writer.backup(to: target)
            try target.close()
            try Self.anchorAuditChain(inBackupAt: temporary, takenAt: now)
            try Self.publish(temporary, at: path)
        } catch {
            Self.removeDatabaseFiles(temporary)
            throw recognizedFailure(error)
        }
    }

    /// Writes a dated backup into `folder` (`STEM-2026-12-02T171530Z.sqlite`, the database's
    /// file name without extension and the UTC time), checks the live audit trail against the
    /// newest earlier backup there (or the new one: `verifyAuditChain(againstBackupAt:)`), then,
    /// when the trail is intact, removes the oldest of the folder's backups of this database
    /// beyond `keep` (the new one counts; other files are never touched; nothing is removed when
    /// the trail is broken: the old backups are the evidence).
    /// - Parameter keep: how many to keep, at least 1; nil keeps all.
    /// - Throws: as `backup(to:)`; `StoreError.cannotCreateFile` when a backup of this second
    ///   exists under every suffix tried.
    public func backup(intoFolder folder: String, keep: Int?, at now: Date) throws -> BackupRotation {
        let stem = FilePath(path ?? "frontdesk.sqlite").stem ?? "frontdesk"
        let previous = Self.backups(of: stem, in: folder).last
        let base = (folder.hasSuffix("/") ? folder : folder + "/") + stem + "-" + Self.backupStamp(now)
        var written: String?
        for suffix in 0..<100 {
            let candidate = base + (suffix == 0 ? "" : "-\(suffix + 1)") + ".sqlite"
            if access(candidate, F_OK) == 0 { continue }
            do {
                try backup(to: candidate, takenAt: now)
                written = candidate
                break
            } catch StoreError.cannotCreateFile(let p, _) where p == candidate && access(candidate, F_OK) == 0 {
                continue // another backup took this name meanwhile
            }
        }
        guard let written else { throw StoreError.cannotCreateFile(base + ".sqlite", "a file is already there") }
        var auditCheck: (String, AuditChainVerdict)?
        for reference in [previous, written].compactMap({ $0 }) where auditCheck == nil {
            do {
                auditCheck = (reference, try verifyAuditChain(againstBackupAt: reference))
            } catch let error as AuditChainError {
                if case .backupTrailBroken(_, let rowId, let problem) = error {
                    auditCheck = (reference, .broken(rowId: rowId, problem: problem))
                }
            }
        }
        var removed: [String] = []
        if let keep, auditCheck.map({ if case .intact = $0.1 { true } else { false } }) ?? true {
            let backups = Self.backups(of: stem, in: folder)
            for old in backups.dropLast(max(1, keep)) where old != written {
                if unlink(old) == 0 { removed.append(old) }
            }
        }
        return BackupRotation(written: written, removed: removed, auditCheck: auditCheck.map { (reference: $0.0, verdict: $0.1) })
    }

    /// The folder's dated backups of the database named `stem`, oldest first (by the UTC time
    /// in their names, then their suffix).
    static func backups(of stem: String, in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        let prefix = stem + "-"
        var found: [(stamp: String, suffix: Int, path: String)] = []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".sqlite") {
            let middle = name.dropFirst(prefix.count).dropLast(".sqlite".count)
            let parts = middle.split(separator: "-", omittingEmptySubsequences: false)
            // 2026-12-02T171530Z, optionally -2 … -100
            guard parts.count == 3 || parts.count == 4 else { continue }
            let stamp = parts[0...2].joined(separator: "-")
            guard isBackupStamp(stamp) else { continue }
            let suffix = parts.count == 4 ? Int(parts[3]) ?? -1 : 1
            guard suffix >= 1 else { continue }
            found.append((stamp, suffix, (folder.hasSuffix("/") ? folder : folder + "/") + name))
        }
        return found.sorted { ($0.stamp, $0.suffix) < ($1.stamp, $1.suffix) }.map(\.path)
    }

    /// `2026-12-02T171530Z`: UTC, sortable, no colon (file names on any disk).
    static func backupStamp(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - day * 86_400
        let date = LocalDate(year: 1970, month: 1, day: 1).adding(days: day)
        return "\(date)T" + NumberText.zeroPadded(time / 3600, width: 2) + NumberText.zeroPadded(time % 3600 / 60, width: 2)
            + NumberText.zeroPadded(time % 60, width: 2) + "Z"
    }

    static func isBackupStamp(_ text: String) -> Bool {
        let chars = Array(text.utf8)
        guard chars.count == 18, chars[10] == UInt8(ascii: "T"), chars[17] == UInt8(ascii: "Z"),
              LocalDate(iso: String(text.prefix(10))) != nil else { return false }
        return chars[11..<17].allSatisfy { (48...57).contains($0) }
    }

    // MARK: Restore

    /// Replaces the database at `path` by the backup at `backup`.
    ///
    /// The backup is checked first (`PRAGMA integrity_check`, and that it is a FrontDesk
    /// database this program can open); the replacement is refused while any terminal has
    /// `path` open (the locks SQLite holds on `PATH-shm` and the file). The backup is copied
    /// under a temporary name beside `path`, then the current file (with its `-wal`, if a
    /// crash left one) is renamed `PATH.replaced-STAMP` beside it, then the copy takes its
    /// place; no `-shm` is left behind. A damage marker (`DatabaseHealth`) is moved with the
    /// replaced file. The restored file is migrated on its next open and records a
    /// `database.restored` audit event.
    /// - Throws: `StoreError.unusableBackup` (damaged, not FrontDesk, newer schema, not a
    ///   database), `.inUse`, `.diskFull`, `.cannotCreateFile`.
    public static func restore(from backup: String, to path: String, by actor: Actor, at now: Date,
                               calendar: CenterCalendar = CenterCalendar()) throws -> RestoreResult {
        _ = sqliteConfigured
        try checkRestorable(backup)
        if isOpenElsewhere(path) { throw StoreError.inUse(path) }
        try DatabaseFile.createDirectories(DatabaseFile.directory(of: path))
        let temporary = path + ".restoring-\(getpid())"
        removeDatabaseFiles(temporary)
        guard try DatabaseFile.prepare(temporary) == .created else {
            throw StoreError.cannotCreateFile(temporary, "a file is already there")
        }
        do {
            var readOnly = Configuration()
            readOnly.readonly = true
            let source = try DatabaseQueue(path: backup, configuration: readOnly)
            let target = try DatabaseQueue(path: temporary)
            try source.backup(to: target)
            try target.close()
            try source.close()
        } catch {
            removeDatabaseFiles(temporary)
            throw DatabaseHealth.recognize(error, path: nil)
        }
        if isOpenElsewhere(path) {
            removeDatabaseFiles(temporary)
            throw StoreError.inUse(path)
        }
        var keptAs: String?
        if access(path, F_OK) == 0 {
            let kept = path + ".replaced-" + backupStamp(now)
            guard rename(path, kept) == 0 else {
                let reason = String(cString: strerror(errno))
                removeDatabaseFiles(temporary)
                throw StoreError.cannotCreateFile(kept, reason)
            }
            keptAs = kept
            _ = rename(path + "-wal", kept + "-wal") // committed pages of the replaced file stay with it
            _ = unlink(path + "-shm")
            _ = rename(DatabaseHealth.markerPath(for: path), DatabaseHealth.markerPath(for: kept))
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            if let keptAs { _ = rename(keptAs, path) }
            removeDatabaseFiles(temporary)
            throw StoreError.cannotCreateFile(path, reason)
        }
        syncFolder(of: path)
        let restored = try open(path: path, calendar: calendar)
        try restored.writer.write { db in
            try audit(db, .databaseRestored, entity: "database", entityId: nil,
                      detail: "from \(FilePath(backup).lastComponent?.string ?? backup)", by: actor, at: now)
        }
        try restored.close()
        return RestoreResult(replacedKeptAs: keptAs)
    }

    /// Puts a finished database file (written under a temporary name, closed) at `path` in one
    /// rename, replacing what is there: `demo` builds its file aside so that a killed run leaves
    /// the previous file or the complete new one. The replaced file's `-wal` and `-shm` are
    /// removed first (a stale `-wal` would be replayed onto the new file).
    /// - Throws: `StoreError.inUse` when a terminal has `path` open, `.cannotCreateFile` when
    ///   the rename fails (the temporary file is left for the caller to remove).
    public static func install(_ temporary: String, at path: String) throws {
        if isOpenElsewhere(path) { throw StoreError.inUse(path) }
        _ = unlink(path + "-wal")
        _ = unlink(path + "-shm")
        guard rename(temporary, path) == 0 else { throw StoreError.cannotCreateFile(path, String(cString: strerror(errno))) }
        syncFolder(of: path)
    }

    /// Refuses a file that is not a whole FrontDesk database this program can open.
    private static func checkRestorable(_ backup: String) throws {
        if let reason = unrestorableReason(backup) { throw StoreError.unusableBackup(backup, reason) }
    }

    /// Why a backup cannot be restored, nil when it can.
    private static func unrestorableReason(_ backup: String) -> BackupProblem? {
        let state: DatabaseFile.State
        do {
            state = try DatabaseFile.prepareExisting(backup)
        } catch {
            switch error {
            case .notADatabase: return .notADatabase
            case .notAFile: return .notAFile
            case .cannotRead: return access(backup, F_OK) != 0 ? .missing : .unreadable(error.message)
            default: return .unreadable(error.message)
            }
        }
        guard state == .database else { return .empty }
        var readOnly = Configuration()
        readOnly.readonly = true
        do {
            let queue = try DatabaseQueue(path: backup, configuration: readOnly)
            defer { try? queue.close() }
            return try queue.read { db -> BackupProblem? in
                let check = try String.fetchAll(db, sql: "PRAGMA integrity_check(1)")
                if check != ["ok"] { return .damaged }
                if try migrator.hasBeenSuperseded(db) { return .newer }
                if try !migrator.appliedIdentifiers(db).contains(firstMigration) { return .notFrontDesk }
                return nil
            }
        } catch let error as DatabaseError {
            return error.resultCode.primaryResultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
                ? .damaged : .sqlite(Int(error.resultCode.rawValue))
        } catch {
            return .unreadable("cannot read it")
        }
    }

    /// True when a process holds SQLite's locks on the database: a WAL connection keeps a
    /// shared lock on the dead-man-switch byte of `PATH-shm` (offset 128 in SQLite's unix VFS)
    /// while open, and a connection in a transaction locks bytes of the file itself from
    /// offset 2^30 (the pending, reserved and shared bytes).
    public static func isOpenElsewhere(_ path: String) -> Bool {
        func locked(_ file: String, start: Int, length: Int) -> Bool {
            let fd = Glibc.open(file, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { Glibc.close(fd) }
            var lock = flock()
            lock.l_type = Int16(F_WRLCK)
            lock.l_whence = Int16(SEEK_SET)
            lock.l_start = off_t(start)
            lock.l_len = off_t(length)
            guard fcntl(fd, F_GETLK, &lock) == 0 else { return false }
            return lock.l_type != Int16(F_UNLCK)
        }
        return locked(path + "-shm", start: 128, length: 1) || locked(path, start: 0x4000_0000, length: 512)
    }

    /// Moves a finished copy to `path` without ever replacing a file there: a hard link, or a
    /// rename where the disk has no hard links (FAT).
    private static func publish(_ temporary: String, at path: String) throws {
        if link(temporary, path) == 0 {
            _ = unlink(temporary)
        } else {
            let err = errno
            if err == EEXIST { throw StoreError.cannotCreateFile(path, "a file is already there") }
            guard access(path, F_OK) != 0, rename(temporary, path) == 0 else {
                throw StoreError.cannotCreateFile(path, String(cString: strerror(err)))
            }
        }
        syncFolder(of: path)
    }

    /// Makes a rename or link in the folder durable (best effort).
    private static func syncFolder(of path: String) {
        let folder = DatabaseFile.directory(of: path)
        let fd = Glibc.open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        Glibc.close(fd)
    }

    /// Removes a database file and the journal, -wal and -shm files SQLite may leave beside it.
    public static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { _ = unlink(path + suffix) }
    }
}
