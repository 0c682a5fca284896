import ArgumentParser
import Foundation
import FrontDeskDemo
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI
import SystemPackage

/// `frontdesk demo`: fills a database with reproducible, realistic demo data.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill the database with reproducible demo visitors, today's walk-in queue, counselors, rooms, closures, group sessions and appointments.")

    @OptionGroup var common: CommonOptions

    @Option(help: "How many visitors to register.")
    var visitors: Int = 2_000

    @Option(help: "Random seed: the same seed gives the same data.")
    var seed: UInt64 = 2026

    @Flag(help: "Delete the --db file first, if it exists (its data is lost).")
    var fresh = false

    @Flag(help: "No walk-ins: neither today's queue nor a history (unless --walk-in-days is given).")
    var noWalkIns = false

    @Option(help: "Days of appointment history before today (365: a year, for benchmarks).")
    var appointmentsDays: Int = 21

    @Option(help: "Days of booked appointments from today on.")
    var futureDays: Int = 28

    @Option(help: "Days of walk-in history before today (visits called and closed), for occupancy and reports (default 21; 0 with --no-walk-ins).")
    var walkInDays: Int?

    @Option(help: "About how many walk-ins each open day of the history (default: 20 to 37, as on a real day).")
    var walkInsPerDay: Int?

    @Option(help: "How many counselors (ten named ones, then more from name pools).")
    var counselors: Int = 10

    @Option(help: "How many rooms (Salle 1–5, Salle de groupe, Bureau d'accueil, then Salle 6…).")
    var rooms: Int = 7

    func validate() throws {
        guard (0...1_000_000).contains(visitors) else { throw ValidationError(key: "cli.demo.badVisitors") }
        guard (0...3_660).contains(appointmentsDays), (0...3_660).contains(futureDays) else {
            throw ValidationError(key: "cli.demo.badDays")
        }
        guard (0...3_660).contains(walkInDays ?? 0), (walkInsPerDay ?? 1) >= 1 else {
            throw ValidationError(key: "cli.demo.badWalkIns")
        }
        guard (0...200).contains(counselors), (0...100).contains(rooms) else { throw ValidationError(key: "cli.demo.badResources") }
    }

    func run() throws {
        // Demo data never goes into the center's own database by accident: the file must be named.
        guard common.db != nil else {
            throw UserError(key: "cli.demo.needsDB")
        }
        // All or nothing: the demo is built under a temporary name beside the file (from a copy
        // of the file when it exists and --fresh is not given) and renamed into place when whole,
        // so a killed run leaves the previous file, or none, never half a demo.
        let target = common.databasePath
        try removeStaleTemporaries(of: target)
        if AppDatabase.isOpenElsewhere(target) {
            throw UserError { $0.message(for: StoreError.inUse(target)) }
        }
        let temporary = target + ".demo-\(getpid())"
        AppDatabase.removeDatabaseFiles(temporary)
        let existing = !fresh && FileManager.default.fileExists(atPath: target)
        if existing {
            let current = try common.openDatabase()
            if try storeCall({ try current.visitorCount() }) > 0 {
                throw UserError(key: "cli.demo.notEmpty", target)
            }
            try storeCall { try current.backup(to: temporary) }
            try current.close()
        }
        do {
            let database = try storeCall { try AppDatabase.open(path: temporary, calendar: try common.calendar()) }
            try fill(database)
            try database.close()
            try storeCall { try AppDatabase.install(temporary, at: target) }
        } catch {
            AppDatabase.removeDatabaseFiles(temporary)
            throw error
        }
    }

    /// Removes what killed demo runs left beside `target` (`TARGET.demo-PID` of a process that
    /// is gone).
    private func removeStaleTemporaries(of target: String) throws {
        let path = FilePath(target)
        let folder = path.removingLastComponent().string
        let prefix = (path.lastComponent?.string ?? target) + ".demo-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(rest), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink((folder.isEmpty ? "" : folder + "/") + name)
        }
    }

    /// Fills an empty (or catalog-only) database with the demo.
    private func fill(_ db: any FrontDeskRepository) throws {
        let calendar = try common.calendar()
        let actor = Actor(name: "demo", terminal: "demo")
        // FRONTDESK_NOW fixes "today" of the whole demo (history, agenda, queue), as for other commands.
        let now = try clockNow()
        let strings = try ShippedData.strings(common.language)
        try storeCall { try db.loadCatalog(try ShippedData.services(), by: actor, at: now) }
        var generator = DemoGenerator(seed: seed)
        let people = generator.visitors(count: visitors, now: now, calendar: calendar)
        let progress = Progress(label: strings("cli.demo.progress"), total: people.count, strings: strings)
        let registered = try storeCall {
            try db.registerMany(people, by: actor, at: now) { done, _ in progress.update(done) }
        }
        progress.finish()
        var queued = 0
        // Outside opening hours (09:00–17:00) the demo still shows a working queue: it plays the
        // last three hours as if the center were open, so every screen has something to show.
        let hour = calendar.timeOfDay(of: now).hour
        let open = (9..<17).contains(hour) ? (hour: 9, minute: 0) : (hour: max(0, hour - 3), minute: 0)
        let close = (9..<17).contains(hour) ? (hour: 17, minute: 0) : (hour: 23, minute: 59)
        let plan = noWalkIns ? [] : generator.walkIns(for: people, now: now, calendar: calendar, opensAt: open, closesAt: close)
        for walkIn in plan {
            let visitor = registered[walkIn.visitorIndex]
            let visit = try storeCall { try db.checkIn(visitorId: visitor.id, category: walkIn.category, by: actor, at: walkIn.arrivedAt) }
            if let calledAt = walkIn.calledAt {
                _ = try storeCall { try db.call(visitId: visit.id, by: Actor(name: walkIn.calledBy ?? "Desk 1", terminal: "demo"), at: calledAt) }
            }
            if let outcome = walkIn.outcome, let leftAt = walkIn.leftAt {
                _ = try storeCall { try db.close(visitId: visit.id, outcome: outcome, by: actor, at: leftAt) }
            }
            queued += 1
        }
        let schedule = try DemoSchedule(db: db, calendar: calendar, now: now, actor: actor, visitorIds: registered.map(\.id),
                                        pastDays: appointmentsDays, futureDays: futureDays).fill(
            counselors: DemoGenerator.counselors(count: counselors), rooms: DemoGenerator.rooms(count: rooms), generator: &generator)
        var history = 0
        let walkInDays = self.walkInDays ?? (noWalkIns ? 0 : 21)
        if walkInDays > 0 && !registered.isEmpty {
            let today = calendar.localDate(of: now)
            let settings = try storeCall { try db.centerSettings() }
            let closures = try storeCall { try db.closures(from: today.adding(days: -walkInDays), through: today) }
            let plan = generator.walkInHistory(for: people, from: today.adding(days: -walkInDays), through: today.adding(days: -1),
                                               calendar: calendar, perDay: walkInsPerDay) { day in
                !settings.openingHours.ranges(on: day.isoWeekday).isEmpty && !closures.contains { $0.isCenterWide && $0.covers(day) }
            }
            history = try storeCall { try db.recordWalkIns(plan, visitorIds: registered.map(\.id), by: actor, at: now) }
        }
        let staff = try addDemoStaff(db, actor: actor, now: now)
        var counts = [strings.plural("cli.demo.visitors", registered.count), strings.plural("cli.demo.checkIns", queued),
                      strings.plural("cli.demo.walkIns", history, strings.plural("cli.demo.days", walkInDays)),
                      strings.plural("cli.demo.counselors", schedule.counselors), strings.plural("cli.demo.rooms", schedule.rooms)]
        if schedule.counselors > 0 && schedule.rooms > 0 {
            counts += [strings.plural("cli.demo.groupSessions", schedule.groupSessions), strings.plural("cli.demo.appointments", schedule.appointments)]
        }
        print(strings("cli.demo.ready", common.databasePath, counts.joined(separator: ", ")))
        print(strings("cli.demo.logins", staff.map { "\($0.name) \($0.pin)" }.joined(separator: ", ")))
    }

    /// One login per role with the demo-only PINs of the README: receptionist 1111, counselor
    /// 2222 (linked to the first counselor), coordinator 3333, admin 4444. Only ever written to
    /// the demo file this command created (it refuses a database that holds visitors).
    private func addDemoStaff(_ db: any FrontDeskRepository, actor: Actor, now: Date) throws -> [(name: String, pin: String)] {
        var logins: [(String, StaffRole, Int64?, String)] = [("Reception", .receptionist, nil, "1111")]
        if let counselor = try storeCall({ try db.counselors(includeInactive: false) }).first {
            logins.append((counselor.name, .counselor, counselor.id, "2222"))
        }
        logins += [("Coordination", .coordinator, nil, "3333"), ("Admin", .admin, nil, "4444")]
        for (name, role, counselorId, pin) in logins {
            try staffCall(db.calendar) { try db.addStaff(name: name, role: role, counselorId: counselorId, pin: pin, by: actor, at: now) }
        }
        return logins.map { ($0.0, $0.3) }
    }
}

/// A one-line progress indicator on stderr, shown only when stderr is a terminal.
final class Progress {
    private let label: String
    private let total: Int
    private let strings: Localizer?
    private let showsCounts: Bool
    private let enabled = isatty(2) == 1
    private var lastPercent = -1

    /// - Parameters:
    ///   - strings: the command's language, for its punctuation (`Import : 16 %` in French).
    ///   - showsCounts: add `(done/total)`; off when `total` counts steps, not rows.
    init(label: String, total: Int, strings: Localizer? = nil, showsCounts: Bool = true) {
        self.label = label
        self.total = max(1, total)
        self.strings = strings
        self.showsCounts = showsCounts
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let percent = done * 100 / total
        guard percent != lastPercent else { return }
        lastPercent = percent
        let line = strings.map { $0(showsCounts ? "cli.progress.counts" : "cli.progress", label, percent, done, total) }
            ?? "\(label): \(percent)%" + (showsCounts ? " (\(done)/\(total))" : "")
        FileHandle.standardError.write(Data("\r\(line)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
