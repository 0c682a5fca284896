import Foundation

/// The rule of text snapshots: a snapshot file is the expected text of a whole frame, and a test
/// compares what it rendered with it.
///
/// - A missing file is a failure, so a test cannot pass by recording its own expectation (in CI
///   or anywhere else). With `RECORD_SNAPSHOTS=1` the file is written instead (missing or not),
///   and the test passes with a note that it recorded.
/// - A difference fails with a line diff: each differing line's number, the expected line and
///   the actual one, quoted so that trailing spaces show.
enum SnapshotFile {
    /// What comparing a rendering with its file found.
    enum Outcome: Equatable {
        /// The file holds exactly this text.
        case matched
        /// `RECORD_SNAPSHOTS=1`: the file was written with this text.
        case recorded
        /// No file, and recording is off: the message says how to record one.
        case missing(String)
        /// The file holds other text: the message is the line diff.
        case differs(String)
    }

    /// True when the environment asks to (re)record snapshots: `RECORD_SNAPSHOTS=1`.
    static func recording(_ environment: [String: String]) -> Bool { environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the file at `path`, writing the file only when `record` is true.
    /// - Throws: when the file cannot be read or written.
    static func check(_ actual: String, name: String, path: String, record: Bool) throws -> Outcome {
        if record {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return .recorded
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return .missing("snapshot \(name) is missing: no file \(path). Run the test with RECORD_SNAPSHOTS=1 to record it,"
                + " then read the new file before committing it.")
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        if expected == actual { return .matched }
        return .differs("snapshot \(name) differs from \(path):\n" + diff(expected: expected, actual: actual))
    }

    /// A line-by-line diff: for each line number (from 1) where the texts differ, the expected
    /// and the actual line, quoted; a line present on one side only shows `(none)` on the other.
    /// Lines are compared by position, as a frame's rows are. Ends with how many lines differ.
    static func diff(expected: String, actual: String) -> String {
        let e = lines(expected), a = lines(actual)
        var out: [String] = []
        var count = 0
        for i in 0..<max(e.count, a.count) {
            let x = i < e.count ? e[i] : nil, y = i < a.count ? a[i] : nil
            guard x != y else { continue }
            count += 1
            out.append("line \(i + 1):")
            out.append("  expected: " + (x.map(quoted) ?? "(none)"))
            out.append("  actual:   " + (y.map(quoted) ?? "(none)"))
        }
        if count == 0 { out.append("(same lines; the texts differ only in the final newline)") }
        out.append("\(count) of \(max(e.count, a.count)) lines differ")
        return out.joined(separator: "\n")
    }

    /// The text's lines, without the empty piece after a final newline.
    private static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { parts.removeLast() }
        return parts
    }

    /// The line between double quotes, with control characters escaped so the message cannot
    /// drive the terminal that shows it.
    private static func quoted(_ line: String) -> String {
        var s = "\""
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                s += String(format: "\\u{%X}", scalar.value)
            default:
                s.unicodeScalars.append(scalar)
            }
        }
        return s + "\""
    }
}
