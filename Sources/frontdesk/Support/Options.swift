import ArgumentParser
import Synchronization
import Foundation
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $FRONTDESK_DB, else $XDG_DATA_HOME/frontdesk/frontdesk.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: "Interface language: fr or en (default: from the locale).")
    var lang: UILanguage?

    @Option(name: .long, help: ArgumentHelp("The center's time zone.", valueName: "zone"))
    var timeZone: String = "Africa/Casablanca"

    /// The database path: --db, else the default location.
    var databasePath: String {
        db ?? AppDatabase.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    func calendar() throws -> CenterCalendar {
        guard let calendar = CenterCalendar(identifier: timeZone) else { throw UserError(key: "cli.error.unknownZone", TextOutput.safe(timeZone)) }
        return calendar
    }

    /// True when the path was named (`--db` or `FRONTDESK_DB`), not the default location.
    var databasePathIsExplicit: Bool {
        db != nil || ProcessInfo.processInfo.environment["FRONTDESK_DB"] != nil
    }

    /// Opens the database, mapping store problems to one-line messages.
    ///
    /// Only `init` and `demo` create a missing file (`create: true`): every other command
    /// refuses a path where no database exists, so a mistyped `--db` cannot quietly start an
    /// empty database that receptionists then fill.
    func openDatabase(create: Bool = false) throws -> AppDatabase {
        try requireExisting(unless: create)
        return try opening { try AppDatabase.open(path: databasePath, calendar: try calendar(), upgrading: announceUpgrade) }
    }

    /// Opens the database for a command that only reads: one connection, nothing written to an
    /// up-to-date file (`AppDatabase.openForReading`). Refuses a missing file.
    func openDatabaseForReading() throws -> AppDatabase {
        try requireExisting(unless: false)
        return try opening { try AppDatabase.openForReading(path: databasePath, calendar: try calendar(), upgrading: announceUpgrade) }
    }

    /// Says on standard error that a file of an older FrontDesk is being brought up to date
    /// (some steps rebuild every visitor's rows: a minute at 100,000 visitors), so that a silent
    /// first start is not taken for a hang.
    private func announceUpgrade(_ steps: Int) {
        let line = (try? ShippedData.strings(language))?.text("cli.upgrading", [AppDatabase.schemaVersion])
            ?? "bringing the database up to date (schema \(AppDatabase.schemaVersion))…"
        FileHandle.standardError.write(Data(("frontdesk: " + line + "\n").utf8))
    }

    private func requireExisting(unless create: Bool) throws {
        if !create && !FileManager.default.fileExists(atPath: databasePath) {
            throw UserError(key: "cli.error.noDatabase", databasePath)
        }
    }

    private func opening(_ body: () throws -> AppDatabase) throws -> AppDatabase {
        do {
            return OpenDatabases.keep(try body())
        } catch let error as StoreError {
            throw error // worded in the command's language by `FrontDeskCommand.main`
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError(key: "cli.error.cannotOpen", databasePath, error.localizedDescription)
        }
    }

    var language: UILanguage { lang ?? UILanguage.from(environment: ProcessInfo.processInfo.environment) }
}

extension UILanguage: ExpressibleByArgument {}

/// The databases this process opened, kept until it exits and closed as the command ends
/// (`FrontDeskCommand.main`). Closing keeps SQLite's usual end (the last connection to a WAL file
/// checkpoints it); keeping the values spares the exit a libdispatch worker thread started only to
/// dispose of GRDB's queues (`AppDatabase.close()`).
enum OpenDatabases {
    private static let opened = Mutex<[AppDatabase]>([])

    /// The store's reading of a failure (`DatabaseHealth.recognize`) for the database this
    /// command opened: a damaged file is marked and named, a full disk said so.
    static func recognize(_ error: any Error) -> any Error {
        DatabaseHealth.recognize(error, path: opened.withLock { $0.first?.path })
    }

    /// The store's detail of a failure for the log (`DatabaseHealth.detail`).
    static func failureDetail(_ error: any Error) -> String { DatabaseHealth.detail(error) }

    /// Registers `database` and returns it.
    static func keep(_ database: AppDatabase) -> AppDatabase {
        opened.withLock { $0.append(database) }
        return database
    }

    /// Closes every registered database; the values stay registered until the process exits.
    static func closeAll() {
        for database in opened.withLock({ $0 }) { try? database.close() }
    }
}

/// Output formats of listing commands: `xlsx` is a spreadsheet workbook of the CSV's cells.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, ExportFormat {
    case text, json, csv, xlsx

    var isWorkbook: Bool { self == .xlsx }
}

/// A `--format` value: whether it asks for a spreadsheet workbook (binary, not for a terminal).
protocol ExportFormat {
    var isWorkbook: Bool { get }
}

extension ServiceCategory: ExpressibleByArgument {
    public init?(argument: String) {
        let a = argument.lowercased()
        if let c = ServiceCategory(rawValue: a) { self = c; return }
        if a.count == 1, let c = ServiceCategory(ticketLetter: Character(a)) { self = c; return }
        return nil
    }
}

extension VisitOutcome: ExpressibleByArgument {
    public init?(argument: String) {
        let a = argument.lowercased().replacingOccurrences(of: "-", with: "_")
        guard let o = VisitOutcome(rawValue: a) else { return nil }
        self = o
    }
}

/// Who acts on the command line: this terminal's desk (`$FRONTDESK_DESK`, else the remembered
/// desk name), else the operating-system user, and the tty.
func currentActor() -> Actor {
    let env = ProcessInfo.processInfo.environment
    let desk = env["FRONTDESK_DESK"].flatMap { try? DeskName.normalized($0) } ?? DeskNameFile.standard(env)?.read()
    let name = desk ?? env["USER"] ?? env["LOGNAME"] ?? "desk"
    let tty = ttyname(0).map { String(cString: $0) } ?? "no-tty"
    return Actor(name: name, terminal: tty)
}

extension Sex: ExpressibleByArgument {}
extension LegalStatus: ExpressibleByArgument {}
