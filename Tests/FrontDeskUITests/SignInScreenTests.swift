import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// The sign-in screen: names, a PIN never echoed, refusals, the first admin, the kiosk's board.
struct SignInScreenTests {
    typealias S = SignInScreen
    init() { TerminalLocale.useUTF8ForTests() }
    static let staff = [StaffMember(id: 1, name: "Amina Tazi", role: .receptionist),
                        StaffMember(id: 2, name: "Leila Amrani", role: .counselor, counselorId: 1),
                        StaffMember(id: 3, name: "Nadia", role: .coordinator),
                        StaffMember(id: 4, name: "يوسف العلوي", role: .admin)]

    func state(kiosk: Bool = false, language: UILanguage = .en) -> Harness<S> {
        var s = Harness<S>(S.State(kiosk: kiosk), language: language)
        s.quitsAtOnce = !kiosk
        _ = S.update(&s, .staffLoaded(Self.staff))
        return s
    }

    func type(_ text: String, _ s: inout Harness<S>) { for c in text { _ = S.update(&s, .key(.character(c))) } }

    @Test func choosingANameAndTypingAPINSignsIn() {
        var s = state()
        #expect(s.selectedMember?.name == "Amina Tazi")
        _ = S.update(&s, .key(.down))
        // A letter clears what was typed (a visitor's code typed at a locked desk is no PIN).
        type("22a", &s)
        #expect(s.pin.isEmpty)
        #expect(s.notice == Notice(.info, "This desk is locked: choose your name and type your PIN (digits) first."))
        type("V-2026-00239", &s)
        #expect(s.pin.count < 4, "the digits of a code never make a PIN")
        _ = S.update(&s, .key(.escape))
        type("2222", &s)
        #expect(s.pin == "2222")
        #expect(S.update(&s, .key(.enter)) == [.signIn(staffId: 2, pin: "2222", kioskQuit: false)])
        #expect(s.checking)
        #expect(s.pin.isEmpty)
        // Keys wait while the PIN is checked.
        type("1", &s)
        #expect(s.pin.isEmpty)
        _ = S.update(&s, .refused(.wrongPIN(remaining: 4)))
        #expect(!s.checking)
        #expect(s.notice == Notice(.error, "Wrong PIN (4 tries left before a 5-minute lock)."))
    }

    @Test func aShortPINIsNotSentAndALongOneIsCut() {
        var s = state()
        type("123", &s)
        #expect(S.update(&s, .key(.enter)) == [])
        #expect(s.notice?.kind == .error)
        type("456789", &s)
        #expect(s.pin == "12345678")
        _ = S.update(&s, .key(.backspace))
        #expect(s.pin == "1234567")
        _ = S.update(&s, .key(.escape))
        #expect(s.pin.isEmpty)
    }

    @Test func aLockIsShownWithItsEnd() {
        var s = state()
        _ = S.update(&s, .refused(.locked(until: Fixture.now.addingTimeInterval(300))))
        #expect(s.notice?.text == "Too many wrong PINs: locked until 11:47.")
    }

    @Test func theScreenNeverShowsThePIN() throws {
        var s = state()
        type("4821", &s)
        let frame = Sched.render { S.render(s, into: &$0) }
        #expect(!frame.text.contains("4821"))
        #expect(frame.text.contains("PIN ••••_"))
        try Snapshot.assert(frame, named: "signin")
    }

    @Test func quitOutsideAKioskQuitsAtOnce() {
        var s = state()
        #expect(S.update(&s, .key(.function(10))) == [])
        #expect(s.quitRequested)
    }

    @Test func aKioskAsksACoordinatorOrAdminToQuitAndShowsTicketsOnly() throws {
        var s = state(kiosk: true)
        #expect(S.start(&s) == [.loadStaff, .loadTickets])
        #expect(S.update(&s, .key(.function(10))) == [])
        #expect(s.mode == .kioskQuit)
        #expect(s.choices.map(\.id) == [3, 4])
        type("3333", &s)
        #expect(S.update(&s, .key(.enter)) == [.signIn(staffId: 3, pin: "3333", kioskQuit: true)])
        _ = S.update(&s, .refused(.wrongPIN(remaining: 4)))
        _ = S.update(&s, .key(.escape))
        #expect(s.mode == .signIn)
        _ = S.update(&s, .ticketsLoaded(called: ["S-004", "P-002"], waiting: ["E-003", "S-005", "S-006"]))
        let frame = Sched.render { S.render(s, into: &$0) }
        #expect(frame.text.contains("S-004") && frame.text.contains("S-006"))
        try Snapshot.assert(frame, named: "signin-kiosk")
    }

    @Test func theFirstRunAsksForAnAdmin() throws {
        var s = state(language: .fr)
        _ = S.update(&s, .staffLoaded([]))
        #expect(s.mode == .firstAdmin)
        type("Omar", &s)
        _ = S.update(&s, .key(.tab))
        type("4444", &s)
        _ = S.update(&s, .key(.enter))
        #expect(s.adminFocus == .repeatPIN)
        type("4445", &s)
        #expect(S.update(&s, .key(.enter)) == [])
        #expect(s.notice?.kind == .error)
        #expect(s.adminRepeat.isEmpty)
        type("4444", &s)
        let frame = Sched.render { S.render(s, into: &$0) }
        #expect(!frame.text.contains("4444"))
        try Snapshot.assert(frame, named: "signin-first-admin-fr")
        #expect(S.update(&s, .key(.enter)) == [.createFirstAdmin(name: "Omar", pin: "4444")])
    }

    @Test func tooSmall() {
        var s = state()
        _ = s.resize(Size(width: 60, height: 20))
        let frame = Sched.render({ S.render(s, into: &$0) }, size: Size(width: 60, height: 20))
        #expect(frame.text.contains("Enlarge the window"))
    }

    /// A kiosk asking for a PIN to quit says what Enter and Esc do there: its bar comes from the
    /// table the reducer reads in that mode.
    @Test func theKioskQuitBarSaysEnterQuitsAndEscGoesBack() {
        var s = state(kiosk: true)
        _ = S.update(&s, .key(.function(10)))
        #expect(s.mode == .kioskQuit)
        let bar = s.frame.lines().last ?? ""
        #expect(bar.hasPrefix("↑↓ Name  Enter Quit the kiosk  Esc Back"), "bar: \(bar)")
        _ = S.update(&s, .key(.escape))
        #expect(s.mode == .signIn)
        #expect(s.frame.lines().last?.hasPrefix("↓ Name  Enter Sign in  Esc Clear  F10 Quit") == true)
    }

    /// A PIN typed with an Arabic keyboard's digits (Arabic-Indic or Extended) is the same PIN.
    @Test(arguments: ["٤٧٢٩", "۴۷۲۹", "4729"])
    func arabicKeyboardDigitsTypeThePIN(typed: String) {
        var s = state()
        _ = S.update(&s, .key(.down))
        type(typed, &s)
        #expect(s.pin == "4729")
        #expect(S.update(&s, .key(.enter)) == [.signIn(staffId: 2, pin: "4729", kioskQuit: false)])
    }
}
