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
}
