import Foundation
import SystemPackage
import FrontDeskDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The database file on disk, before SQLite sees it: private directories and file modes, and a
/// check that an existing file is an SQLite database at all.
enum DatabaseFile {
    /// The 16 bytes every SQLite 3 database file starts with.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// What was found at the path.
    enum State: Equatable {
        /// The file was just created, empty, mode 0600.
        case created
        /// An empty file existed (SQLite treats it as a new database).
        case empty
        /// An SQLite database existed.
        case database
    }

    /// Creates the missing directories of `directory`, each with mode 0700 (whatever the umask).
    /// The folder holding `path`, "" for a bare file name (`a`, `demo.sqlite`): the current
    /// folder. Through swift-system's `FilePath`, which takes any path (Foundation's
    /// `NSString.deletingLastPathComponent` crashed on a one-character name).
    static func directory(of path: String) -> String {
        FilePath(path).removingLastComponent().string
    }

    static func createDirectories(_ directory: String) throws(StoreError) {
        guard !directory.isEmpty else { return }
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            var info = stat()
            if stat(prefix, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw .cannotCreateDirectory(prefix, "a file is in the way")
                }
                continue
            }
            if mkdir(prefix, 0o700) != 0 {
                let err = errno
                if err == EEXIST { continue }
                throw .cannotCreateDirectory(prefix, String(cString: strerror(err)))
            }
            _ = chmod(prefix, 0o700)
        }
    }

    /// The mode a new database or backup gets at `path`: 0660 in a folder with the setgid bit
    /// (the shared folder of one center's desks, `/var/lib/frontdesk`, whose group is
    /// `frontdesk`: every desk account of the group reads and writes it), 0600 anywhere else.
    /// SQLite gives its `-wal` and `-shm` files the database's mode.
    static func creationMode(for path: String) -> mode_t {
        let folder = directory(of: path)
        var info = stat()
        guard stat(folder.isEmpty ? "." : folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
              info.st_mode & S_ISGID != 0 else { return 0o600 }
        return 0o660
    }

    /// Makes sure a database can be opened at `path`: creates a missing file with mode 0600
    /// (0660 in a shared setgid folder, `creationMode(for:)`), or checks that an existing one
    /// is empty or starts with the SQLite header. Reads only.
    /// - Throws: `.notAFile`, `.notADatabase`, `.cannotCreateFile`, `.cannotRead`.
    static func prepare(_ path: String) throws(StoreError) -> State {
        var info = stat()
        if stat(path, &info) != 0 {
            let mode = creationMode(for: path)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 {
                _ = fchmod(fd, mode) // exactly this mode, whatever the umask
                close(fd)
                return .created
            }
            let err = errno
            guard err == EEXIST else { throw .cannotCreateFile(path, String(cString: strerror(err))) }
            guard stat(path, &info) == 0 else { throw .cannotCreateFile(path, String(cString: strerror(errno))) }
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notAFile(path) }
        if info.st_size == 0 { return .empty }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotRead(path, access(path, R_OK) != 0 ? String(cString: strerror(errno)) : "cannot read it")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        // Nothing but zeros: another terminal's SQLite is creating the
        // file at this moment and has not written its first page yet (seen under load, four
        // terminals opening a new file together). SQLite's own locks decide from here; a file
        // that stays so is refused by SQLite as not a database.
        if head.allSatisfy({ $0 == 0 }) { return .empty }
        guard Array(head) == sqliteHeader else { throw .notADatabase(path) }
        return .database
    }

    /// `prepare` for a file that must already exist (a backup to restore): never creates one.
    /// - Throws: `.cannotRead` when there is no file, else as `prepare`.
    static func prepareExisting(_ path: String) throws(StoreError) -> State {
        guard access(path, F_OK) == 0 else { throw .cannotRead(path, "there is no such file") }
        return try prepare(path)
    }

    /// The permission bits of a file (`0o600`), or nil when it does not exist.
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }
}

/// Which file a path names right now: device and inode (`stat`). Two opens of one path reach
/// the same file only if it was not replaced in between (a backup restored with `mv`).
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The file at `path`; nil when there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The file a `stat` call described.
    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
