import Foundation
import FrontDeskDomain
import FrontDeskUI
import TerminalKit
import Testing

/// Every screen under every overlay of the shell (help, quit, screens menu, too-small, and the
/// kiosk lock), drawn by the shell alike, at 80x24 and 100x30. One snapshot file per screen and
/// size holds its frames one under the other.
struct OverlaySnapshotTests {
    init() { TerminalLocale.useUTF8ForTests() }

    /// Who opens each screen: a member whose role may.
    static let members: [AppScreenKind: StaffMember] = [
        .reception: StaffMember(id: 1, name: "Amina", role: .receptionist),
        .booking: StaffMember(id: 1, name: "Amina", role: .receptionist),
        .schedule: StaffMember(id: 2, name: "Karima", role: .counselor, counselorId: 1),
        .admin: StaffMember(id: 4, name: "يوسف العلوي", role: .admin),
        .occupancy: StaffMember(id: 3, name: "Nadia", role: .coordinator),
        .reports: StaffMember(id: 3, name: "Nadia", role: .coordinator),
    ]
    static let screenKeys: [AppScreenKind: Key] = [.reception: .function(7), .booking: .function(8), .schedule: .function(9),
                                                   .admin: .function(11), .occupancy: .function(21), .reports: .function(22)]

    /// The app signed in as the screen's member, the screen shown with some data.
    func app(_ kind: AppScreenKind, size: Size) -> AppScreen.State {
        var app = Fixture.app(session: Self.members[kind], size: size)
        _ = AppScreen.start(&app)
        _ = AppScreen.update(&app, .reception(.queueLoaded(Fixture.busyQueue, QueueCounts(waiting: 4, called: 1))))
        _ = AppScreen.update(&app, .schedule(.counselorsLoaded(Sched.counselors)))
        _ = AppScreen.update(&app, .admin(.loaded(AdminScreen.Data(counselors: Sched.counselors, rooms: Sched.rooms, services: Sched.services))))
        _ = AppScreen.update(&app, .booking(.catalogLoaded(services: Sched.services, counselors: Sched.counselors, rooms: Sched.rooms)))
        if let key = Self.screenKeys[kind] { _ = AppScreen.update(&app, .key(key)) }
        if let request = app.reports.request {
            _ = AppScreen.update(&app, .reports(.loaded(request, FunderReport(period: request.period, counts: ReportsScreenTests.counts()),
                                                        ReportsScreenTests.trends())))
        }
        #expect(app.shown == kind)
        return app
    }

    func render(_ app: AppScreen.State) -> Frame {
        var frame = Frame(size: app.size)
        AppScreen.render(app, into: &frame)
        return frame
    }

    /// Frames one under the other, each after a line naming it.
    func stacked(_ frames: [(String, Frame)]) -> Frame {
        let width = frames.first?.1.size.width ?? 80
        let height = frames.map { $0.1.size.height + 1 }.reduce(0, +)
        var all = Frame(size: Size(width: width, height: height))
        var y = 0
        for (name, frame) in frames {
            all.put("=== \(name) ", x: 0, y: y)
            y += 1
            for line in frame.lines() {
                all.put(line, x: 0, y: y)
                y += 1
            }
        }
        return all
    }

    @Test(arguments: AppScreenKind.allCases, [Size(width: 80, height: 24), Size(width: 100, height: 30)])
    func everyOverlayOverEveryScreen(kind: AppScreenKind, size: Size) throws {
        var frames: [(String, Frame)] = [("plain", render(app(kind, size: size)))]

        var help = app(kind, size: size)
        _ = AppScreen.update(&help, .key(.function(1)))
        #expect(help.overlay == .help)
        frames.append(("help", render(help)))

        var quit = app(kind, size: size)
        _ = AppScreen.update(&quit, .key(.function(10)))
        #expect(quit.overlay == .quitConfirm)
        let quitFrame = render(quit)
        #expect(quitFrame.text.contains("Quit FrontDesk? (y/n)"))
        frames.append(("quit", quitFrame))

        var menu = app(kind, size: size)
        _ = AppScreen.update(&menu, .key(.control("g")))
        #expect(menu.overlay == .menu(menu.allowedScreens.firstIndex(of: kind) ?? -1))
        frames.append(("menu", render(menu)))

        var small = app(kind, size: size)
        _ = AppScreen.update(&small, .resized(Size(width: 60, height: 20)))
        _ = AppScreen.update(&small, .key(.function(10)))
        let smallFrame = render(small)
        #expect(smallFrame.text.contains("Enlarge the window to 80x24 (now 60x20)"))
        #expect(smallFrame.text.contains("Quit FrontDesk? (y/n)"))
        frames.append(("too small, quitting", smallFrame))

        // Each overlay's key bar is the shell's, the same on every screen.
        #expect(frames[1].1.lines().last?.hasPrefix("Esc Close") == true)
        #expect(frames[2].1.lines().last?.hasPrefix("y Quit  n/Esc Stay") == true)
        try Snapshot.assert(stacked(frames), named: "overlay-\(kind.rawValue)-\(size.width)x\(size.height)")
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30)])
    func theKioskLockShowsTheSignInScreenAndForgetsTheScreens(size: Size) throws {
        var app = Fixture.app(session: Self.members[.reception], kiosk: KioskSettings(idleSeconds: 60), size: size)
        _ = AppScreen.start(&app)
        _ = AppScreen.update(&app, .reception(.queueLoaded(Fixture.busyQueue, QueueCounts(waiting: 4, called: 1))))
        _ = AppScreen.update(&app, .tick(Fixture.now.addingTimeInterval(61)))
        #expect(app.session == nil)
        _ = AppScreen.update(&app, .signIn(.staffLoaded([StaffMember(id: 1, name: "Amina", role: .receptionist)])))
        _ = AppScreen.update(&app, .signIn(.ticketsLoaded(called: ["S-012"], waiting: ["S-014", "P-003"])))
        let frame = render(app)
        #expect(!frame.text.contains("Aïssatou"), "nothing of the last session shows")
        #expect(frame.text.contains("S-014"))
        try Snapshot.assert(frame, named: "overlay-lock-\(size.width)x\(size.height)")
    }
}
