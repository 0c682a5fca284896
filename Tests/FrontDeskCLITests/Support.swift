import Foundation
#if canImport(Glibc)
import Glibc
#endif
import FrontDeskTestSupport
import Testing

/// Paths of the binaries built beside the test bundle (`.build/<triple>/debug/`).
enum TestBinary {
    static var directory: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (exe as NSString).deletingLastPathComponent
    }

    static var frontdesk: String { directory + "/frontdesk" }
}

/// A fresh temporary folder, removed by `remove()`.
struct TempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "frontdesk-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// What a finished process said.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program to completion with extra environment variables; output is captured.
/// (A program that leaves a daemon behind must not let it inherit these pipes.)
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:],
                in directory: String? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    // English whatever the locale of whoever runs the tests: LC_ALL and LC_MESSAGES would win over LANG.
    env["LANG"] = "C.UTF-8"
    env["LC_ALL"] = nil
    env["LC_MESSAGES"] = nil
    env["FRONTDESK_DESK"] = "Desk 1"
    for (k, v) in extra { env[k] = v }
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes at once before waiting: a child that fills one pipe while we wait on the
    // other would block for ever (an import listing thousands of refused rows on stderr).
    let errorReader = PipeReader(err.fileHandleForReading)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = errorReader.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe held, once the writer closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}

/// A demo database of 20 visitors in `folder` (`d.sqlite`); its path.
func demoDatabase(in folder: TempDir, environment: [String: String] = [:]) throws -> String {
    let db = folder.file("d.sqlite")
    try #require(try frontdesk(["demo", "--db", db, "--visitors", "20"], environment: environment).status == 0)
    return db
}

/// Runs `frontdesk` with the arguments.
@discardableResult
func frontdesk(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
    try runProcess(TestBinary.frontdesk, arguments, environment: environment)
}

/// A private tmux server running one program in an 80x24 (or other) window: the real terminal
/// for end-to-end tests. Keys go in with `send`, the screen comes out with `capture`.
final class TmuxSession {
    let socket: String
    private(set) var closed = false

    /// Starts the server and the program. Fails the test under `CI=true`, or skips it
    /// elsewhere, when tmux or python3 is missing (`ExternalTool.require`).
    init(width: Int = 80, height: Int = 24, command: String, environment: [String: String] = [:]) throws {
        try ExternalTool.require(.tmux, .python3)
        socket = "frontdesk-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        var args = ["-L", socket, "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)"]
        var env = ["LANG": "C.UTF-8", "TERM": "tmux-256color", "FRONTDESK_DESK": "Desk 1"]
        for (k, v) in environment { env[k] = v }
        for (k, v) in env.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        // The server that new-session forks lives on after this call. It must not inherit our
        // pipes nor any descriptor of tests running in parallel (their reads would never see
        // EOF), nor the test runner's blocked signals (the server and the program in its pane
        // would then ignore SIGTERM and SIGHUP and outlive the test). Python resets both, then
        // becomes tmux.
        let launcher = """
            import os, signal, sys
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGWINCH):
                signal.signal(s, signal.SIG_DFL)
            os.closerange(3, 65536)
            fd = os.open(os.devnull, os.O_RDWR)
            for target in (0, 1, 2):
                os.dup2(fd, target)
            os.execvp("tmux", ["tmux"] + sys.argv[1:])
            """
        let r = try runProcess("/usr/bin/env", ["python3", "-c", launcher] + args)
        guard r.status == 0 else { throw TmuxError.failed("new-session exited \(r.status)") }
        // Keep the pane after the program exits, so its last words can be read.
        try tmux(["set-option", "-t", "t", "remain-on-exit", "on"])
    }

    enum TmuxError: Error, CustomStringConvertible {
        case failed(String)
        case timeout(String, screen: String)
        var description: String {
            switch self {
            case .failed(let s): "tmux failed: \(s)"
            case .timeout(let what, let screen): "timed out waiting for \(what); screen was:\n\(screen)"
            }
        }
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let r = try runProcess("/usr/bin/env", ["tmux", "-L", socket] + args)
        guard r.status == 0 else { throw TmuxError.failed("\(args.first ?? ""): \(r.stderr)") }
        return r.stdout
    }

    /// Sends named keys (`Enter`, `F2`, `Escape`, `Tab`, `BTab`, `Up`…), once the program has
    /// read what was sent before.
    func send(_ keys: String...) throws {
        try waitUntilInputRead()
        try tmux(["send-keys", "-t", "t"] + keys)
    }

    /// Types text literally, any script, once the program has read what was sent before.
    func type(_ text: String) throws {
        try waitUntilInputRead()
        let before = try capture()
        try tmux(["send-keys", "-t", "t", "-l", text])
        // Typed text shows (a field, PIN dots, a notice): wait for it briefly, so that a key
        // sent next never reaches the program in one read with this text (tmux writes to the
        // pane after send-keys returns). Text that shows nothing goes on after the wait.
        _ = try? waitFor("the typed text to show", timeout: 2) { $0 != before }
    }

    /// Pastes text the way a terminal without bracketed paste does: all at once, a line break
    /// as Enter (tmux `paste-buffer` without `-p`).
    func rawPaste(_ text: String) throws {
        try waitUntilInputRead()
        try tmux(["set-buffer", "-b", "fd", text])
        try tmux(["paste-buffer", "-d", "-b", "fd", "-t", "t"])
    }

    /// Waits until the program in the pane is idle waiting for input: no byte waits in the pane's
    /// terminal and no thread of the program runs. Keys sent next then never arrive in one read with keys
    /// sent before (the program reads text, Enter and Tab that arrive together as a possible raw
    /// paste), however late a busy machine runs it. A program that reads a burst is running, not
    /// asleep, so both conditions together mean the last burst is over.
    func waitUntilInputRead() throws {
        let tty = try tmux(["display", "-p", "-t", "t", "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try panePID()
        let fd = open(tty, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return } // the pane is gone: the next command reports it
        defer { _ = Glibc.close(fd) }
        let deadline = Date().addingTimeInterval(Self.patience)
        while true {
            var waiting: Int32 = 0
            let read = ioctl(fd, UInt(FIONREAD), &waiting) == 0 && waiting == 0
            if read && Self.isAsleep(pid) { return }
            guard Date() < deadline else {
                throw TmuxError.timeout("the program to read its input", screen: (try? capture()) ?? "")
            }
            usleep(2_000)
        }
    }

    /// True when every thread of the process sleeps (state `S` in `/proc/PID/task/TID/stat`:
    /// the terminal is read on a thread of Swift's pool, not the main one), or the process is gone.
    static func isAsleep(_ pid: Int32) -> Bool {
        guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") else { return true }
        return tasks.allSatisfy { task in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return true }
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
            return state != "R" && state != "D"
        }
    }

    /// The screen as text, one line per row.
    func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", "t"]) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the program in the pane.
    func panePID() throws -> Int32 {
        Int32(try tmux(["display", "-p", "-t", "t", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// True while the program in the pane is running.
    func isRunning() throws -> Bool {
        try tmux(["display", "-p", "-t", "t", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "0"
    }

    /// How long a wait for the screen may take before the test fails: generous, because a busy
    /// 2-core CI machine can stall a process for seconds. It bounds a wait, it measures nothing.
    static let patience: TimeInterval = 30

    /// Polls the screen until `condition` holds, with a deadline; returns the screen.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = patience, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(50_000)
        }
        throw TmuxError.timeout(what, screen: screen)
    }

    /// Polls until the screen contains the text.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = patience) throws -> String {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    func close() {
        guard !closed else { return }
        closed = true
        let pid = try? panePID()
        _ = try? runProcess("/usr/bin/env", ["tmux", "-L", socket, "kill-server"])
        // The program must not outlive its test, whatever it does with SIGHUP.
        if let pid, pid > 0 { kill(pid, SIGKILL) }
    }

    deinit { close() }
}

/// Runs one SQL statement on the file with the sqlite3 shell (another process, as a second
/// terminal would be). Fails the test under `CI=true`, or skips it elsewhere, without sqlite3.
@discardableResult
func sqlite3(_ db: String, _ sql: String) throws -> ProcessResult {
    try ExternalTool.require(.sqlite3)
    return try runProcess("/usr/bin/env", ["sqlite3", db, sql])
}

/// Adds a staff login with `frontdesk staff add` (the PIN through `$FRONTDESK_PIN`, never argv).
@discardableResult
func addStaff(_ db: String, name: String = "Amina Desk", role: String = "receptionist", pin: String = "1111",
              counselor: String? = nil) throws -> ProcessResult {
    var args = ["staff", "add", name, "--role", role, "--db", db]
    if let counselor { args += ["--counselor", counselor] }
    let r = try frontdesk(args, environment: ["FRONTDESK_PIN": pin])
    guard r.status == 0 else { throw TmuxSession.TmuxError.failed("staff add: \(r.stderr)") }
    return r
}

extension TmuxSession {
    /// Signs in on the sign-in screen by keys: moves to `name` (when given), types the PIN, Enter.
    func signIn(pin: String = "1111", name: String? = nil) throws {
        try waitFor("Who are you?")
        if let name {
            // The selected row is the one marked ▶; after each Down, wait until the mark moves
            // (never a bare sleep: a slow screen would make us press Down twice).
            func selected(_ screen: String) -> String { screen.split(separator: "\n").first { $0.contains("▶ ") }.map(String.init) ?? "" }
            for _ in 0..<20 {
                let row = selected(try capture())
                if row.contains("▶ \(name)") { break }
                try send("Down")
                try waitFor("the selection to move past \(row)") { selected($0) != row }
            }
        }
        try type(pin)
        // Enter only once the PIN shows as typed (one dot a digit): text then Enter in one
        // burst could read as a paste.
        try waitFor("the PIN's dots") { $0.contains(String(repeating: "•", count: pin.count)) }
        try send("Enter")
        try waitFor("signed in") { !$0.contains("Who are you?") }
    }
}

/// Starts `workers` shell processes, each running one `frontdesk checkin CODE --category social`
/// process after another over its share of `codes` (an equal slice each); a failed check-in
/// writes `FAILED` to the worker's log. Returns the running processes and their log paths.
func startCheckInWorkers(_ codes: [String], workers: Int, db: String, dir: TempDir) throws -> (processes: [Process], logs: [String]) {
    let share = codes.count / workers
    var processes: [Process] = []
    var logs: [String] = []
    for w in 0..<workers {
        let list = dir.file("codes-\(w).txt")
        try codes[(w * share)..<((w + 1) * share)].joined(separator: "\n").appending("\n").write(toFile: list, atomically: true, encoding: .utf8)
        let log = dir.file("worker-\(w).log")
        logs.append(log)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "while read c; do \"$0\" checkin \"$c\" --category social --db \"$1\" || echo FAILED; done < \"$2\" > \"$3\" 2>&1",
                       TestBinary.frontdesk, db, list, log]
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        p.environment = env
        processes.append(p)
    }
    for p in processes { try p.run() }
    return (processes, logs)
}
