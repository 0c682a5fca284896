import Foundation
import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// A program running on a fresh pseudo-terminal (80x24): its output is read as it comes into a
/// model of the screen (`PTYScreen`), keys are written to it, and the moments its screens
/// appear are timed.
///
/// A screen is recognized by a marker, text that only that screen shows, looked for on the
/// rebuilt screen rather than in the output: curses writes only the cells that change, so a
/// marker may never appear whole in the bytes.
final class PTYSession {
    enum ProbeError: Error, CustomStringConvertible {
        case pty(String)
        case timeout(String, seen: String)

        var description: String {
            switch self {
            case .pty(let what): "pseudo-terminal: \(what)"
            case .timeout(let what, let seen): "timed out waiting for \(what); the screen was:\n\(seen)"
            }
        }
    }

    let process: Process
    private let master: Int32
    private let slave: FileHandle
    /// Launch time (uptime nanoseconds).
    let launched: UInt64
    /// What the terminal shows now.
    private(set) var screen = PTYScreen()
    /// Chunks read but not yet applied to `screen` (a wait returns at the chunk that made its
    /// condition hold; the next wait goes on from there).
    private var unapplied: [([UInt8], Double)] = []
    /// `DisplayText.width` (used by `PTYScreen`) needs a UTF-8 locale in this process.
    private static let utf8 = TerminalLocale.useUTF8ForTests()
    private var buffer = [UInt8](repeating: 0, count: 65_536)
    private var closed = false

    /// Launches `binary` on a new 80x24 pseudo-terminal with `TERM=xterm-256color`,
    /// `LANG=C.UTF-8` and `environment` added to this process's environment.
    init(binary: String, arguments: [String], environment: [String: String] = [:]) throws {
        // posix_openpt/grantpt/unlockpt/ptsname are not imported by Swift's Glibc module; do what
        // they do on Linux: open /dev/ptmx, unlock (TIOCSPTLCK) and ask the number (TIOCGPTN).
        _ = Self.utf8
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw ProbeError.pty("open /dev/ptmx") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430 // _IOW('T',0x31,int), _IOR('T',0x30,unsigned)
        guard ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0 else {
            Glibc.close(master)
            throw ProbeError.pty("unlock")
        }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        guard let slave = FileHandle(forUpdatingAtPath: "/dev/pts/\(number)") else {
            Glibc.close(master)
            throw ProbeError.pty("slave")
        }
        self.slave = slave
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env.merge(environment) { $1 }
        process.environment = env
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        launched = DispatchTime.now().uptimeNanoseconds
        try process.run()
    }

    deinit { close() }

    /// Milliseconds since launch.
    func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - launched) / 1_000_000 }

    /// Reads the output until the screen shows `marker`; returns the milliseconds since launch
    /// when it did (after the read that brought it).
    /// - Throws: `ProbeError.timeout` after `timeout` seconds (a bound, not a measure).
    @discardableResult
    func waitFor(_ marker: String, timeout: Double = 30) throws -> Double {
        try waitUntil(marker.debugDescription, timeout: timeout) { $0.shows(marker) }
    }

    /// Reads the output until `condition` holds for the screen; returns the milliseconds since
    /// launch when the bytes that made it hold were read (the time spent rebuilding the screen
    /// is not counted: everything waiting is read and stamped before it is looked at).
    /// - Throws: `ProbeError.timeout`, naming `what`, after `timeout` seconds.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 30, _ condition: (PTYScreen) -> Bool) throws -> Double {
        if condition(screen) { return elapsed() }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while true {
            if unapplied.isEmpty { unapplied = readAvailable(waitingMilliseconds: 100) }
            while !unapplied.isEmpty {
                let (bytes, readAt) = unapplied.removeFirst()
                screen.append(bytes[...])
                if condition(screen) { return readAt }
            }
            if DispatchTime.now().uptimeNanoseconds > deadline {
                throw ProbeError.timeout(what, seen: screen.lines.joined(separator: "\n"))
            }
        }
    }

    /// Reads all the program has written, waiting at most `waitingMilliseconds` for the first
    /// byte; each chunk with the milliseconds since launch when it was read.
    private func readAvailable(waitingMilliseconds: Int32) -> [([UInt8], Double)] {
        var chunks: [([UInt8], Double)] = []
        var wait = waitingMilliseconds
        while true {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, wait) > 0, pfd.revents & Int16(POLLIN) != 0 else { return chunks }
            let n = read(master, &buffer, buffer.count)
            guard n > 0 else { return chunks }
            chunks.append((Array(buffer[0..<n]), elapsed()))
            wait = 0
        }
    }

    /// Types `text` (UTF-8 bytes; "\r" is Enter, "\u{15}" Ctrl-U).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// VmRSS of the program now, in KiB.
    func residentKiB() -> Int { PTYProbe.residentKiB(pid: process.processIdentifier) }

    /// CPU time of all the program's threads so far, in milliseconds.
    func cpuMilliseconds() -> Double { PTYProbe.cpuMilliseconds(pid: process.processIdentifier) }

    /// Ends the program (SIGTERM, then SIGKILL after 5 s) and closes the terminal.
    func close() {
        guard !closed else { return }
        closed = true
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        // Drain so the program is not blocked writing while it exits.
        let deadline = DispatchTime.now().uptimeNanoseconds + 5_000_000_000
        while process.isRunning {
            if DispatchTime.now().uptimeNanoseconds > deadline { kill(process.processIdentifier, SIGKILL) }
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, 20) > 0 { _ = read(master, &buffer, buffer.count) }
        }
        try? slave.close()
        Glibc.close(master)
    }
}

/// Measures taken from /proc.
enum PTYProbe {
    /// VmRSS of a process in KiB, from /proc.
    static func residentKiB(pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }

    /// CPU time of all the threads of a process so far, in milliseconds: the first field of each
    /// /proc/PID/task/TID/schedstat is nanoseconds spent on a CPU.
    static func cpuMilliseconds(pid: Int32) -> Double {
        let dir = "/proc/\(pid)/task"
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return tasks.reduce(0.0) { sum, tid in
            let text = (try? String(contentsOfFile: "\(dir)/\(tid)/schedstat", encoding: .utf8)) ?? ""
            return sum + (Double(text.split(separator: " ").first ?? "0") ?? 0) / 1_000_000
        }
    }
}
