import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Launches a program on a fresh pseudo-terminal (80x24) and times its first screen.
enum PTYProbe {
    struct Measurement {
        var milliseconds: Double
        var residentKiB: Int
        /// CPU time the process had used by then, all threads (from /proc/PID/task/*/schedstat).
        var cpuMilliseconds: Double
    }

    enum ProbeError: Error { case pty(String), timeout(String) }

    /// Time from launch until `marker` appears in the program's output, and its VmRSS then.
    static func firstFrame(binary: String, arguments: [String], marker: String) throws -> Measurement {
        // posix_openpt/grantpt/unlockpt/ptsname are not imported by Swift's Glibc module; do what
        // they do on Linux: open /dev/ptmx, unlock (TIOCSPTLCK) and ask the number (TIOCGPTN).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw ProbeError.pty("open /dev/ptmx") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430 // _IOW('T',0x31,int), _IOR('T',0x30,unsigned)
        guard ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0 else { throw ProbeError.pty("unlock") }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slavePath = "/dev/pts/\(number)"
        guard let slave = FileHandle(forUpdatingAtPath: slavePath) else { throw ProbeError.pty("slave") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        process.environment = env
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        var seen = Data()
        let markerData = Data(marker.utf8)
        var elapsed = 0.0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = start + 10_000_000_000
        while true {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            _ = poll(&pfd, 1, 100)
            if pfd.revents & Int16(POLLIN) != 0 {
                let n = read(master, &buffer, buffer.count)
                if n > 0 { seen.append(contentsOf: buffer[0..<n]) }
                if seen.range(of: markerData) != nil {
                    elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                    break
                }
            }
            if DispatchTime.now().uptimeNanoseconds > deadline {
                process.terminate()
                throw ProbeError.timeout(String(decoding: seen.suffix(400), as: UTF8.self))
            }
        }
        let rss = residentKiB(pid: process.processIdentifier)
        let cpu = cpuMilliseconds(pid: process.processIdentifier)
        kill(process.processIdentifier, SIGTERM)
        // Drain so the child is not blocked writing while it exits.
        while process.isRunning {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, 20) > 0 { _ = read(master, &buffer, buffer.count) }
        }
        try? slave.close()
        close(master)
        return Measurement(milliseconds: elapsed, residentKiB: rss, cpuMilliseconds: cpu)
    }

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
