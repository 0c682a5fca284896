import ArgumentParser
import Testing
@testable import frontdesk

/// Every command names itself: otherwise ArgumentParser derives the name with
/// `String(describing:)`, which scans the conformance tables at every start (milliseconds of a
/// whole command's run, see BENCHMARKS.md).
struct CommandNamesTests {
    func all(_ command: ParsableCommand.Type) -> [ParsableCommand.Type] {
        [command] + command.configuration.subcommands.flatMap(all)
    }

    @Test func everyCommandHasAnExplicitName() {
        let commands = all(FrontDeskCommand.self)
        #expect(commands.count > 30)
        for command in commands {
            #expect(command.configuration.commandName != nil, "\(command) has no commandName")
        }
    }

    /// What a parse gives, as text: the command with its options, or the error's message.
    func outcome(_ parse: () throws -> ParsableCommand) -> String {
        do {
            var text = ""
            dump(try parse(), to: &text)
            return text
        } catch {
            return "error: " + FrontDeskCommand.fullMessage(for: error)
        }
    }

    /// Parsing from the subcommand (`FrontDeskCommand.parse`) gives what parsing from the root
    /// gives: the same command with the same options; for help, the version and mistakes, the
    /// same message (those are parsed again from the root).
    @Test(arguments: [["occupancy", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--bom"],
                      ["report", "--from", "2026-01-01", "--to", "2026-12-31", "--db", "/tmp/x.sqlite", "--lang", "en"],
                      ["staff", "add", "Amal", "--role", "receptionist"], ["services"], ["services", "list"],
                      ["schedule", "--date", "2026-11-24"], ["queue"],
                      ["occupancy", "--help"], ["staff", "add", "--help"], ["staff", "-h"], ["occupancy", "--version"], ["occupancy", "--bogus"],
                      ["occupancy", "--from", "2026-11-01"], ["report", "--from", "x", "--to", "y", "--format", "xml"],
                      ["staff", "ad"], ["schedule", "--date"], ["queue", "extra"], ["help", "occupancy"]])
    func theSubcommandParsesAsTheRootDoes(_ arguments: [String]) throws {
        let fromRoot = outcome { try FrontDeskCommand.parseAsRoot(arguments) }
        #expect(outcome { try FrontDeskCommand.parse(arguments) } == fromRoot)
        #expect(!fromRoot.isEmpty)
    }

    /// A mistyped command name is named as such at any depth, with the commands there; words
    /// that name commands, options and a leaf's arguments pass.
    @Test(arguments: [
        (["stafff"], "unknown command 'stafff'; commands: "),
        (["staff", "ad", "Foo"], "unknown command 'staff ad'; commands of staff: add, list, disable, reset-pin"),
        (["help", "stafff"], "unknown command 'stafff'; commands: "),
        (["help", "staff", "ad"], "unknown command 'staff ad'; commands of staff: add, list, disable, reset-pin"),
    ])
    func aMistypedCommandIsNamed(_ arguments: [String], _ message: String) throws {
        let english = try ShippedData.strings(.en)
        #expect(FrontDeskCommand.unknownCommand(in: arguments, strings: english)?.hasPrefix(message) == true, "\(arguments)")
    }

    @Test(arguments: [["staff", "add", "Amal", "--role", "receptionist"], ["services"], ["services", "list"], ["help", "staff", "add"],
                      ["--db", "x.sqlite"], [], ["occupancy", "--from", "2026-11-01"], ["visitors", "search", "aissatou"], ["help"]])
    func commandWordsPass(_ arguments: [String]) throws {
        let english = try ShippedData.strings(.en)
        #expect(FrontDeskCommand.unknownCommand(in: arguments, strings: english) == nil, "\(arguments)")
    }
}
