import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI

/// `frontdesk visitors export CODE`: everything held about one visitor, as JSON, for them.
/// Audited as an opening of the record.
struct VisitorExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export one visitor's data for them (JSON: record, visits, appointments); audited.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "The visitor's code (V-2026-00042).") var code: String
    @Flag(help: "Include counselors' notes on their own appointments (left out by default: a counselor decides).")
    var withCounselorNotes = false
    @Option(help: "Write to this file (created 0600) instead of standard output; - is standard output.") var output: String?

    func run() throws {
        let db: any FrontDeskRepository = try common.openDatabase()
        let visitor = try findVisitor(code, in: db)
        let data = try storeCall {
            try db.exportVisitor(id: visitor.id, includeCounselorNotes: withCounselorNotes, by: currentActor(), at: try clockNow())
        }
        let json = JSONOutput.encode(ExportJSON(
            exportedAt: try clockNow(),
            visitor: .init(code: data.visitor.code.description, givenName: data.visitor.givenName, familyName: data.visitor.familyName,
                           sex: data.visitor.sex.rawValue, birthYear: data.visitor.birthYear, nationality: data.visitor.nationality,
                           languages: data.visitor.languages, status: data.visitor.status.rawValue, phone: data.visitor.phone,
                           consent: data.visitor.consentScopes.map(\.rawValue).sorted(), consentAt: data.visitor.consentAt,
                           registeredAt: data.visitor.createdAt, updatedAt: data.visitor.updatedAt),
            visits: data.visits.map {
                .init(day: $0.day.description, ticket: $0.ticket.description, arrivedAt: $0.arrivedAt, calledAt: $0.calledAt,
                      leftAt: $0.leftAt, outcome: $0.outcome?.rawValue)
            },
            appointments: data.appointments.map {
                .init(start: $0.appointment.start, end: $0.appointment.end, localStart: "\($0.localStart.date) \($0.localStart.time)",
                      service: $0.service.name(in: common.language), category: $0.service.category.rawValue, counselor: $0.counselorName,
                      room: $0.roomName, status: $0.status.rawValue, interpreterLanguage: $0.appointment.interpreterLanguage,
                      note: $0.appointment.note.isEmpty ? nil : $0.appointment.note,
                      counselorNote: ($0.appointment.counselorNote ?? "").isEmpty ? nil : $0.appointment.counselorNote,
                      place: $0.place.map { "\($0)" })
            }))
        if let output, output != "-" {
            try writePrivateFile(output, Data(json.utf8))
            print(try ShippedData.strings(common.language)("cli.export.done", data.visitor.code, TextOutput.safe(output)))
        } else {
            StandardOutput.write(json)
        }
    }

    struct ExportJSON: Encodable {
        struct Person: Encodable {
            let code, givenName, familyName, sex: String
            let birthYear: Int?
            let nationality: String
            let languages: [String]
            let status: String
            let phone: String?
            let consent: [String]
            let consentAt, registeredAt, updatedAt: Date
        }
        struct VisitJSON: Encodable {
            let day, ticket: String
            let arrivedAt: Date
            let calledAt, leftAt: Date?
            let outcome: String?
        }
        struct AppointmentJSON: Encodable {
            let start, end: Date
            let localStart, service, category, counselor, room, status: String
            let interpreterLanguage, note, counselorNote, place: String?
        }
        let exportedAt: Date
        let visitor: Person
        let visits: [VisitJSON]
        let appointments: [AppointmentJSON]
    }
}

/// Writes a new file with mode 0600 (never over an existing one). On a failed write the file
/// is removed: nothing half-written is left behind.
/// - Throws: `UserError` when the file exists or cannot be created or written (a full disk says
///   so: "disk full: nothing was saved").
func writePrivateFile(_ path: String, _ data: Data) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw UserError(key: "cli.output.cannotCreate", TextOutput.safe(path), String(cString: strerror(errno))) }
    _ = fchmod(fd, 0o600)
    var failure = writeAll(fd, data)
    if failure == 0, fsync(fd) != 0 { failure = errno }
    if close(fd) != 0, failure == 0 { failure = errno }
    guard failure != 0 else { return }
    unlink(path)
    if failure == ENOSPC { throw UserError(key: "cli.output.diskFullFile", TextOutput.safe(path)) }
    throw UserError(key: "cli.output.cannotWriteFile", TextOutput.safe(path), String(cString: strerror(failure)))
}

/// `frontdesk privacy purge --inactive-years N [--dry-run]`: anonymizes visitors inactive for N years.
struct PrivacyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy", abstract: "Privacy: anonymize visitors with no activity for years.", subcommands: [Purge.self])

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "Anonymize visitors with no activity for N years: names, phone and notes go; counts stay right. Audited.")
        @OptionGroup var common: CommonOptions
        @Option(help: "Years without a visit, appointment or change (at least 1).") var inactiveYears: Int
        @Flag(help: "List who would be anonymized; change nothing.") var dryRun = false

        func validate() throws {
            guard inactiveYears >= 1 else { throw ValidationError(key: "cli.purge.badYears") }
        }

        func run() throws {
            let db: any FrontDeskRepository = try common.openDatabase()
            let result = try staffCall(db.calendar) {
                try db.purgeInactiveVisitors(years: inactiveYears, dryRun: dryRun, by: currentActor(), at: try clockNow())
            }
            for code in result.codes { print(code) }
            let since = db.calendar.localDate(of: result.inactiveSince)
            let strings = try ShippedData.strings(common.language)
            print(strings.plural(dryRun ? "cli.purge.wouldAnonymize" : "cli.purge.anonymized", result.codes.count, since))
        }
    }
}

/// `frontdesk backup PATH|-` or `frontdesk backup --to DIR [--keep N]`: SQLite's online backup
/// of a checked database, while terminals keep working.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Check the database and copy it to a new file (mode 0600), or to a dated file in a folder with --to; terminals may keep working.",
        discussion: """
            The database is checked first (a damaged one is refused). The copy appears only when whole: a killed \
            backup leaves no file. With --to DIR the file is named after the database and the UTC time \
            (center-2026-12-02T171530Z.sqlite), and --keep N removes the oldest of that database's dated backups \
            there beyond N. PATH '-' writes the backup to standard output (for a pipe).
            """)
    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The new file (never overwritten), or - for standard output.", valueName: "path"))
    var path: String?
    @Option(name: .customLong("to"), help: ArgumentHelp("A folder: write a dated backup there.", valueName: "folder"))
    var folder: String?
    @Option(help: "With --to: keep this many backups of this database in the folder, removing the oldest (at least 1).")
    var keep: Int?

    func validate() throws {
        guard (path == nil) != (folder == nil) else { throw ValidationError(key: "cli.backup.fileOrFolder") }
        if let keep {
            guard folder != nil else { throw ValidationError(key: "cli.backup.keepWithTo") }
            guard keep >= 1 else { throw ValidationError(key: "cli.backup.badKeep") }
        }
    }

    func run() throws {
        let db: any FrontDeskRepository = try common.openDatabase()
        let strings = try ShippedData.strings(common.language)
        let started = Date()
        if let folder {
            let rotation = try storeCall { try db.backup(intoFolder: folder, keep: keep, by: currentActor(), at: try clockNow()) }
            print(strings("cli.backup.written", TextOutput.safe(rotation.written), Self.size(rotation.written) / 1024,
                          Int(Date().timeIntervalSince(started) * 1000)))
            for old in rotation.removed { print(strings("cli.backup.removed", TextOutput.safe(old))) }
            FrontDeskCommand.logger.info("backup written", metadata: ["file": "\(rotation.written)", "removed": "\(rotation.removed.count)"])
            try reportAuditCheck(rotation, strings)
            return
        }
        guard let path else { return }
        if path == "-" { return try toStandardOutput(db) }
        // Said before the store tries: its refusal speaks of creating a database file.
        if FileManager.default.fileExists(atPath: path) {
            throw UserError(key: "cli.backup.exists", TextOutput.safe(path))
        }
        try storeCall { try db.backup(to: path, by: currentActor(), at: try clockNow()) }
        print(strings("cli.backup.written", TextOutput.safe(path), Self.size(path) / 1024, Int(Date().timeIntervalSince(started) * 1000)))
    }

    /// Prints and logs the audit trail's check against the reference backup; a broken trail
    /// ends the command with status 1 (the timer's run fails) after the backup was kept.
    private func reportAuditCheck(_ rotation: BackupRotation, _ strings: Localizer) throws {
        guard let (reference, verdict) = rotation.auditCheck else {
            print(strings("cli.backup.notChecked", TextOutput.safe(rotation.written)))
            return
        }
        func t(_ key: String, _ args: CustomStringConvertible...) -> String { strings.text("cli.audit." + key, args) }
        switch verdict {
        case .intact(let head, let rowCount):
            print(t("intact", rowCount) + t("asInBackup") + " (\(TextOutput.safe(reference)))")
            print(t("head", head))
            FrontDeskCommand.logger.info("audit trail intact", metadata: ["rows": "\(rowCount)", "head": "\(head)", "against": "\(reference)"])
        case .broken(let rowId, let problem):
            let text = t("broken", rowId, AuditVerifyCommand.text(of: problem, at: rowId, t))
            FrontDeskCommand.logger.critical("audit trail broken", metadata: ["row": "\(rowId)", "problem": "\(problem)", "against": "\(reference)"])
            throw UserError(text + strings("cli.backup.brokenAgainst", TextOutput.safe(reference)))
        }
    }

    /// `backup -`: the backup is made in a private temporary folder, then copied to standard
    /// output and removed. Refused when standard output is a terminal.
    private func toStandardOutput(_ db: any FrontDeskRepository) throws {
        guard isatty(1) == 0 else {
            throw UserError(key: "cli.backup.terminal")
        }
        let folder = FileManager.default.temporaryDirectory.path + "/frontdesk-backup-\(getpid())-\(UUID().uuidString.prefix(8))"
        guard mkdir(folder, 0o700) == 0 else {
            throw UserError(key: "cli.backup.noTemporaryFolder", TextOutput.safe(FileManager.default.temporaryDirectory.path))
        }
        let file = folder + "/backup.sqlite"
        defer {
            unlink(file)
            rmdir(folder)
        }
        try storeCall { try db.backup(to: file, by: currentActor(), at: try clockNow()) }
        guard let handle = FileHandle(forReadingAtPath: file) else { throw UserError(key: "cli.backup.cannotReadBack") }
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let failure = writeAll(1, chunk)
            if failure != 0 {
                unlink(file)
                rmdir(folder)
                StandardOutput.fail(failure)
            }
        }
    }

    private static func size(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}

/// `frontdesk restore BACKUP`: replaces the database by a checked backup, keeping the replaced
/// file beside it.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database by a backup (checked first); the replaced file is kept beside it.",
        discussion: """
            Refused while any terminal has the database open: close every FrontDesk session on it first. The \
            backup must be a whole FrontDesk database (integrity check); the current file is renamed \
            PATH.replaced-STAMP, the backup's copy takes its place, and the restore is written in the audit trail.
            """)
    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The backup file to restore.", valueName: "backup")) var backup: String

    func run() throws {
        let target = common.databasePath
        let result = try storeCall {
            try AppDatabase.restore(from: backup, to: target, by: currentActor(), at: try clockNow(), calendar: try common.calendar())
        }
        FrontDeskCommand.logger.notice("database restored", metadata: [
            "database": "\(target)", "backup": "\(backup)", "kept-as": "\(result.replacedKeptAs ?? "-")",
        ])
        let strings = try ShippedData.strings(common.language)
        print(strings("cli.restore.done", TextOutput.safe(target), TextOutput.safe(backup)))
        if let kept = result.replacedKeptAs { print(strings("cli.restore.kept", TextOutput.safe(kept))) }
    }
}
