import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The log for the center's IT person (issue 13 item 3): what went wrong, with its detail,
/// where the desk's screen shows only a short message.
///
/// Through swift-log, to the system log (`syslog(3)`, which journald collects: `journalctl -t
/// frontdesk`), or to the file named by `$FRONTDESK_LOG` (appended, mode 0600, or 0660 in a
/// shared setgid folder). Never to the terminal: a full-screen desk would be drawn over.
///
/// **No personal data.** Callers log codes, counts, SQLite result codes, paths and statements
/// without their arguments; never a visitor's name, phone or note (`CLI` and `TUI` tests grep
/// the log after a demo run and a session for every visitor name).
public enum FrontDeskLog {
    /// Where the process's log records go. Set once by `bootstrap`; tests read it.
    public enum Destination: Equatable, Sendable {
        case systemLog
        case file(String)
    }

    /// Sets swift-log's process-wide handler once (later calls do nothing) and returns where
    /// records go: `$FRONTDESK_LOG` when set and not empty, else the system log.
    @discardableResult
    public static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) -> Destination {
        let destination: Destination = environment["FRONTDESK_LOG"].flatMap { $0.isEmpty ? nil : .file($0) } ?? .systemLog
        bootstrapOnce(destination)
        return destination
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var bootstrapped = false

    private static func bootstrapOnce(_ destination: Destination) {
        lock.lock()
        defer { lock.unlock() }
        guard !bootstrapped else { return }
        bootstrapped = true
        LoggingSystem.bootstrap { label in
            switch destination {
            case .systemLog: SystemLogHandler(label: label)
            case .file(let path): FileLogHandler(label: label, path: path)
            }
        }
    }

    /// A logger for one part of the program (`frontdesk.cli`, `frontdesk.tui`, `frontdesk.store`).
    public static func logger(_ label: String) -> Logger { Logger(label: label) }

    /// One line: the message, then its metadata as `key=value`, sorted, with control characters
    /// replaced (a value never starts a new log line).
    static func line(_ message: Logger.Message, _ metadata: Logger.Metadata) -> String {
        var text = message.description
        for key in metadata.keys.sorted() { text += " \(key)=\(metadata[key]!)" }
        return String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
    }
}

/// Records to `syslog(3)` under the identity `frontdesk`, facility user.
struct SystemLogHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(label: String) {
        self.label = label
        SystemLogHandler.open()
    }

    private static let opened: Bool = {
        openlog(strdup("frontdesk"), LOG_PID, LOG_USER) // the identity must outlive the call
        return true
    }()

    private static func open() { _ = opened }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let text = "[\(label)] " + FrontDeskLog.line(event.message, merged)
        let priority: Int32 = switch event.level {
        case .trace, .debug: LOG_DEBUG
        case .info: LOG_INFO
        case .notice: LOG_NOTICE
        case .warning: LOG_WARNING
        case .error: LOG_ERR
        case .critical: LOG_CRIT
        }
        withVaList([text]) { vsyslog(priority, "%s", $0) }
    }
}

/// Records appended to a file, one line each: `2026-12-02T17:10:00Z frontdesk[4242] error
/// [frontdesk.cli] message key=value`.
struct FileLogHandler: LogHandler {
    let label: String
    let path: String
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(label: String, path: String) {
        self.label = label
        self.path = path
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let stamp = Date().formatted(Date.ISO8601FormatStyle())
        let text = "\(stamp) frontdesk[\(getpid())] \(event.level) [\(label)] " + FrontDeskLog.line(event.message, merged) + "\n"
        var info = stat()
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let shared = stat(folder.isEmpty ? "/" : folder, &info) == 0 && info.st_mode & S_ISGID != 0
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, shared ? 0o660 : 0o600)
        guard fd >= 0 else { return }
        defer { Glibc.close(fd) }
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
    }
}
