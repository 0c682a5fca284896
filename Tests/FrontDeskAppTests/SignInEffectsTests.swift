import Foundation
import FrontDeskApp
import FrontDeskDomain
import FrontDeskStore
import FrontDeskUI
import Testing

@Suite struct SignInEffectsTests {
    @Test func aPINIsCheckedAndEveryAttemptRecorded() throws {
        let center = try TestCenter()
        let signIn = SignInEffects(center.context())
        guard case .staffLoaded(let staff)? = signIn.perform(.loadStaff) else { Issue.record("no staff"); return }
        #expect(staff.map(\.name) == ["Amina", "Leila", "Nadia", "Omar"])
        guard case .refused(let refusal)? = signIn.perform(.signIn(staffId: center.receptionist.id, pin: "9999", kioskQuit: false)) else {
            Issue.record("a wrong PIN went through"); return
        }
        #expect(refusal == .wrongPIN(remaining: SignInPolicy.maxFailures - 1))
        guard case .signedIn(let member)? = signIn.perform(.signIn(staffId: center.receptionist.id, pin: "1111", kioskQuit: false)) else {
            Issue.record("not signed in"); return
        }
        #expect(member == center.receptionist)
        // Only a coordinator's or admin's PIN ends a kiosk session.
        guard case .refused(.roleNotAllowed(.receptionist))? = signIn.perform(.signIn(staffId: center.receptionist.id, pin: "1111", kioskQuit: true)),
              case .quitAuthorized(let nadia)? = signIn.perform(.signIn(staffId: center.coordinator.id, pin: "1111", kioskQuit: true))
        else { Issue.record("kiosk quit"); return }
        #expect(nadia == center.coordinator)
        signIn.recordSignOut(member, reason: "idle")
        let trail = try center.trail().filter { $0.entity == "staff" && $0.action != .staffAdded }
        #expect(trail.map(\.action) == [.signInFailed, .signedIn, .signInFailed, .kioskQuitAuthorized, .signedOut])
        #expect(trail.allSatisfy { $0.actor.terminal == "pts/test" && $0.at == AppFixture.now })
        #expect(trail.last?.detail == "idle")
    }

    @Test func theFirstAdminOnlyOnAnEmptyStore() throws {
        let center = try TestCenter()
        guard case .failed(let text)? = SignInEffects(center.context()).perform(.createFirstAdmin(name: "Omar", pin: "4444")) else {
            Issue.record("a second first admin"); return
        }
        #expect(text == "staff exist already: sign in instead")
    }

    /// The kiosk's board: ticket codes, and for a called ticket the desk that called it; never a
    /// visitor's name.
    @Test func theKioskShowsTicketCodesAndDesksOnly() throws {
        let center = try TestCenter()
        let a = try center.register("Youssef"), b = try center.register("Lina")
        _ = try center.db.checkIn(visitorId: a.id, category: .social, by: AppFixture.setup, at: AppFixture.now.addingTimeInterval(-600))
        _ = try center.db.checkIn(visitorId: b.id, category: .psychological, by: AppFixture.setup, at: AppFixture.now.addingTimeInterval(-300))
        _ = try center.db.callNext(category: .social, by: AppFixture.setup, desk: "Guichet 2", at: AppFixture.now.addingTimeInterval(-60))
        guard case .ticketsLoaded(let called, let waiting)? = SignInEffects(center.context()).perform(.loadTickets) else {
            Issue.record("no tickets"); return
        }
        #expect(called == ["S-001 → Guichet 2"])
        #expect(waiting == ["P-001"])
        #expect(!(called + waiting).joined().contains("Youssef") && !(called + waiting).joined().contains("Lina"))
    }
}
