import ArgumentParser
import Foundation
import TerminalKit

/// `frontdesk`: with no subcommand, the reception TUI; subcommands serve scripts and exports.
///
/// Exit codes (DESIGN.md §5): 0 success, 1 user error (one line on stderr), 2 usage error.
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
                      OccupancyCommand.self, ReportCommand.self, ServicesCommand.self,
                      StaffCommand.self, AuditCommand.self, PrivacyCommand.self, BackupCommand.self],
        defaultSubcommand: TUICommand.self
    )

    static func main() {
        // With a default subcommand, a mistyped command would read as an argument of the TUI;
        // name it as what it is.
        let arguments = Array(CommandLine.arguments.dropFirst())
        var names: [String] = []
        for command in configuration.subcommands {
            names.append(command.configuration.commandName ?? "")
        }
        if let first = arguments.first, !first.hasPrefix("-"), first != "help", !names.contains(first) {
            let names = names.joined(separator: ", ")
            FileHandle.standardError.write(Data("frontdesk: unknown command '\(DisplayText.sanitized(first))'; commands: \(names)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parse(arguments)
            try command.run()
            OpenDatabases.closeAll()
        } catch let error as UserError {
            OpenDatabases.closeAll()
            FileHandle.standardError.write(Data("frontdesk: \(error.message)\n".utf8))
            Foundation.exit(1)
        } catch {
            OpenDatabases.closeAll()
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            // ArgumentParser reports usage errors as EX_USAGE (64); we promise 2.
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            FileHandle.standardError.write(Data("frontdesk: \(fullMessage(for: error))\n".utf8))
            Foundation.exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
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

/// A problem the person at the desk can fix: printed as one line, exit status 1.
struct UserError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
