import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// The app shell: switching screens by F-keys and the ^G menu, booking from reception.
struct AppScreenTests {
    typealias App = AppScreen

    func app() -> App.State {
        App.State(reception: Fixture.state(), booking: Sched.booking(), schedule: Sched.schedule(), admin: Sched.admin())
    }

    @Test func startLoadsEveryScreen() {
        let day = LocalDate(year: 2026, month: 4, day: 14)
        #expect(App.start(app()) == [.reception(.loadQueue(day)), .reception(.loadExpected(day)), .booking(.loadCatalog),
                                     .schedule(.loadCounselors), .admin(.load)])
    }

    @Test func functionKeysAndTheMenuSwitchScreens() {
        var state = app()
        #expect(App.update(&state, .key(.function(9))) == [.schedule(.loadCounselors)])
        #expect(state.shown == .schedule)
        #expect(App.update(&state, .key(.function(11))) == [.admin(.load)])
        #expect(state.shown == .admin)
        #expect(App.update(&state, .key(.control("g"))) == [])
        #expect(state.menu == 3)
        let day = LocalDate(year: 2026, month: 4, day: 14)
        #expect(App.update(&state, .key(.character("r"))) == [.reception(.loadQueue(day)), .reception(.loadExpected(day))])
        #expect(state.shown == .reception)
        #expect(state.menu == nil)
        _ = App.update(&state, .key(.function(12)))
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
        var state = app()
        _ = App.update(&state, .key(.function(9)))
        _ = App.update(&state, .key(.character("g")))
        #expect(App.update(&state, .key(.function(7))) == [])
        #expect(state.shown == .schedule)
    }

    @Test func quittingFromAnyScreenIsAnAppEffect() {
        var state = app()
        _ = App.update(&state, .key(.function(11)))
        _ = App.update(&state, .key(.function(10)))
        #expect(App.update(&state, .key(.character("y"))) == [.quit])
        #expect(state.quitRequested)
    }
}
