import Foundation
import Testing

/// Issue 13 item 1: the binary carries its data files and runs wherever it is copied.
struct InstallTests {
    /// A copy of `frontdesk` alone in a folder (no resource bundle beside it, none looked for at
    /// the build path) makes a demo database and lists the queue in French and English.
    @Test func theBinaryRunsCopiedAloneAnywhere() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let folder = tmp.file("un dossier é")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let copy = folder + "/frontdesk"
        try FileManager.default.copyItem(atPath: TestBinary.frontdesk, toPath: copy)
        // No lookup of a resource bundle remains in the binary (it used to stop with "could not
        // load resource bundle" when copied).
        let bytes = try #require(FileManager.default.contents(atPath: copy))
        #expect(bytes.range(of: Data("FrontDesk_FrontDeskResources.resources".utf8)) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["frontdesk"])

        let db = folder + "/demo.sqlite"
        let demo = try runProcess(copy, ["demo", "--fresh", "--db", db, "--visitors", "30"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let queue = try runProcess(copy, ["queue", "--db", db])
        #expect(queue.status == 0 && !queue.stdout.isEmpty, "\(queue.stderr)")
        // The service catalog's French and English names, from the embedded files.
        let fr = try runProcess(copy, ["schedule", "--db", db, "--lang", "fr"])
        let en = try runProcess(copy, ["schedule", "--db", db, "--lang", "en"])
        #expect(fr.status == 0 && en.status == 0, "\(fr.stderr) \(en.stderr)")
        #expect(fr.stdout.contains("Entretien psychologique individuel") && en.stdout.contains("Individual psychological"),
                "\(fr.stdout) \(en.stdout)")
    }

    /// Any path works: a one-character name (it crashed `init`, `demo` and `backup` inside
    /// Foundation), relative, with spaces and non-ASCII letters; files are created 0600.
    @Test func anyPathWorks() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cases: [[String]] = [
            ["init", "--db", "a"], ["demo", "--db", "b", "--visitors", "10"], ["backup", "c", "--db", "a"],
            ["init", "--db", "dossier é/base de données.sqlite"], ["backup", "../" + (tmp.path as NSString).lastPathComponent + "/d", "--db", "b"],
        ]
        for arguments in cases {
            let r = try runProcess(TestBinary.frontdesk, arguments, in: tmp.path)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            #expect(!r.stderr.contains("crashed") && !r.stderr.contains("Fatal error"), "\(arguments): \(r.stderr)")
        }
        for name in ["a", "b", "c", "d", "dossier é/base de données.sqlite"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: tmp.file(name))
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
        let queue = try runProcess(TestBinary.frontdesk, ["queue", "--db", "c"], in: tmp.path)
        #expect(queue.status == 0, "\(queue.stderr)")
    }
}

/// Issue 13 item 7: an error message that repeats what was typed never passes an escape
/// sequence or a control character to the terminal, whether the message is ours or
/// swift-argument-parser's.
struct HostileArgumentTests {
    static let hostile = ["\u{1B}]52;c;SGVsbG8=\u{07}", "\u{1B}[2J", "x\u{9B}31m", "\u{202E}evil"]

    @Test(arguments: hostile)
    func errorMessagesNeutralizeWhatWasTyped(typed: String) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = tmp.file("f.sqlite")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        let cases: [[String]] = [
            ["queue", "--db", db, "--time-zone", typed],
            ["queue", "--db", db, "--lang", typed],
            ["queue", "--db", db, "--no-such-option", typed],
            ["visitors", "add", "--db", db, "--given", "Amina", "--nationality", typed, "--consent", "services"],
            ["visitors", "add", "--db", db, "--given", "Amina", "--nationality", "MA", "--consent", typed],
            ["visitors", "add", "--db", db, "--given", "Amina", "--nationality", "MA", "--consent", "services", "--birth-year", typed],
            ["visitors", "add", "--db", db, "--given", "Amina", "--nationality", "MA", "--consent", "services", "--phone", typed],
            [typed],
        ]
        for arguments in cases {
            let r = try frontdesk(arguments)
            #expect(r.status != 0, "\(arguments.map(\.debugDescription))")
            let unsafe = r.stderr.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }
            #expect(unsafe.isEmpty, "\(arguments.map(\.debugDescription)): \(r.stderr.debugDescription)")
            #expect(!r.stderr.isEmpty)
        }
    }
}

/// Issue 13 item 6: `-` means standard output wherever a file is written.
struct OutputDashTests {
    @Test func exportToDashWritesStandardOutputAndNoFileNamedDash() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        #expect(try runProcess(TestBinary.frontdesk, ["demo", "--db", "d.sqlite", "--visitors", "5"], in: tmp.path).status == 0)
        let r = try runProcess(TestBinary.frontdesk, ["visitors", "export", "V-2026-00001", "--db", "d.sqlite", "--output", "-"], in: tmp.path)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect((json?["visitor"] as? [String: Any])?["code"] as? String == "V-2026-00001")
        #expect(!FileManager.default.fileExists(atPath: tmp.file("-")))
    }
}

/// Issue 13 item 6: a full disk under standard output is one clear line and exit 1 in every
/// command that prints (no crash, no stack trace, never exit 0); a closed pipe ends quietly.
struct FullDiskOutputTests {
    @Test func everyPrintingCommandAgainstDevFull() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        // The demo and every command at 10:00 of a working day: each command has lines to
        // print (made and run near midnight, the demo's queue of today was empty, `queue`
        // printed nothing and rightly exited 0).
        let clock = "2026-12-03T10:00:00Z"
        let db = try demoDatabase(in: tmp, environment: ["FRONTDESK_NOW": clock])
        let period = ["--from", "2026-11-01", "--to", "2026-11-30"]
        let commands: [[String]] = [
            ["schedule"], ["schedule", "--format", "ics"], ["schedule", "--format", "json"], ["occupancy"] + period,
            ["occupancy"] + period + ["--format", "csv"], ["report"] + period, ["report"] + period + ["--format", "csv"],
            ["audit"], ["queue"], ["queue", "--format", "csv"], ["visitors", "search", "a"], ["visitors", "export", "V-2026-00001", "--output", "-"],
            ["counselors", "list", "--format", "csv"], ["rooms", "list", "--format", "json"], ["closures", "list"], ["sessions", "list"],
            ["staff", "list"], ["services", "list", "--format", "csv"], ["slots", "--service", "individual-counseling"],
            ["audit", "verify"], ["settings", "show"], ["backup", "-"],
        ]
        for command in commands {
            let printed = try runShell("FRONTDESK_NOW=\(clock) \(shellQuoted([TestBinary.frontdesk] + command + ["--db", db])) | wc -c")
            #expect(Int(printed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0, "\(command) prints nothing to test")
            let r = try runShell("FRONTDESK_NOW=\(clock) \(shellQuoted([TestBinary.frontdesk] + command + ["--db", db])) > /dev/full")
            #expect(r.status == 1, "\(command): \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix("frontdesk: ") && r.stderr.split(separator: "\n").count == 1, "\(command): \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("crashed"), "\(command): \(r.stderr)")
        }
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        // `true` reads nothing and exits: every write after that meets a closed pipe.
        for command in [["audit"], ["schedule", "--format", "ics"]] {
            let r = try runShell("trap '' PIPE; \(shellQuoted([TestBinary.frontdesk] + command + ["--db", db])) | true; echo \"status ${PIPESTATUS[0]}\" >&2")
            #expect(r.stderr.contains("status 141") || r.stderr.contains("status 0"), "\(command): \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("frontdesk:"), "\(command): \(r.stderr)")
        }
    }
}

/// Runs a bash command line; its output is captured.
func runShell(_ line: String) throws -> ProcessResult {
    try runProcess("/bin/bash", ["-c", line])
}

/// Arguments quoted for bash.
func shellQuoted(_ words: [String]) -> String {
    words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
}

/// Issue 13 item 8: reading a counselor's notes on the command line writes an audit row.
struct NoteReadAuditTests {
    @Test func readingANoteIsAudited() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        #expect(try frontdesk(["appointments", "note", "5", "--db", db, "--text", "calmer today"]).status == 0)
        #expect(!(try frontdesk(["audit", "--db", db]).stdout.contains("appointment.note_read")))
        let read = try frontdesk(["appointments", "note", "5", "--db", db])
        #expect(read.status == 0 && read.stdout == "calmer today\n", "\(read.stdout) \(read.stderr)")
        let audit = try frontdesk(["audit", "--db", db]).stdout
        let lines = audit.split(separator: "\n").filter { $0.contains("appointment.note_read") }
        #expect(lines.count == 1 && !lines[0].contains("calmer"), "\(lines)")
    }
}

/// Issue 13 item 7: notes read from standard input holding a NUL are refused whole, never cut
/// at the NUL while "notes saved" is printed.
struct NulInputTests {
    @Test func notesWithANulAreRefusedAndNothingIsSaved() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        #expect(try frontdesk(["appointments", "note", "5", "--db", db, "--text", "before"]).status == 0)
        let r = try runProcess("/bin/bash", ["-c", "printf 'calmer\\0 hidden' | '\(TestBinary.frontdesk)' appointments note 5 --db '\(db)' --stdin"])
        #expect(r.status == 1 && r.stderr.contains("NUL") && !r.stdout.contains("saved"), "\(r.stdout) \(r.stderr)")
        #expect(try frontdesk(["appointments", "note", "5", "--db", db]).stdout == "before\n")
    }
}

/// Issue 13 item 6: every command that exports takes `--output FILE|-`: a new file, mode 0600,
/// holding what standard output would; never over an existing file; nothing left when the
/// command fails.
struct OutputOptionTests {
    @Test func everyExportWritesANewPrivateFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        let period = ["--from", "2026-11-01", "--to", "2026-11-30"]
        let commands: [[String]] = [
            ["schedule", "--format", "csv"], ["occupancy"] + period + ["--format", "csv"], ["report"] + period + ["--format", "csv"],
            ["report"] + period + ["--format", "json"], ["audit", "list", "--format", "csv"], ["queue", "--format", "json"],
            ["visitors", "search", "a", "--format", "csv"], ["counselors", "list", "--format", "csv"], ["rooms", "list", "--format", "json"],
            ["closures", "list", "--format", "csv"], ["sessions", "list", "--format", "csv"], ["staff", "list", "--format", "csv"],
            ["services", "list", "--format", "csv"], ["slots", "--service", "individual-counseling", "--from", "2026-12-07", "--format", "csv"],
        ]
        // One clock for both runs: a report says when it was produced, a queue how long each waits.
        let clock = ["FRONTDESK_NOW": ISO8601DateFormatter().string(from: Date())]
        for (n, command) in commands.enumerated() {
            let file = tmp.file("export-\(n)")
            let written = try frontdesk(command + ["--db", db, "--output", file], environment: clock)
            #expect(written.status == 0 && written.stdout.isEmpty, "\(command): \(written.stderr)")
            let printed = try frontdesk(command + ["--db", db, "--output", "-"], environment: clock)
            let content = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!content.isEmpty && (content == printed.stdout || command[0] == "audit"), "\(command)")
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(command): \(String(mode ?? 0, radix: 8))")
            // Never over an existing file, which is left as it was.
            let again = try frontdesk(command + ["--db", db, "--output", file])
            #expect(again.status == 1 && again.stderr.contains("already exists"), "\(command): \(again.stderr)")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == content)
        }
        // A command that fails leaves no file, and no temporary one.
        let failed = try frontdesk(["report", "--from", "2026-11-31", "--to", "2026-11-30", "--output", tmp.file("bad.csv"), "--db", db])
        #expect(failed.status == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix("bad.csv") || $0.contains(".partial-") }
        #expect(left.isEmpty, "\(left)")
    }

    /// Bidi overrides and C1 controls in names stay in the database, and steer nothing in
    /// exports: `⍰` in CSV and iCalendar, `\u202e`-style escapes in JSON.
    @Test func exportsNeutralizeBidiAndC1Controls() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        let hostile = "Salle \u{202E}evil\u{85}x"
        try #require(try frontdesk(["rooms", "add", hostile, "--capacity", "2", "--db", db]).status == 0)
        let json = try frontdesk(["rooms", "list", "--format", "json", "--db", db]).stdout
        #expect(json.contains("Salle \\u202eevil\\u0085x") && !json.unicodeScalars.contains("\u{202E}"), "\(json)")
        let csv = try frontdesk(["rooms", "list", "--format", "csv", "--db", db]).stdout
        #expect(csv.contains("Salle ⍰evilx") && !csv.unicodeScalars.contains("\u{202E}"), "\(csv)")
        #expect(try sqlite3(db, "SELECT count(*) FROM room WHERE name = '\(hostile)'").stdout == "1\n")
    }
}

/// Issue 14 item 2: every CSV command takes `--bom` and `--separator`; French writes decimal commas.
struct CSVStyleTests {
    @Test func separatorBOMAndDecimalCommaOnEveryCSVCommand() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        let period = ["--from", "2026-11-01", "--to", "2026-11-30"]
        for command in [["queue"], ["visitors", "search", "a"], ["counselors", "list"], ["staff", "list"], ["occupancy"] + period,
                        ["report"] + period, ["schedule"], ["audit", "list"]] {
            let r = try frontdesk(command + ["--format", "csv", "--bom", "--separator", ";", "--db", db])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(Array(r.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(command)")
            let header = r.stdout.dropFirst().prefix { $0 != "\r\n" && $0 != "\n" }
            #expect(header.contains(";") && !header.contains(","), "\(command): \(header)")
        }
        let tab = try frontdesk(["counselors", "list", "--format", "csv", "--separator", "tab", "--db", db])
        #expect(tab.stdout.split(separator: "\r\n").first?.contains("\t") == true, "\(tab.stdout.prefix(200))")
        #expect(try frontdesk(["queue", "--format", "csv", "--separator", "|", "--db", db]).status == 2)
        // Decimals: 12.5 in English, 12,5 in French with `;`; a `,` file is the same in every language.
        let en = try frontdesk(["occupancy"] + period + ["--format", "csv", "--separator", ";", "--db", db, "--lang", "en"]).stdout
        let fr = try frontdesk(["occupancy"] + period + ["--format", "csv", "--separator", ";", "--db", db, "--lang", "fr"]).stdout
        let decimal = try #require(en.firstMatch(of: /;(\d+)\.(\d)(;|\r\n)/), "\(en.prefix(400))")
        #expect(fr.contains(";\(decimal.1),\(decimal.2)"), "\(fr.prefix(400))")
        #expect(!fr.contains(";\(decimal.1).\(decimal.2);"))
        let comma = ["occupancy"] + period + ["--format", "csv", "--db", db]
        #expect(try frontdesk(comma + ["--lang", "fr"]).stdout == (try frontdesk(comma + ["--lang", "en"]).stdout))
    }
}
