import Foundation
import FrontDeskApp
import FrontDeskDomain
import FrontDeskUI
import Testing

@Suite struct FailureMessagesTests {
    struct Unexpected: Error {}

    static let messages = FailureMessages(strings: AppFixture.strings(), calendar: AppFixture.calendar)
    static let s = AppFixture.strings()

    /// Each kind of error and the one line of text it becomes.
    static let texts: [(any Error, String)] = [
        (QueueError.queueEmpty(nil), s.message(for: QueueError.queueEmpty(nil))),
        (VisitorValidationError.givenNameMissing, s.message(for: VisitorValidationError.givenNameMissing)),
        (BookingError.refused([.startsInPast(now: AppFixture.now)]), s("problem.startsInPast")),
        (SchedulingError.roomNotFound(7), s.message(for: SchedulingError.roomNotFound(7))),
        (SignInError.disabled, "this login is disabled"),
        (StoreError.visitorNotFound(7), "No visitor has the id 7."),
        (AccessError.notAllowed("signed out"), "signed out"),
        (StaffError.lastAdmin, "this is the last active admin; add another admin first"),
        // Anything else (SQL, I/O): a general message, never the error's own text.
        (Unexpected(), s("error.store")),
    ]

    @Test(arguments: 0..<texts.count) func everyErrorHasOneLine(_ i: Int) {
        let (error, text) = Self.texts[i]
        #expect(!text.isEmpty)
        #expect(Self.messages.text(error) == text)
    }

    @Test func eachScreenReceivesItsShape() {
        let m = Self.messages
        let conflict = BookingError.refused([.startsInPast(now: AppFixture.now)])
        #expect(m.scheduling(conflict) == .booking(conflict))
        #expect(m.scheduling(SchedulingError.roomNotFound(7)) == .scheduling(.roomNotFound(7)))
        #expect(m.scheduling(StoreError.visitorNotFound(7)) == .store("No visitor has the id 7."))
        #expect(m.scheduling(Unexpected()) == .store(Self.s("error.store")))
        #expect(m.reception(QueueError.visitClosed) == .queue(.visitClosed))
        #expect(m.reception(VisitorValidationError.consentMissing) == .validation(.consentMissing))
        // The reception words booking errors through the one table too.
        #expect(m.reception(conflict) == .store(Self.s("problem.startsInPast")))
        #expect(m.reception(AccessError.notAllowed("signed out")) == .store("signed out"))
        guard case .refused(.locked)? = Optional(m.signIn(SignInError.locked(until: AppFixture.now))),
              case .failed(let text)? = Optional(m.signIn(StaffError.invalidPIN))
        else { Issue.record("sign-in shapes"); return }
        #expect(text == "a PIN is 4 to 8 digits")
        #expect(EffectFailure(QueueError.visitNotFound) == .queue(.visitNotFound))
        #expect(EffectFailure(Unexpected()) == .unknown)
    }

    @Test func frenchToo() {
        let fr = FailureMessages(strings: AppFixture.strings(.fr), calendar: AppFixture.calendar)
        #expect(fr.text(Unexpected()) == AppFixture.strings(.fr)("error.store"))
        #expect(fr.text(Unexpected()) != Self.messages.text(Unexpected()))
    }
}
