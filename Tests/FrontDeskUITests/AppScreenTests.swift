import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// The app shell: sign-in first, switching screens by F-keys and the ^G menu within what the
/// role may open, booking from reception, the kiosk's idle lock and guarded quit.
struct AppScreenTests {
    typealias App = AppScreen
    init() { TerminalLocale.useUTF8ForTests() }

    static let amina = StaffMember(id: 1, name: "Amina", role: .receptionist)
    static let karima = StaffMember(id: 2, name: "Karima", role: .counselor, counselorId: 1)
    static let nadia = StaffMember(id: 3, name: "Nadia", role: .coordinator)
    static let omar = StaffMember(id: 4, name: "Omar", role: .admin)
    static let day = LocalDate(year: 2026, month: 4, day: 14)

    func app(_ session: StaffMember? = amina, kiosk: KioskSettings? = nil) -> App.State {
        Fixture.app(session: session, kiosk: kiosk)
    }

    @Test func signedOutStartShowsOnlyTheSignInScreen() {
        var state = app(nil)
        #expect(App.start(&state) == [.signIn(.loadStaff)])
        #expect(state.allowedScreens.isEmpty)
        // Keys go to the sign-in screen: F-keys do not reach the desk.
        _ = App.update(&state, .signIn(.staffLoaded([Self.amina, Self.omar])))
        #expect(App.update(&state, .key(.function(8))) == [])
        #expect(state.session == nil)
        for d in "1111" { _ = App.update(&state, .key(.character(d))) }
        #expect(App.update(&state, .key(.enter)) == [.signIn(.signIn(staffId: 1, pin: "1111", kioskQuit: false))])
        let effects = App.update(&state, .signIn(.signedIn(Self.amina)))
        #expect(state.session == Self.amina)
        #expect(state.shown == .reception)
        #expect(effects == [.reception(.loadQueue(Self.day)), .reception(.loadExpected(Self.day)), .reception(.loadPrograms), .booking(.loadCatalog),
                            .schedule(.loadCounselors), .admin(.load)])
        var frame = Frame(size: Size(width: 80, height: 24))
        App.render(state, into: &frame)
        #expect(frame.text.contains("Queue"))
        #expect(frame.lines()[0].contains("Desk 1 · Amina"))
    }

    @Test(arguments: [(amina, [AppScreenKind.reception, .booking], AppScreenKind.reception),
                      (karima, [.booking, .schedule], .schedule),
                      (nadia, [.schedule, .occupancy, .reports], .occupancy),
                      (omar, [.admin, .reports], .admin)])
    func eachRoleGetsItsScreensAndHome(member: StaffMember, screens: [AppScreenKind], home: AppScreenKind) {
        var state = app(nil)
        _ = App.update(&state, .signIn(.signedIn(member)))
        #expect(state.allowedScreens == screens)
        #expect(state.shown == home)
        // Every F-key of a screen the role may not open does nothing.
        for (kind, key) in [(AppScreenKind.reception, 7), (.booking, 8), (.schedule, 9), (.admin, 11), (.occupancy, 21)] where !screens.contains(kind) {
            _ = App.update(&state, .key(.function(key)))
            #expect(state.shown == home)
        }
        // A counselor's schedule opens on their own record.
        if let counselorId = member.counselorId { #expect(state.schedule.counselorId == counselorId) }
    }

    @Test func functionKeysAndTheMenuSwitchAllowedScreens() {
        var state = app()
        #expect(App.update(&state, .key(.function(8))) == [.booking(.loadCatalog)])
        #expect(state.shown == .booking)
        #expect(App.update(&state, .key(.control("g"))) == [])
        #expect(state.overlay == .menu(1))
        #expect(App.update(&state, .key(.character("r"))) == [.reception(.loadQueue(Self.day)), .reception(.loadExpected(Self.day))])
        #expect(state.shown == .reception)
        #expect(state.overlay == nil)
        // The admin entry is not in a receptionist's menu: its letter does nothing.
        _ = App.update(&state, .key(.function(12)))
        _ = App.update(&state, .key(.character("a")))
        #expect(state.shown == .reception)
        _ = App.update(&state, .key(.down))
        _ = App.update(&state, .key(.enter))
        #expect(state.shown == .booking)
    }

    @Test func bookingFromReceptionOpensForTheSelectedVisitor() {
        var state = app()
        _ = App.update(&state, .key(.character("y")))
        _ = App.update(&state, .reception(.searchCompleted(query: "y", results: [Fixture.youssef])))
        let effects = App.update(&state, .key(.function(8)))
        #expect(effects == [.booking(.loadCatalog), .booking(.loadVisitor(1))])
        #expect(state.shown == .booking)
    }

    @Test func dialogsSeeKeysBeforeTheShell() {
        var state = app(Self.karima)
        #expect(state.shown == .schedule)
        _ = App.update(&state, .key(.character("g")))
        #expect(App.update(&state, .key(.function(8))) == [])
        #expect(state.shown == .schedule)
    }

    @Test func quittingFromAnyScreenHasOnePath() {
        for member in [Self.amina, Self.karima, Self.nadia, Self.omar] {
            var state = app(member)
            _ = App.update(&state, .key(.function(10)))
            #expect(state.overlay == .quitConfirm, "\(member.name): the shell asks")
            #expect(App.update(&state, .key(.escape)) == [])
            #expect(state.overlay == nil && !state.quitRequested)
            _ = App.update(&state, .key(.function(10)))
            #expect(App.update(&state, .key(.character("y"))) == [])
            #expect(state.quitRequested, "\(member.name)")
        }
    }

    @Test func kioskLocksAfterIdleTimeAndForgetsWhatWasShown() {
        var state = app(Self.amina, kiosk: KioskSettings(idleSeconds: 60))
        _ = App.update(&state, .reception(.searchCompleted(query: "", results: [Fixture.youssef])))
        _ = App.update(&state, .key(.character("y")))
        #expect(App.update(&state, .tick(Fixture.now.addingTimeInterval(1))) != [.signedOut(Self.amina, reason: "idle")])
        // 59 s after the last key: still open; 60 s: locked.
        #expect(state.session != nil)
        _ = App.update(&state, .tick(Fixture.now.addingTimeInterval(60)))
        #expect(state.session != nil)
        let effects = App.update(&state, .tick(Fixture.now.addingTimeInterval(61)))
        #expect(effects == [.signedOut(Self.amina, reason: "idle"), .signIn(.loadStaff), .signIn(.loadTickets)])
        #expect(state.session == nil)
        #expect(state.reception.results.isEmpty)
        #expect(state.reception.searchField.text.isEmpty)
        var frame = Frame(size: Size(width: 80, height: 24))
        App.render(state, into: &frame)
        #expect(!frame.text.contains("يوسف"))
        #expect(frame.text.contains("Who are you?"))
        // A late result of the old session is dropped.
        #expect(App.update(&state, .reception(.searchCompleted(query: "", results: [Fixture.youssef]))) == [])
        #expect(state.reception.results.isEmpty)
    }

    @Test func controlOSignsOutOnAnyTerminal() {
        var state = app(Self.amina)
        _ = App.update(&state, .reception(.searchCompleted(query: "", results: [Fixture.youssef])))
        #expect(App.update(&state, .key(.control("o"))) == [.signedOut(Self.amina, reason: "signed out"), .signIn(.loadStaff)])
        #expect(state.session == nil)
        #expect(state.reception.results.isEmpty)
    }

    @Test func aKioskForgetsAHalfTypedPINAfterIdleTime() {
        var state = app(nil, kiosk: KioskSettings(idleSeconds: 60))
        _ = App.update(&state, .signIn(.staffLoaded([Self.amina, Self.nadia])))
        _ = App.update(&state, .key(.character("1")))
        _ = App.update(&state, .key(.character("2")))
        _ = App.update(&state, .tick(Fixture.now.addingTimeInterval(1)))
        _ = App.update(&state, .tick(Fixture.now.addingTimeInterval(30)))
        #expect(state.signIn.pin == "12")
        #expect(App.update(&state, .tick(Fixture.now.addingTimeInterval(61))) == [.signIn(.loadStaff), .signIn(.loadTickets)])
        #expect(state.signIn.pin.isEmpty)
        // Nothing typed: nothing to forget, no reload every second.
        #expect(App.update(&state, .tick(Fixture.now.addingTimeInterval(200))) == [])
    }

    /// At a desk (no kiosk), a receptionist's session locks after the idle time (2 minutes by
    /// default) and shows no name; other roles' sessions after 15 minutes.
    @Test func aDeskLocksAReceptionistLeftAloneAndACounselorLater() {
        var state = app(Self.amina)
        _ = App.update(&state, .reception(.searchCompleted(query: "", results: [Fixture.youssef])))
        _ = App.update(&state, .tick(Fixture.now.addingTimeInterval(119)))
        #expect(state.session == Self.amina)
        let effects = App.update(&state, .tick(Fixture.now.addingTimeInterval(120)))
        #expect(effects.first == .signedOut(Self.amina, reason: "idle"))
        #expect(state.session == nil && state.reception.results.isEmpty)
        var frame = Frame(size: Size(width: 80, height: 24))
        App.render(state, into: &frame)
        #expect(!frame.text.contains("يوسف"))

        // A counselor's session stays open past the desk's 2 minutes and locks at 15 (the same
        // `lock` that forgets every screen, as above).
        var counselor = app(Self.karima)
        _ = App.update(&counselor, .tick(Fixture.now.addingTimeInterval(899)))
        #expect(counselor.session == Self.karima)
        #expect(App.update(&counselor, .tick(Fixture.now.addingTimeInterval(900))).first == .signedOut(Self.karima, reason: "idle"))
        #expect(counselor.session == nil)
        for member in [Self.nadia, Self.omar] {
            var other = app(member)
            _ = App.update(&other, .tick(Fixture.now.addingTimeInterval(899)))
            #expect(other.session == member)
            _ = App.update(&other, .tick(Fixture.now.addingTimeInterval(900)))
            #expect(other.session == nil)
        }

        var never = app(Self.amina)
        never.receptionIdleSeconds = nil
        _ = App.update(&never, .tick(Fixture.now.addingTimeInterval(86_400)))
        #expect(never.session == Self.amina)
        var staffNever = app(Self.karima)
        staffNever.staffIdleSeconds = nil
        _ = App.update(&staffNever, .tick(Fixture.now.addingTimeInterval(86_400)))
        #expect(staffNever.session == Self.karima)
    }

    @Test func kioskQuitNeedsACoordinatorsOrAdminsPIN() {
        var state = app(Self.amina, kiosk: KioskSettings())
        _ = App.update(&state, .key(.function(10)))
        let effects = App.update(&state, .key(.character("y")))
        #expect(effects.first == .signedOut(Self.amina, reason: "kiosk quit asked"))
        #expect(!state.quitRequested)
        #expect(state.session == nil)
        #expect(state.signIn.mode == .kioskQuit)
        _ = App.update(&state, .signIn(.staffLoaded([Self.amina, Self.karima, Self.nadia, Self.omar])))
        #expect(state.signIn.choices.map(\.name) == ["Nadia", "Omar"])
        for d in "3333" { _ = App.update(&state, .key(.character(d))) }
        #expect(App.update(&state, .key(.enter)) == [.signIn(.signIn(staffId: 3, pin: "3333", kioskQuit: true))])
        #expect(App.update(&state, .signIn(.quitAuthorized(Self.nadia))) == [])
        #expect(state.quitRequested)
    }

    /// The help's "every screen" column lists only the screens the role may open.
    @Test(arguments: [(amina, ["Reception", "Booking"], ["Admin", "Occupancy"]),
                      (nadia, ["Schedule", "Occupancy"], ["Reception", "Admin"])])
    func helpListsOnlyTheRolesScreens(member: StaffMember, listed: [String], absent: [String]) {
        var state = app(nil)
        _ = App.update(&state, .signIn(.signedIn(member)))
        _ = App.update(&state, .key(.function(1)))
        var frame = Frame(size: Size(width: 80, height: 24))
        App.render(state, into: &frame)
        let text = frame.text
        #expect(text.contains("Sign out"), "the help is open")
        for name in listed { #expect(text.contains(name), "\(name) missing") }
        for name in absent { #expect(!text.contains(name), "\(name) listed") }
    }
}
