import ArgumentParser
import CPlatform
import Foundation
import FrontDeskDomain
import FrontDeskLog
import FrontDeskUI
import Logging
import TerminalKit

/// `frontdesk`: with no subcommand, the reception TUI; subcommands serve scripts and exports.
///
/// Exit codes: 0 success, 1 user error (one line on stderr), 2 usage error.
@main
struct FrontDeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontdesk",
        abstract: "Front desk of an intercultural center: visitors, check-in, the walk-in queue and appointments.",
        version: "0.1.0",
        subcommands: [TUICommand.self, InitCommand.self, DemoCommand.self, VisitorsCommand.self,
                      CheckinCommand.self, QueueCommand.self, CallCommand.self, CloseCommand.self,
                      CounselorsCommand.self, RoomsCommand.self, ClosuresCommand.self, SlotsCommand.self, BookCommand.self,
                      CancelCommand.self, ScheduleCommand.self, SessionsCommand.self, AppointmentsCommand.self, SettingsCommand.self,
                      OccupancyCommand.self, ReportCommand.self, ProgramsCommand.self, ServicesCommand.self,
                      StaffCommand.self, AuditCommand.self, PrivacyCommand.self, BackupCommand.self, RestoreCommand.self],
        defaultSubcommand: TUICommand.self
    )

    static func main() {
        // The log for IT, and a crash that ends in one line and a log record, not a stack trace.
        switch FrontDeskLog.bootstrap() {
        case .file(let path): fd_install_crash_report(path)
        case .systemLog: fd_install_crash_report(nil)
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = unknownCommand(in: arguments, strings: strings(of: arguments)) {
            writeError("frontdesk: \(message)")
            Foundation.exit(2)
        }
        // A closed pipe is an error to handle (`StandardOutput`), not a signal that kills us
        // wherever we stand: the same whatever SIGPIPE's disposition was.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parse(arguments)
            try command.run()
            OpenDatabases.closeAll()
            StandardOutput.flush()
            OutputFile.publish()
        } catch let error as UserError {
            OutputFile.abandon()
            OpenDatabases.closeAll()
            writeError("frontdesk: \(error.message(in: strings(of: arguments)))")
            Foundation.exit(1)
        } catch {
            OutputFile.abandon()
            let recognized = OpenDatabases.recognize(error)
            // Failures of the system, not refusals of what was typed (those are `UserError`) nor
            // the parser's usage messages.
            if recognized is StoreError || exitCode(for: error) == .failure {
                logger.error("command failed", metadata: [
                    "command": "\(commandName(arguments))", "detail": "\(OpenDatabases.failureDetail(error))",
                ])
            }
            OpenDatabases.closeAll()
            if let store = recognized as? StoreError {
                writeError("frontdesk: \(strings(of: arguments).message(for: store))")
                Foundation.exit(1)
            }
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            // ArgumentParser reports usage errors as EX_USAGE (64); we promise 2.
            if code == .validationFailure {
                writeError(fullMessage(for: error))
                Foundation.exit(2)
            }
            writeError("frontdesk: \(fullMessage(for: error))")
            Foundation.exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }

    /// The log for IT of the command line.
    static let logger = Logger(label: "frontdesk.cli")

    /// The language a command was asked to speak: `--lang fr|en` (or `--lang=…`) among the
    /// arguments, else the locale's (`UILanguage.from(environment:)`).
    static func language(of arguments: [String]) -> UILanguage {
        for (i, word) in arguments.enumerated() {
            if word == "--lang", i + 1 < arguments.count, let l = UILanguage(rawValue: arguments[i + 1]) { return l }
            if word.hasPrefix("--lang="), let l = UILanguage(rawValue: String(word.dropFirst(7))) { return l }
        }
        return UILanguage.from(environment: ProcessInfo.processInfo.environment)
    }

    /// The string tables of the language a command was asked to speak (`language(of:)`): for
    /// the messages written as it ends. English when that table cannot be read, and an empty
    /// table (keys shown as they are) when neither can: a broken install still says something.
    static func strings(of arguments: [String]) -> Localizer {
        (try? ShippedData.strings(language(of: arguments))) ?? (try? ShippedData.strings(.en)) ?? Localizer(language: .en, table: [:])
    }

    /// `strings(of:)` for this process's command line: for the few paths that end the command
    /// where no command's options can reach (a failed write of standard output, an `--output`
    /// file that cannot be published, a usage mistake found by `validate()`).
    static var processStrings: Localizer { strings(of: Array(CommandLine.arguments.dropFirst())) }

    /// The command's words (`backup`, `visitors add`), never its arguments: they may be names.
    static func commandName(_ arguments: [String]) -> String {
        var command: ParsableCommand.Type = FrontDeskCommand.self
        var words: [String] = []
        for word in arguments {
            guard let next = command.configuration.subcommands.first(where: { $0.configuration.commandName == word }) else { break }
            words.append(word)
            command = next
        }
        return words.isEmpty ? "tui" : words.joined(separator: " ")
    }

    /// Writes an error message and a line feed on standard error, its control characters and
    /// escape sequences neutralized (`DisplayText.sanitizedLines`): messages repeat what was
    /// typed, ours and swift-argument-parser's alike, and an argument may hold an escape
    /// sequence (an OSC 52 clipboard write) that must not reach the terminal.
    static func writeError(_ message: String) {
        FileHandle.standardError.write(Data((DisplayText.sanitizedLines(message) + "\n").utf8))
    }

    /// The message for a mistyped command name at any depth, nil when the leading words name
    /// commands: `frontdesk stafff` and `frontdesk staff ad` say which word is unknown and list
    /// the commands there (swift-argument-parser would read the word as an argument of the
    /// root's default command, the TUI, or report "unexpected arguments"). `help` is followed
    /// the same way. Below the root, a command with a default subcommand takes its words as that
    /// one's arguments, and the parser judges them.
    static func unknownCommand(in arguments: [String], strings: @autoclosure () -> Localizer) -> String? {
        var command: ParsableCommand.Type = FrontDeskCommand.self
        var path: [String] = []
        var words = arguments[...]
        if words.first == "help" { words = words.dropFirst() }
        while let word = words.first, !word.hasPrefix("-") {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty { return nil }
            if let next = subcommands.first(where: { $0.configuration.commandName == word }) {
                command = next
                path.append(word)
                words = words.dropFirst()
                continue
            }
            if !path.isEmpty && command.configuration.defaultSubcommand != nil { return nil }
            let names = subcommands.compactMap { $0.configuration.commandName }.joined(separator: ", ")
            let typed = DisplayText.sanitized((path + [word]).joined(separator: " "))
            return path.isEmpty ? strings()("cli.unknownCommand", typed, names)
                : strings()("cli.unknownSubcommand", typed, path.joined(separator: " "), names)
        }
        return nil
    }

    /// Parses the command line. When the first argument names a subcommand, parsing starts from
    /// that subcommand: swift-argument-parser then reflects over that branch only, not over the
    /// root and its completion-script flags (about 1 ms of every short command). A request for
    /// help or the version, or any mistake, is parsed again from the root, which reports it
    /// exactly as it always has.
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        if let first = arguments.first,
           let command = configuration.subcommands.first(where: { $0.configuration.commandName == first }),
           let parsed = try? command.parseAsRoot(Array(arguments.dropFirst())),
           isCommand(type(of: parsed), under: command) { // not the library's help command
            return parsed
        }
        return try parseAsRoot(arguments)
    }

    /// True when `type` is `command` or one of its subcommands, at any depth.
    private static func isCommand(_ type: ParsableCommand.Type, under command: ParsableCommand.Type) -> Bool {
        type == command || command.configuration.subcommands.contains { isCommand(type, under: $0) }
    }
}

/// A problem the person at the desk can fix: printed as one line, exit status 1, in the
/// command's language (`FrontDeskCommand.main` words it with `strings(of:)`).
struct UserError: Error {
    private let words: @Sendable (Localizer) -> String

    /// A message already in the command's language.
    init(_ message: String) { words = { _ in message } }

    /// The text of `key` in the string tables, `{0}`, `{1}`… filled with the arguments in order.
    init(key: String, _ arguments: CustomStringConvertible...) {
        let texts = arguments.map(\.description)
        words = { $0.text(key, texts) }
    }

    /// A message worded from the tables when it is printed (plurals, domain refusals).
    init(_ words: @escaping @Sendable (Localizer) -> String) { self.words = words }

    /// The message in the language of `strings`.
    func message(in strings: Localizer) -> String { words(strings) }
}
