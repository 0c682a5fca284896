import Foundation
import Testing

/// Issue 13 item 3: failures go with their detail to the log for IT (here `$FRONTDESK_LOG`, the
/// system log otherwise), a crash ends in one line and a log record with no stack trace on the
/// terminal, and the log never holds a visitor's name.
struct ITLogTests {
    @Test func theLogTellsITWhatHappenedAndHoldsNoVisitorName() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let log = tmp.file("frontdesk.log")
        let env = ["FRONTDESK_LOG": log]
        let db = tmp.file("center.sqlite")
        try #require(try frontdesk(["demo", "--db", db, "--visitors", "300"], environment: env).status == 0)
        for command in [["queue"], ["visitors", "search", "mo"], ["checkin", "V-2026-00010", "--category", "social"],
                        ["backup", "--to", tmp.file("backups"), "--keep", "2"], ["audit"]] {
            let r = try frontdesk(command + ["--db", db], environment: env)
            #expect(r.status == 0, "\(command): \(r.stderr)")
        }
        // A damaged copy: the command line says one line, the log has SQLite's detail.
        let damaged = tmp.file("damaged.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: damaged)
        try damage(damaged, table: "visitor")
        let refused = try frontdesk(["visitors", "search", "mo", "--db", damaged], environment: env)
        #expect(refused.status == 1 && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")

        // A desk session: sign in, search, check in, quit.
        let desk = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en", environment: env)
        defer { desk.close() }
        try desk.signIn(pin: "1111", name: "Reception")
        try desk.waitFor("Queue · all")
        try desk.type("mo")
        try desk.waitFor("V-2026")
        try desk.send("F10")
        try desk.waitFor("Quit")
        try desk.send("y")
        try waitUntilStopped(desk)

        // A crash: one line on the terminal, no stack trace, a record in the log.
        let crashing = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en; echo EXIT=$?", environment: env)
        defer { crashing.close() }
        try crashing.waitFor("Who are you?")
        kill(try frontdeskPID(in: crashing), SIGSEGV)
        let screen = try crashing.waitFor("EXIT=139")
        #expect(screen.contains("frontdesk: stopped unexpectedly"), "\(screen)")
        #expect(!screen.contains("Backtrace") && !screen.contains("Thread 0") && !screen.contains("💣"), "\(screen)")

        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("[frontdesk.cli] backup written"), "\(text)")
        #expect(text.contains("[frontdesk.cli] command failed command=visitors search detail=SQLite error 11"), "\(text)")
        #expect(text.contains("[frontdesk.tui] desk session started") && text.contains("[frontdesk.tui] desk session ended"), "\(text)")
        #expect(text.contains("[frontdesk.crash] stopped by signal 11"), "\(text)")
        // No visitor's name, in any script, as a word of the log.
        let names = try sqlite3(db, "SELECT given_name || ' ' || family_name FROM visitor").stdout
        let nameWords = Set(names.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }.filter { $0.count >= 3 })
        #expect(nameWords.count > 100)
        let logWords = Set(text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() })
        #expect(nameWords.isDisjoint(with: logWords), "\(nameWords.intersection(logWords))")
    }

    private func waitUntilStopped(_ session: TmuxSession) throws {
        let deadline = Date().addingTimeInterval(TmuxSession.patience)
        while try session.isRunning(), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!(try session.isRunning()))
    }

    /// The pid of the frontdesk process running in the session's pane (the shell's child).
    private func frontdeskPID(in session: TmuxSession) throws -> Int32 {
        let shell = try session.panePID()
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        let pid = try #require(children.split(separator: " ").compactMap { Int32($0) }.first, "no child of the pane's shell")
        return pid
    }
}
