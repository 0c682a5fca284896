import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Copies the whole database to a new file with SQLite's online backup: other terminals
    /// may go on working meanwhile, and the copy is a consistent snapshot.
    ///
    /// The copy is created with mode 0600 (its directories 0700), like the database itself.
    /// - Throws: `StoreError.cannotCreateFile` when `path` already exists (a backup never
    ///   overwrites), the errors of directory creation, or a database error.
    public func backup(to path: String) throws {
        try DatabaseFile.createDirectories(DatabaseFile.directory(of: path))
        guard try DatabaseFile.prepare(path) == .created else {
            throw StoreError.cannotCreateFile(path, "a file is already there")
        }
        do {
            let target = try DatabaseQueue(path: path)
            try writer.backup(to: target)
            try target.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }
}
