import Foundation
import Testing

/// The terminal cases against the real binary in tmux: R1, wide characters need ncursesw and a
/// UTF-8 locale; R2, width by grapheme; R3, resize storms; R4, no terminal or an unknown one;
/// R5, data never drives the terminal.
@Suite(.serialized) struct TerminalCasesTests {
    /// A database with the catalog and two visitors, one named with an escape sequence.
    func prepared(_ dir: TempDir) throws -> String {
        let db = dir.file("t.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        let add = try frontdesk(["visitors", "add", "--db", db, "--given", "Lina 👶", "--family", "suivi",
                                 "--nationality", "SY", "--consent", "services"])
        try #require(add.status == 0, "\(add.stderr)")
        let evil = try frontdesk(["visitors", "add", "--db", db, "--given", "Evil", "--family", "Name",
                                  "--nationality", "MA", "--consent", "services"])
        try #require(evil.status == 0, "\(evil.stderr)")
        // Data that reached the file by another way (an import, a damaged row): ESC[2J and OSC 52.
        let sql = "UPDATE visitor SET given_name = 'Evil' || char(27) || '[2J', family_name = char(27) || ']52;c;SGVsbG8=' || char(7) || 'Name' WHERE family_name = 'Name'"
        #expect(try sqlite3(db, sql).status == 0)
        try addStaff(db)
        return db
    }

    /// R1: links libncursesw. libxlsxwriter (and libcrypto behind it) is loaded only to write
    /// a workbook (CXlsxWriter), so no start pays for binding its symbols.
    @Test func binaryLinksNcursesw() throws {
        let ldd = try runProcess("/usr/bin/ldd", [TestBinary.frontdesk])
        #expect(ldd.stdout.contains("libncursesw.so"))
        #expect(!ldd.stdout.contains("libxlsxwriter") && !ldd.stdout.contains("libcrypto"), "\(ldd.stdout)")
    }

    /// R1: "é" and "يوسف" typed in the form show correctly and are stored as UTF-8.
    @Test func typedAccentsAndArabicAreStoredAsUTF8() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("r1.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        try addStaff(db)
        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { tmux.close() }
        try tmux.signIn()
        try tmux.waitFor("Queue · all")
        try tmux.send("F2")
        try tmux.waitFor("New visitor")
        try tmux.type("é")
        try tmux.send("Tab")
        try tmux.type("يوسف")
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.type("maroc")
        try tmux.waitFor("Morocco (MA)")
        let form = try tmux.capture()
        #expect(form.contains("é"))
        #expect(form.contains("يوسف"))
        try tmux.send("Tab", "Tab", "Tab", "Tab", "Space", "F2")
        try tmux.waitFor("Walk-in check-in")
        let hex = try sqlite3(db, "SELECT hex(given_name), hex(family_name) FROM visitor")
        #expect(hex.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "C3A9|D98AD988D8B3D981")
    }

    /// R1: under a non-UTF-8 locale the program says so instead of drawing garbage.
    @Test func nonUTF8LocaleIsRefusedWithOneLine() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("r1b.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        let tmux = try TmuxSession(command: "env LANG=C LC_ALL=C \(TestBinary.frontdesk) --db \(db); echo EXIT=$?; sleep 30")
        defer { tmux.close() }
        let screen = try tmux.waitFor("EXIT=1")
        #expect(screen.contains("UTF-8"))
        #expect(!screen.contains("Queue"))
    }

    /// R4: TERM unset or unknown: one line, non-zero exit, terminal usable.
    @Test(arguments: [nil, "nonexistent-term"] as [String?])
    func missingOrUnknownTermIsRefused(term: String?) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("r4.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestBinary.frontdesk)
        process.arguments = ["--db", db]
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["TERM"] = term
        if term == nil { env.removeValue(forKey: "TERM") }
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.split(separator: "\n").count == 1)
        #expect(message.contains("TERM"))
        #expect(!message.contains("\u{1B}"))
    }

    /// R3: a resize storm leaves the process alive, idle and drawing correctly.
    @Test func resizeStormLeavesItAliveIdleAndWhole() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = try prepared(dir)
        let tmux = try TmuxSession(width: 100, height: 30, command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { tmux.close() }
        try tmux.signIn()
        try tmux.waitFor("Queue · all")
        let pid = try tmux.panePID()
        for _ in 0..<20 {
            for (w, h) in [(40, 10), (10, 4), (3, 2), (1, 1), (100, 30)] {
                try tmux.resize(width: w, height: h)
            }
        }
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor("Enlarge")
        try tmux.resize(width: 100, height: 30)
        let screen = try tmux.waitFor("whole screen") { $0.contains("Queue · all") && $0.contains("Quit") }
        #expect(try tmux.isRunning())
        #expect(screen.split(separator: "\n").first?.contains("FrontDesk") == true)
        // Idle: less than 0.2 s of CPU over the next 1.5 s.
        let before = try cpuTicks(pid)
        usleep(1_500_000)
        let after = try cpuTicks(pid)
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        #expect(Double(after - before) / ticksPerSecond < 0.2)
    }

    /// utime + stime of a process, in clock ticks, from /proc/PID/stat.
    func cpuTicks(_ pid: Int32) throws -> Int {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat[stat.range(of: ")")!.upperBound...].split(separator: " ") // safe: stat always has "(comm)"
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    /// R5: a name holding ESC[2J and OSC 52 shows placeholders; no clear, no clipboard change.
    @Test func escapeSequencesInDataNeverReachTheTerminal() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = try prepared(dir)
        let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en")
        defer { tmux.close() }
        try tmux.tmux(["set-option", "-g", "set-clipboard", "on"])
        try tmux.signIn()
        try tmux.waitFor("Queue · all")
        try tmux.type("evil")
        let screen = try tmux.waitFor("␛[2J")
        #expect(screen.contains("Queue · all"))   // not cleared
        #expect(screen.contains("Evil␛[2J ␛]52;c;"))
        let buffers = try tmux.tmux(["list-buffers"])
        #expect(buffers.isEmpty)
    }

    /// R5: text-format CLI output neutralizes the same name; CSV keeps data but no raw ESC.
    @Test func cliTextOutputNeutralizesControlCharacters() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = try prepared(dir)
        let text = try frontdesk(["visitors", "search", "evil", "--db", db])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Evil␛[2J ␛]52;c;SGVsbG8=␇Name"))
        #expect(!text.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        let csv = try frontdesk(["visitors", "search", "evil", "--db", db, "--format", "csv"])
        #expect(!csv.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(csv.stdout.contains("Evil[2J"))
    }
}
