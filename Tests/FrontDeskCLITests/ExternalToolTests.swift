import FrontDeskTestSupport
import Testing

/// The rule for tests that need a program from the machine (`ExternalTool.verdict`): run when
/// every tool is there; fail under CI when one is missing; skip with a note elsewhere.
@Suite struct ExternalToolTests {
    @Test func everyToolThereRuns() {
        #expect(ExternalTool.verdict(missing: [], environment: ["CI": "true"]) == .run)
        #expect(ExternalTool.verdict(missing: [], environment: [:]) == .run)
    }

    @Test(arguments: [["CI": "true"], ["CI": "TRUE"], ["CI": "1"]])
    func aMissingToolFailsUnderCI(_ environment: [String: String]) {
        let verdict = ExternalTool.verdict(missing: [.tmux, .pythonICalendar], environment: environment)
        guard case .fail(let message) = verdict else {
            Issue.record("expected a failure, got \(verdict)")
            return
        }
        #expect(message.contains("tmux, python3-icalendar"))
        #expect(message.contains("apt-get install tmux"))
        #expect(message.contains("python3 -m pip install icalendar"))
    }

    @Test(arguments: [[:], ["CI": "false"], ["CI": ""]])
    func aMissingToolSkipsWithANoteElsewhere(_ environment: [String: String]) {
        let verdict = ExternalTool.verdict(missing: [.calcurse], environment: environment)
        guard case .skip(let note) = verdict else {
            Issue.record("expected a skip, got \(verdict)")
            return
        }
        #expect(note.contains("calcurse"))
        #expect(note.contains("CI=true"))
    }
}
