import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program as a whole process and times it from launch to exit.
///
/// Uses `posix_spawn` and `waitpid` directly: Foundation's `Process.waitUntilExit` on Linux
/// polls its run loop and can add tens of milliseconds to a process that lives for five.
/// The clock starts just before `posix_spawn` and stops when `wait4` returns, after the
/// program's whole output has been read from its pipes (as a shell pipeline would).
enum Spawn {
    struct Result {
        /// Wall time from launch to exit.
        var milliseconds: Double
        /// User plus system CPU time of the process (from `wait4`): what it costs on its own,
        /// whatever else the machine runs meanwhile.
        var cpuMilliseconds: Double
        var status: Int32
        /// The process's peak resident memory, KiB (`ru_maxrss` from `wait4`).
        var maxResidentKiB: Int = 0
        var stdout: Data
        var stderr: Data

        var output: String { String(decoding: stdout, as: UTF8.self) }
    }

    enum SpawnError: Error, CustomStringConvertible {
        case failed(String, Int32)

        var description: String {
            switch self {
            case .failed(let program, let code): "cannot start \(program): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Runs `executable` with `arguments` and `environment` (the whole environment, not added to
    /// this process's), stdin from /dev/null, stdout and stderr captured.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Result {
        var out: [Int32] = [0, 0], err: [Int32] = [0, 0]
        guard pipe(&out) == 0, pipe(&err) == 0 else { throw SpawnError.failed(executable, errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        for fd in out + err { posix_spawn_file_actions_addclose(&actions, fd) }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(out[1])
        close(err[1])
        guard code == 0 else {
            close(out[0])
            close(err[0])
            throw SpawnError.failed(executable, code)
        }
        var stdout = Data(), stderr = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var open = [out[0], err[0]]
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&fds, nfds_t(fds.count), -1) >= 0 else {
                if errno == EINTR { continue }
                break
            }
            for f in fds where f.revents != 0 {
                let n = read(f.fd, &buffer, buffer.count)
                if n > 0 {
                    if f.fd == out[0] { stdout.append(contentsOf: buffer[0..<n]) } else { stderr.append(contentsOf: buffer[0..<n]) }
                } else {
                    close(f.fd)
                    open.removeAll { $0 == f.fd }
                }
            }
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let cpu = milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime)
        // WIFEXITED / WEXITSTATUS are macros: exit code in bits 8–15 when the low 7 bits are 0.
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(milliseconds: elapsed, cpuMilliseconds: cpu, status: exit, maxResidentKiB: Int(usage.ru_maxrss),
                      stdout: stdout, stderr: stderr)
    }

    static func milliseconds(_ t: timeval) -> Double {
        Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000
    }

    /// Wall and CPU times of several runs, and the last run's result.
    struct Timing {
        var wall: [Double] = []
        var cpu: [Double] = []
        var last: Result?
    }

    /// Times `runs` runs (after one untimed warm-up run); fails on the first non-zero exit.
    static func time(_ executable: String, _ arguments: [String], environment: [String: String], runs: Int) throws -> Timing {
        var t = Timing(last: try checked(executable, arguments, environment: environment))
        for _ in 0..<runs {
            t.add(try checked(executable, arguments, environment: environment))
        }
        return t
    }

    /// Runs once; throws `BenchError` with the program's stderr when it exits non-zero.
    static func checked(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Result {
        let r = try run(executable, arguments, environment: environment)
        guard r.status == 0 else {
            throw BenchError("\((executable as NSString).lastPathComponent) \(arguments.joined(separator: " ")) exited with \(r.status): "
                + String(decoding: r.stderr.prefix(400), as: UTF8.self))
        }
        return r
    }
}

/// A benchmark step that cannot go on; printed and the bench exits 1.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Spawn.Timing {
    mutating func add(_ r: Spawn.Result) {
        wall.append(r.milliseconds)
        cpu.append(r.cpuMilliseconds)
        last = r
    }
}
