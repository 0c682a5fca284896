@preconcurrency import Glibc
import ArgumentParser
import Foundation
import Synchronization
import TerminalKit
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI
import FrontDeskSpreadsheet

/// Text-format output for a terminal: data never drives the terminal (a name holding `ESC[2J` or an
/// OSC 52 clipboard sequence is printed with visible placeholders).
enum TextOutput {
    /// The text with control characters, ESC and bidi controls replaced by visible placeholders.
    static func safe(_ text: String) -> String { DisplayText.sanitized(text) }
}

/// JSON output: sorted keys, ISO 8601 UTC instants, one document and a final newline.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "null\n" }
        return escapingInvisibleControls(text) + "\n"
    }

    /// JSON with C1 controls, bidi marks, embeddings, overrides and isolates, and the line and
    /// paragraph separators written as `\uXXXX` escapes (JSONEncoder leaves them raw): the file
    /// shows them to whoever opens it and steers no text, and a JSON reader gets the data
    /// exactly. They can only stand inside strings: keys are ASCII.
    static func escapingInvisibleControls(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        for s in json.unicodeScalars {
            switch s.value {
            case 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
                let hex = String(s.value, radix: 16, uppercase: false)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default:
                out.append(s)
            }
        }
        return String(out)
    }
}

extension Service {
    /// The service's name in the command's language (`--lang`, else the locale).
    func name(in language: UILanguage) -> String { language == .en ? nameEn : nameFr }
}

/// Standard output written so that its failures are told, not crashed on or hidden (issue 13
/// item 6): `FileHandle.write` stopped the program with a stack trace on a full disk, and
/// `print` exited 0 having written nothing.
enum StandardOutput {
    /// Writes the text to standard output now (after what `print` buffered). On a closed pipe
    /// (a reader such as `head` that stopped reading) the command ends quietly with status 141,
    /// as SIGPIPE's default would; on any other failure it says so in one line and exits 1.
    static func write(_ text: String) { write(Data(text.utf8)) }

    /// `write(_:)` for bytes (a workbook).
    static func write(_ data: Data) {
        flush()
        let failure = writeAll(1, data)
        if failure != 0 { fail(failure) }
    }

    /// Flushes what `print` buffered and checks that every earlier write reached its file.
    static func flush() {
        errno = 0
        if fflush(stdout) != 0 || ferror(stdout) != 0 {
            fail(errno)
        }
    }

    /// Ends the command after a failed write to standard output.
    static func fail(_ error: Int32) -> Never {
        OutputFile.abandon()
        // `print` may have met the closed pipe earlier, and its errno is gone by now: a pipe
        // whose reader left reports POLLERR to its writer.
        if error == EPIPE || (error == 0 && readerLeft()) { Foundation.exit(141) }
        let strings = FrontDeskCommand.processStrings
        let reason = error == ENOSPC ? (OutputFile.target.map { strings("cli.output.diskFullFile", TextOutput.safe($0)) }
                                        ?? strings("cli.output.diskFull"))
            : error == 0 ? strings("cli.output.notWhole")
            : strings("cli.output.cannotWrite", String(cString: strerror(error)))
        FrontDeskCommand.writeError("frontdesk: \(reason)")
        Foundation.exit(1)
    }
}

extension StandardOutput {
    /// True when standard output is a pipe whose reading end is closed (`| head` that stopped).
    static func readerLeft() -> Bool {
        var info = stat()
        guard fstat(1, &info) == 0, (info.st_mode & S_IFMT) == S_IFIFO else { return false }
        var descriptor = pollfd(fd: 1, events: Int16(POLLOUT), revents: 0)
        return poll(&descriptor, 1, 0) == 1 && descriptor.revents & Int16(POLLERR) != 0
    }
}

/// Writes all of `data` to the file descriptor, retrying short writes and interruptions.
/// - Returns: 0, or the `errno` of the write that failed (`ENOSPC`, `EPIPE`, …).
func writeAll(_ fd: Int32, _ data: Data) -> Int32 {
    data.withUnsafeBytes { buffer -> Int32 in
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }
}

/// `--output FILE|-`, taken by every command that exports (issue 13 item 6): `-` (or no option)
/// is standard output; a file is created new with mode 0600 (0660 in a shared setgid folder),
/// never over an existing one, and appears only when whole.
///
/// `redirect()` points standard output at a temporary file beside FILE, so every way a command
/// prints goes there; `OutputFile.publish()` (after the command ran) makes it FILE, and
/// `OutputFile.abandon()` (after a failure, or a full disk) removes it: no half-written file is
/// ever left under FILE's name.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write to this new file (mode 0600, never overwritten) instead of standard output; - is standard output.",
                               valueName: "file"))
    var output: String?
    @Flag(help: "Start CSV with a byte-order mark, for spreadsheet programs that need one to read UTF-8.") var bom = false
    @Option(help: ArgumentHelp("CSV cell separator: , (default), ; (French spreadsheets) or tab. With ; or tab under French, decimals are written with a comma.",
                               valueName: "sep"))
    var separator: String = ","

    func validate() throws {
        guard CSVStyle.separator(separator) != nil else { throw ValidationError(key: "cli.output.badSeparator") }
    }

    /// Sends standard output to the file named, if any, and sets the CSV style (`CSVStyle`).
    /// Call first in `run()`, with the command's `--format` (a workbook is refused on a terminal).
    /// - Throws: `UserError` when the file exists or cannot be created, or a workbook would go
    ///   to a terminal.
    func redirect(_ language: UILanguage, format: (any ExportFormat)? = nil) throws {
        let workbook = format?.isWorkbook == true
        CSVStyle.current.withLock {
            // A French spreadsheet file (`;` or tab) gets decimal commas; the default `,` file stays
            // the same in every language, for scripts.
            let sep = CSVStyle.separator(separator) ?? ","
            $0 = CSVStyle(byteOrderMark: bom, separator: sep, decimalComma: language == .fr && sep != ",",
                          workbookLanguage: workbook ? language : nil)
        }
        if let output, !workbook, output.lowercased().hasSuffix(".xlsx") {
            // A text, CSV or JSON file under a workbook's name would not open in a spreadsheet.
            throw UserError(try ShippedData.strings(language)("cli.xlsx.extension", TextOutput.safe(output)))
        }
        guard let output, output != "-" else {
            if workbook && isatty(1) == 1 {
                throw UserError(try ShippedData.strings(language)("cli.xlsx.terminal"))
            }
            return
        }
        try OutputFile.begin(output)
    }
}

/// How this command writes CSV (`--bom`, `--separator`, the language's decimal mark), set by
/// `OutputOptions.redirect`; `CSVWriter.forOutput()` applies it.
struct CSVStyle: Sendable {
    var byteOrderMark = false
    var separator: Character = ","
    var decimalComma = false
    /// Set under `--format xlsx`: the language of the workbook's headers and sheet name.
    var workbookLanguage: UILanguage?

    static let current = Mutex(CSVStyle())

    /// `,` `;` or tab from what was typed (`tab`, `\t`, a real tab).
    static func separator(_ text: String) -> Character? {
        switch text {
        case ",": ","
        case ";": ";"
        case "tab", "\t", "\\t", "TAB": "\t"
        default: nil
        }
    }
}

extension CSVWriter {
    /// A writer in this command's CSV style (`CSVStyle`).
    static func forOutput() -> CSVWriter {
        let style = CSVStyle.current.withLock { $0 }
        return CSVWriter(byteOrderMark: style.byteOrderMark, separator: style.separator, decimalComma: style.decimalComma,
                         keepingCells: style.workbookLanguage != nil)
    }

    /// The table in this command's format: the CSV text; under `--format xlsx` the workbook is
    /// written to standard output now (`WorkbookOutput`) and the text returned is empty.
    /// - Parameter sheet: the sheet's key (`visitors`), named in the command's language
    ///   (`table.sheet.visitors`).
    func finished(sheet: String) -> String {
        guard keepsCells, let language = CSVStyle.current.withLock({ $0.workbookLanguage }) else { return output }
        WorkbookOutput.write(self, sheet: sheet, language: language)
        return ""
    }
}

/// `--format xlsx`: the cells a command gave its `CSVWriter`, as a workbook on standard output
/// (issue 14 item 2). Headers and the sheet's name are in the command's language
/// (`table.column.<name>`, `table.sheet.<key>` in the string tables; a name without a text is
/// shown as is). The workbook is built in a private temporary folder (`$TMPDIR`), copied to
/// standard output (or `--output`'s file) and removed.
enum WorkbookOutput {
    static func write(_ table: CSVWriter, sheet: String, language: UILanguage) {
        let strings = try? ShippedData.strings(language)
        func text(_ key: String, _ fallback: String) -> String {
            guard let strings, strings.has(key) else { return fallback }
            return strings(key)
        }
        let names = table.header ?? []
        let header = names.map { text("table.column.\($0)", $0) }
        // Coded values named for people, column by column (`female` → `Femme`, `waiting` →
        // `en attente`); a value without a text stays as stored. The CSV keeps the codes.
        let vocabularies: [String: [String]] = ["sex": ["sex."], "status": ["status.", "cli.status."], "category": ["category."],
                                                "state": ["cli.queue."], "role": ["role."], "active": ["table.value."]]
        let translators: [Int: [String]] = Dictionary(uniqueKeysWithValues: names.enumerated().compactMap { i, name in
            vocabularies[name].map { (i, $0) }
        })
        let rows = translators.isEmpty ? table.rows : table.rows.map { row in
            row.enumerated().map { i, cell in
                guard case .text(let value) = cell, let prefixes = translators[i], let strings,
                      let key = prefixes.map({ $0 + value }).first(where: strings.has) else { return cell }
                return .text(strings(key))
            }
        }
        let sheetTable = SpreadsheetTable(sheetName: text("table.sheet.\(sheet)", sheet), header: header, rows: rows)
        let folder = FileManager.default.temporaryDirectory.path + "/frontdesk-xlsx-XXXXXX"
        var template = Array(folder.utf8CString)
        guard let made = mkdtemp(&template) else { fail(String(cString: strerror(errno)), strings) }
        let directory = String(cString: made)
        let path = directory + "/export.xlsx"
        do {
            try Workbook.write([sheetTable], to: path, temporaryFolder: directory)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            switch error {
            case .tooLarge(let rows): fail(strings.map { $0("cli.xlsx.tooLarge", rows) } ?? "too many rows for one sheet (\(rows))", strings)
            case .write(let reason): fail(reason, strings)
            }
        }
        // `fail` and `StandardOutput` may end the process (exit skips `defer`): the folder goes first.
        let data = FileManager.default.contents(atPath: path)
        try? FileManager.default.removeItem(atPath: directory)
        guard let data else { fail(String(cString: strerror(errno)), strings) }
        StandardOutput.write(data)
    }

    private static func fail(_ reason: String, _ strings: Localizer?) -> Never {
        OutputFile.abandon()
        let line = strings.map { $0("cli.xlsx.failed", TextOutput.safe(reason)) } ?? "cannot write the workbook: \(TextOutput.safe(reason))"
        FrontDeskCommand.writeError("frontdesk: " + line)
        Foundation.exit(1)
    }
}

/// The file standard output is being written to for `--output FILE`, while a command runs.
enum OutputFile {
    private static let state = Mutex<(target: String, temporary: String)?>(nil)

    static func begin(_ target: String) throws {
        if access(target, F_OK) == 0 {
            throw UserError(key: "cli.output.exists", TextOutput.safe(target))
        }
        let temporary = target + ".partial-\(getpid())"
        let mode = AppDatabase.newFileMode(for: target)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw UserError(key: "cli.output.cannotCreate", TextOutput.safe(target), String(cString: strerror(errno))) }
        _ = fchmod(fd, mode)
        fflush(stdout)
        guard dup2(fd, 1) >= 0 else {
            close(fd)
            unlink(temporary)
            throw UserError(key: "cli.output.cannotWriteFile", TextOutput.safe(target), String(cString: strerror(errno)))
        }
        close(fd)
        state.withLock { $0 = (target, temporary) }
    }

    /// Makes the finished temporary file the named one. Ends the command (one line, status 1)
    /// when it cannot: a full disk found by `fsync`, or a file that appeared meanwhile.
    static func publish() {
        guard let (target, temporary) = state.withLock({ $0 }) else { return }
        var failure: Int32 = 0
        if fsync(1) != 0 { failure = errno }
        if failure == 0, link(temporary, target) != 0 { failure = errno }
        if failure != 0 {
            abandon()
            let strings = FrontDeskCommand.processStrings
            let reason = failure == ENOSPC ? strings("cli.output.diskFullFile", TextOutput.safe(target))
                : failure == EEXIST ? strings("cli.output.appeared", TextOutput.safe(target))
                : strings("cli.output.cannotWriteFile", TextOutput.safe(target), String(cString: strerror(failure)))
            FrontDeskCommand.writeError("frontdesk: \(reason)")
            Foundation.exit(1)
        }
        unlink(temporary)
        state.withLock { $0 = nil }
    }

    /// Removes the temporary file after a failure; nothing is left under the named file.
    static func abandon() {
        guard let (_, temporary) = state.withLock({ $0 }) else { return }
        unlink(temporary)
        state.withLock { $0 = nil }
    }

    /// The file being written, for messages: nil when standard output is standard output.
    static var target: String? { state.withLock { $0?.target } }
}
