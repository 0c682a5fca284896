import Foundation
import Testing

/// A program from the machine that some tests run: the real terminal (tmux), the SQLite shell,
/// calcurse, Python and its `icalendar` and `openpyxl` modules.
///
/// The one rule for such tests is `ExternalTool.require(_:)`: a test whose tool is missing
/// fails when `CI=true` (CI must run every test: `.ci/run` installs each tool); elsewhere it is
/// skipped, and Swift Testing reports it as skipped with the note, never as passed.
public enum ExternalTool: String, CaseIterable, Sendable {
    case tmux
    case sqlite3
    case calcurse
    case python3
    /// Python's `icalendar` package (from PyPI), which reads our iCalendar export independently.
    case pythonICalendar = "python3-icalendar"
    /// Python's `openpyxl` package (from PyPI), which reads our xlsx workbooks independently.
    case pythonOpenpyxl = "python3-openpyxl"

    /// How to install the tool on Debian, for the messages.
    public var installHint: String {
        switch self {
        case .tmux: "apt-get install tmux ncurses-term"
        case .sqlite3: "apt-get install sqlite3"
        case .calcurse: "apt-get install calcurse"
        case .python3: "apt-get install python3"
        case .pythonICalendar: "python3 -m pip install icalendar"
        case .pythonOpenpyxl: "python3 -m pip install openpyxl"
        }
    }

    /// The shell command whose success shows the tool is there.
    var probe: String {
        switch self {
        case .tmux, .sqlite3, .calcurse, .python3: "command -v \(rawValue)"
        case .pythonICalendar: "python3 -c 'import icalendar'"
        case .pythonOpenpyxl: "python3 -c 'import openpyxl'"
        }
    }

    /// True when the tool can be run here (looked up once per test process).
    public var isAvailable: Bool { Self.availability[self] ?? false }

    private static let availability: [ExternalTool: Bool] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.runProbe()) })

    private func runProbe() -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", probe + " >/dev/null 2>&1"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// True when the environment says this is CI: `CI` is `true` or `1` (any case).
    public static func isCI(_ environment: [String: String]) -> Bool {
        ["true", "1"].contains(environment["CI"]?.lowercased() ?? "")
    }

    /// What a test should do about its tools.
    public enum Verdict: Equatable, Sendable {
        /// Every tool is there.
        case run
        /// Some tool is missing under CI: the test fails with this message.
        case fail(String)
        /// Some tool is missing outside CI: the test is skipped with this note.
        case skip(String)
    }

    /// The rule, as a pure function of what is missing and of the environment.
    public static func verdict(missing: [ExternalTool], environment: [String: String]) -> Verdict {
        guard !missing.isEmpty else { return .run }
        let names = missing.map(\.rawValue).joined(separator: ", ")
        let hints = missing.map(\.installHint).joined(separator: "; ")
        if isCI(environment) {
            return .fail("missing \(names) with CI=true: every test must run in CI (\(hints); .ci/run installs it)")
        }
        return .skip("skipped: needs \(names), which is missing (\(hints)); with CI=true this test fails")
    }

    /// Fails or skips the running test when one of `tools` is missing (see `verdict`); returns
    /// when they are all there.
    /// - Throws: `ExternalTool.Missing` under CI; Swift Testing's cancellation (a skip) elsewhere.
    public static func require(_ tools: ExternalTool..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        switch verdict(missing: tools.filter { !$0.isAvailable }, environment: ProcessInfo.processInfo.environment) {
        case .run:
            return
        case .fail(let message):
            throw Missing(message: message)
        case .skip(let note):
            try Test.cancel(Comment(rawValue: note), sourceLocation: sourceLocation)
        }
    }

    /// A tool a test needs is missing where every test must run.
    public struct Missing: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
