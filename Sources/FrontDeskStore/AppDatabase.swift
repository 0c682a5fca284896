import Foundation
import FrontDeskDomain
import GRDB
import SystemPackage
import CPlatform

/// The FrontDesk database: one SQLite file shared by every terminal of the center.
///
/// Owns the connection pool (WAL: readers never wait for the writer) and the migrator. Every
/// write is a method named for what it does; each runs in one `BEGIN IMMEDIATE` transaction,
/// so a read-then-write (next ticket, next code) waits for other terminals through the busy
/// timeout instead of failing with `SQLITE_BUSY`, and writes its audit event in that same
/// transaction. Reads return Domain values.
///
/// Instants are stored as INTEGER epoch milliseconds, UTC (see `Date.epochMilliseconds`);
/// center-local days as `YYYY-MM-DD` text computed with the `CenterCalendar`.
public struct AppDatabase: Sendable {
    /// The pool (file) or queue (in memory) that every access goes through.
    let writer: any DatabaseWriter
    /// Where `changeToken()` reads.
    private let tokenSource: TokenSource
    /// The center's calendar: days, tickets and code years are counted in its zone.
    public let calendar: CenterCalendar
    /// The database file, nil in memory.
    public let path: String?
    /// The file the connection opened, when `openForReading` could tell (the path named the
    /// same file before and after opening): a second connection must reach that same file.
    let fileIdentity: FileIdentity?
    /// Today's and the recently seen visitors with their terms, for the desk's search
    /// (`deskSearch`), kept between keystrokes.
    let deskCandidates = DeskCandidateCache()

    private enum TokenSource: Sendable {
        /// A dedicated connection that never writes: its `PRAGMA data_version` moves when any
        /// other connection (this process's pool or another terminal) commits.
        case dataVersion(DatabaseQueue)
        /// In memory there is no other connection: count this one's changes.
        case totalChanges
    }

    /// Closes this value's connections now, as SQLite closes them (the last connection to a WAL
    /// file checkpoints it and removes its -wal and -shm files). Reads and writes afterwards
    /// throw; closing again does nothing.
    ///
    /// The command line calls it as a command ends and keeps the value until the process exits
    /// (`OpenDatabases`): releasing GRDB's queues disposes their dispatch queues, and libdispatch
    /// starts a worker thread to do that, which the exiting process then waits for (about 1 ms of
    /// a 28 ms `occupancy`).
    /// - Throws: `DatabaseError` when SQLite refuses to close.
    public func close() throws {
        try writer.close()
        if case .dataVersion(let queue) = tokenSource { try queue.close() }
    }

    /// SQLite's process-wide settings, made once before this process's first connection: memory
    /// statistics off (`fd_sqlite_disable_memstatus`), as SQLite's documentation recommends for
    /// speed. With them on, every allocation SQLite makes takes one process-wide mutex, which two
    /// connections reading at once on two threads (`occupancy`) then queue on. True when applied;
    /// false when SQLite was already in use in this process, which changes nothing else.
    static let sqliteConfigured: Bool = fd_sqlite_disable_memstatus() == 0

    /// How long a write waits for another terminal's transaction before failing.
    public static let busyTimeout: TimeInterval = 10

    // MARK: Opening

    /// Opens (creating it if needed) the database file and migrates it to the current schema.
    ///
    /// Missing parent directories are created with mode 0700 and a new file with mode 0600
    /// (SQLite gives the `-wal` and `-shm` files the same mode). The file is opened in WAL mode
    /// with foreign keys on and a busy timeout of `busyTimeout` seconds.
    /// - Throws: `StoreError.notADatabase` (not SQLite), `.foreignDatabase` (another program's),
    ///   `.newerSchema` (written by a newer FrontDesk): in these cases the file is left
    ///   unchanged. `.notAFile`, `.cannotCreateDirectory`, `.cannotCreateFile`; a GRDB
    ///   `DatabaseError` for other SQLite failures.
    /// - Parameter upgrading: called before migrations that a file of an older FrontDesk still
    ///   needs (with their number): some rebuild every visitor's rows and take a minute on a
    ///   large center, which a person should be told of. Not called for a new file.
    public static func open(path: String, calendar: CenterCalendar = CenterCalendar(), upgrading: ((Int) -> Void)? = nil) throws -> AppDatabase {
        _ = sqliteConfigured
        if DatabaseHealth.isMarkedDamaged(path) { throw StoreError.damaged(path) }
        try DatabaseFile.createDirectories(DatabaseFile.directory(of: path))
        let state = try DatabaseFile.prepare(path)
        let migrator = Self.migrator
        if state == .database {
            // Decide on a connection that only reads, before the pool sets WAL mode or migrates.
            let applied = try inspect(path: path, migrator: migrator)
            if applied > 0, applied < migrator.migrations.count { upgrading?(migrator.migrations.count - applied) }
        }
        let pool = try openPool(path: path)
        try migrate(pool, path: path, migrator: migrator)
        // From here on, no commit once the file is known damaged (`DamageGuard`).
        try pool.writeWithoutTransaction { db in db.add(transactionObserver: DamageGuard(path: path), extent: .databaseLifetime) }
        // Not read-only although it never writes: the last connection to close removes the
        // -wal and -shm files, which a read-only one cannot do.
        var tokenConfig = configuration()
        tokenConfig.label = "FrontDesk.changeToken"
        let tokenQueue = try DatabaseQueue(path: path, configuration: tokenConfig)
        let database = AppDatabase(writer: pool, tokenSource: .dataVersion(tokenQueue), calendar: calendar, path: path)
        try database.refreshZoneOffsets()
        return database
    }

    /// Opens an existing database file for a short command that only reads (`frontdesk
    /// schedule`, listings): one connection, and nothing written to the file.
    ///
    /// `open(path:calendar:)` opens three connections (a check, the pool, the change token), and
    /// the pool writes to a WAL-mode file whose `-wal` is missing (GRDB creates and drops a table
    /// so readers can open), which the last connection then checkpoints with fsyncs: a few
    /// milliseconds that a one-shot listing does not need. Here the same checks run on the one
    /// connection. A file that is missing, empty or of an older schema is handed to
    /// `open(path:calendar:)`, which creates or migrates it. Writes through the result still work
    /// (one connection, IMMEDIATE transactions); its `changeToken()` moves only with other
    /// connections' commits.
    /// - Throws: as `open(path:calendar:)`: `StoreError.notADatabase`, `.foreignDatabase`,
    ///   `.newerSchema` (the file is left unchanged), `.notAFile`; a GRDB `DatabaseError`.
    public static func openForReading(path: String, calendar: CenterCalendar = CenterCalendar(),
                                      upgrading: ((Int) -> Void)? = nil) throws -> AppDatabase {
        _ = sqliteConfigured
        if DatabaseHealth.isMarkedDamaged(path) { throw StoreError.damaged(path) }
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0, try DatabaseFile.prepare(path) == .database else {
            return try open(path: path, calendar: calendar, upgrading: upgrading)
        }
        let identity = FileIdentity(info)
        let migrator = Self.migrator
        let queue: DatabaseQueue
        let current: Bool
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(memoryMapped: false))
            current = try queue.read { db in
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path) }
                return try migrator.hasCompletedMigrations(db)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path)
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CORRUPT {
            throw DatabaseHealth.recognize(error, path: path)
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_READONLY {
            throw StoreError.readOnly(path)
        }
        guard current else {
            // Older, foreign, or being created by another terminal right now: the full path decides.
            try queue.close()
            return try open(path: path, calendar: calendar, upgrading: upgrading)
        }
        try queue.writeWithoutTransaction { db in db.add(transactionObserver: DamageGuard(path: path), extent: .databaseLifetime) }
        return AppDatabase(writer: queue, tokenSource: .dataVersion(queue), calendar: calendar, path: path,
                           fileIdentity: FileIdentity(path: path) == identity ? identity : nil)
    }

    /// A fresh database in memory, for tests and previews: same schema and rules, no file.
    public static func inMemory(calendar: CenterCalendar = CenterCalendar()) throws -> AppDatabase {
        _ = sqliteConfigured
        let queue = try DatabaseQueue(configuration: configuration())
        try migrator.migrate(queue)
        return AppDatabase(writer: queue, tokenSource: .totalChanges, calendar: calendar, path: nil)
    }

    /// The database path when none is given: `FRONTDESK_DB`, else
    /// `$XDG_DATA_HOME/frontdesk/frontdesk.sqlite` (when absolute, as the XDG spec asks), else
    /// `$HOME/.local/share/frontdesk/frontdesk.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["FRONTDESK_DB"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return FilePath(data).appending("frontdesk/frontdesk.sqlite").string
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return FilePath(home).appending(".local/share/frontdesk/frontdesk.sqlite").string
    }

    private init(writer: any DatabaseWriter, tokenSource: TokenSource, calendar: CenterCalendar, path: String?,
                 fileIdentity: FileIdentity? = nil) {
        self.writer = writer
        self.tokenSource = tokenSource
        self.fileIdentity = fileIdentity
        self.calendar = calendar
        self.path = path
    }

    private static func configuration(memoryMapped: Bool = true) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "FrontDesk"
        // Reads through memory-mapped pages rather than `pread` copies into each connection's
        // small page cache: a keystroke's search reads scattered index pages (a fifth of its
        // time went to `pread` at 100,000 visitors). Pages stay the kernel's, shared and
        // reclaimable; 256 MiB covers the file of a large center.
        // `cell_size_check` makes SQLite check each b-tree page's cells as it reads the page, so
        // a damaged page is reported (SQLITE_CORRUPT, `DatabaseHealth`) before anything built on
        // it is written. It is set on the connection that writes (and reads inside its write
        // transactions) only: on the pool's read-only connections it cost a third of a desk
        // search's time (every cell of every page read is measured again; p99 4.5 → 6–8 ms per
        // keystroke at 100,000 visitors), and those connections write nothing. They keep
        // SQLite's ordinary checks of page headers and cell bounds.
        config.prepareDatabase { db in
            if memoryMapped { try db.execute(sql: "PRAGMA mmap_size = 268435456") }
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cell_size_check = ON") }
        }
        return config
    }

    /// Opens the pool, which switches a new file to WAL mode. That switch needs the file to
    /// itself and fails at once with SQLITE_BUSY, not through the busy timeout, when another
    /// terminal opens the same new file at the same moment: it is retried until the timeout.
    private static func openPool(path: String) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration())
            } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
                throw StoreError.notADatabase(path)
            } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_READONLY {
                throw StoreError.readOnly(path)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// Refuses, without writing, a database that is not ours or is newer than this binary.
    ///
    /// The connection only reads, but is not opened read-only: a read-only connection to a WAL
    /// database leaves the -wal and -shm files behind, while this one removes them on close.
    /// - Returns: how many of the migrations the file holds.
    @discardableResult
    private static func inspect(path: String, migrator: DatabaseMigrator) throws -> Int {
        var count = 0
        let config = configuration()
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try retryingCreationRaces {
                try queue.read { db in
                    let applied = try migrator.appliedIdentifiers(db)
                    if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path) }
                    // Tables other than GRDB's own: a terminal creating the file at this moment
                    // has `grdb_migrations` before its first migration commits.
                    let tables = try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM sqlite_master
                        WHERE type = 'table' AND name <> 'grdb_migrations' AND name NOT LIKE 'sqlite_%'
                        """) ?? 0
                    if !applied.contains(firstMigration), tables > 0 { throw StoreError.foreignDatabase(path) }
                    count = applied.count
                }
            }
            try queue.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path)
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CORRUPT {
            throw DatabaseHealth.recognize(error, path: path)
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_READONLY {
            throw StoreError.readOnly(path)
        }
        return count
    }

    /// Applies missing migrations. Several terminals may open a new file at the same moment:
    /// each migration is one IMMEDIATE transaction, and a terminal that loses the race finds
    /// the work done when it retries.
    private static func migrate(_ pool: DatabasePool, path: String, migrator: DatabaseMigrator) throws {
        try retryingCreationRaces {
            if try pool.read(migrator.hasBeenSuperseded) { throw StoreError.newerSchema(path) }
            do {
                try migrator.migrate(pool)
            } catch is DatabaseError {
                // Another terminal ran the same migration first ("table already exists").
                if try pool.read(migrator.hasCompletedMigrations) { return }
                throw CreationRace()
            }
        }
    }

    private struct CreationRace: Error {}

    /// Runs `body` again (a few times, 20 ms apart) when another terminal creating the same
    /// database changed its schema under it: "no such table" between two statements, or a
    /// migration it already applied. Other errors, and the last attempt's, are thrown.
    private static func retryingCreationRaces(_ body: () throws -> Void) throws {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try body()
            } catch let error as DatabaseError
                where attempt < 5 && (error.resultCode == .SQLITE_ERROR || error.resultCode == .SQLITE_SCHEMA) {
                Thread.sleep(forTimeInterval: 0.02)
            } catch is CreationRace where attempt < 5 {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    // MARK: Transactions

    // Every write is GRDB's own `writer.write { db in … }`: one transaction, rolled back when the
    // closure throws. GRDB 7 begins it IMMEDIATE (GRDB.swift 7.10.0, GRDB/Core/Database.swift in
    // .build/checkouts once resolved: `Database.beginTransaction(_:)` runs
    // `kind ?? (isReadOnly ? .deferred : .immediate)`, which
    // `Database.inTransaction` calls from `DatabaseWriter.write`; GRDB's CHANGELOG for 7.0:
    // "Perform all writes with immediate transactions by default"), for the pool of a file and
    // the queue of `openForReading` and `inMemory` alike. The write lock is then taken at BEGIN,
    // waiting up to the busy timeout, so reads inside see the latest data and the commit cannot
    // fail with SQLITE_BUSY. `ConcurrencyStoreTests.grdbWriteTakesTheWriteLockAtBegin` fails
    // if a GRDB update changes that.

    // MARK: Changes by other terminals

    /// A number that changes whenever any connection commits a write, this process's or
    /// another terminal's. Poll it and reload when it differs from the last value seen.
    ///
    /// For a file it is `PRAGMA data_version` read on a dedicated connection that never writes
    /// (the value is per connection, so it must always be read on the same one); in memory,
    /// the count of changes.
    public func changeToken() throws -> Int64 {
        switch tokenSource {
        case .dataVersion(let queue):
            try queue.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        case .totalChanges:
            try writer.read { db in try Int64.fetchOne(db, sql: "SELECT total_changes()") ?? 0 }
        }
    }
}
