import Foundation
import Testing

/// The snapshot rule itself: a missing file fails unless recording, a difference shows a line diff.
@Suite struct SnapshotFileTests {
    /// A fresh path in a fresh folder, and the folder to remove.
    private static func scratch() throws -> (dir: String, path: String) {
        let dir = NSTemporaryDirectory() + "frontdesk-snapshot-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return (dir, dir + "/screen.txt")
    }

    @Test func aMissingFileFailsAndIsNotWritten() throws {
        let (dir, path) = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outcome = try SnapshotFile.check("frame\n", name: "screen", path: path, record: false)
        guard case .missing(let message) = outcome else {
            Issue.record("expected .missing, got \(outcome)")
            return
        }
        #expect(message.contains("RECORD_SNAPSHOTS=1"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func recordingWritesTheFileWhetherMissingOrNot() throws {
        let (dir, path) = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try SnapshotFile.check("first\n", name: "screen", path: path, record: true) == .recorded)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        #expect(try SnapshotFile.check("second\n", name: "screen", path: path, record: true) == .recorded)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try SnapshotFile.check("second\n", name: "screen", path: path, record: false) == .matched)
    }

    @Test(arguments: [([:], false), (["RECORD_SNAPSHOTS": "1"], true), (["RECORD_SNAPSHOTS": "0"], false),
                      (["RECORD_SNAPSHOTS": "yes"], false), (["CI": "true"], false)])
    func onlyRecordSnapshotsOneRecords(_ environment: [String: String], _ expected: Bool) {
        #expect(SnapshotFile.recording(environment) == expected)
    }

    @Test func aDifferenceFailsWithALineDiff() throws {
        let (dir, path) = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "title\nrow  \nbar\n".write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try SnapshotFile.check("title\nrow \nbar\nextra\n", name: "screen", path: path, record: false)
        #expect(outcome == .differs("""
            snapshot screen differs from \(path):
            line 2:
              expected: "row  "
              actual:   "row "
            line 4:
              expected: (none)
              actual:   "extra"
            2 of 4 lines differ
            """))
        // The file is left as it was.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "title\nrow  \nbar\n")
    }

    @Test func theDiffEscapesControlCharactersAndNamesAFinalNewline() {
        #expect(SnapshotFile.diff(expected: "a\u{1B}[2J\n", actual: "a\n") == """
            line 1:
              expected: "a\\u{1B}[2J"
              actual:   "a"
            1 of 1 lines differ
            """)
        #expect(SnapshotFile.diff(expected: "a\n", actual: "a").hasPrefix("(same lines; the texts differ only in the final newline)"))
    }
}
