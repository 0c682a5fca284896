import Foundation
import FrontDeskDomain
import GRDB
import Testing
@testable import FrontDeskStore

/// Shared case P2 (shared/cases/reports-2.md) through the store: tickets issued, called and
/// closed with the desk's own calls, then the occupancy's SQL, the reports screen's trends and
/// the domain's recomputation agree on every ticket's fate and wait.
struct QueueWaitsStoreTests {
    static let day = LocalDate(year: 2026, month: 4, day: 21) // a Tuesday

    /// Local `clock` on `day` as an instant.
    static func at(_ clock: String, on day: LocalDate = day) throws -> Date {
        try rabat.instant(day, try #require(LocalTime(clock)))
    }

    /// A center open 09:00–17:00 on weekdays with P-001 … P-004 of the case, and the instant of
    /// the next morning's check-in of P-004 when `nextDayCheckIn` (it closes the forgotten ticket).
    static func center(nextDayCheckIn: Bool) throws -> AppDatabase {
        let db = try AppDatabase.inMemory(calendar: rabat)
        var settings = try db.centerSettings()
        settings.openingHours = WeeklyHours(Weekday.workweek, [TimeRange(LocalTime(hour: 9, minute: 0)!, LocalTime(hour: 17, minute: 0)!)!])
        try db.saveCenterSettings(settings, by: desk, at: try at("08:00"))
        var ids: [Int64] = []
        for n in 1...4 {
            let v = NewVisitor(givenName: "P\(n)", familyName: "Case", sex: .female, birthYear: 1990, nationality: "SN", languages: ["fr"],
                               status: .asylumSeeker, phone: nil, consentScopes: [.services, .reporting])
            ids.append(try db.register(v, allowingDuplicates: true, by: desk, at: try at("08:00")).id)
        }
        let p1 = try db.checkIn(visitorId: ids[0], category: .psychological, by: desk, at: try at("09:00"))
        let p2 = try db.checkIn(visitorId: ids[1], category: .psychological, by: desk, at: try at("09:05"))
        let p3 = try db.checkIn(visitorId: ids[2], category: .psychological, by: desk, at: try at("10:00"))
        _ = try db.call(visitId: p1.id, by: desk, at: try at("09:10"))
        _ = try db.call(visitId: p2.id, by: desk, at: try at("09:25"))
        _ = try db.close(visitId: p1.id, outcome: .seen, by: desk, at: try at("09:40"))
        _ = try db.close(visitId: p2.id, outcome: .seen, by: desk, at: try at("10:00"))
        _ = try db.close(visitId: p3.id, outcome: .leftUnseen, by: desk, at: try at("11:35"))
        _ = try db.checkIn(visitorId: ids[3], category: .psychological, by: desk, at: try at("16:10"))
        if nextDayCheckIn {
            _ = try db.checkIn(visitorId: ids[3], category: .psychological, by: desk, at: try at("09:05", on: day.adding(days: 1)))
        }
        return db
    }

    @Test(arguments: [false, true])
    func everyTicketIssuedIsCountedWithItsWait(nextDayCheckIn: Bool) throws {
        let db = try Self.center(nextDayCheckIn: nextDayCheckIn)
        let now = try Self.at("12:00", on: Self.day.adding(days: 2))
        let report = try db.occupancy(.day(Self.day), now: now)
        let w = report.walkIns
        #expect(w.arrivals == 4 && w.arrivals == w.served + w.leftUnseen + w.unservedAtClose + w.waiting)
        #expect(w.served == 2 && w.meanWaitMinutes == 15 && w.medianWaitMinutes == 10 && w.p90WaitMinutes == 20)
        #expect(w.leftUnseen == 1 && w.leftUnseenMeanMinutes == 95)
        #expect(w.unservedAtClose == 1 && w.unservedMeanMinutes == 50) // 16:10 → 17:00, never into the next day
        #expect(w.waiting == 0)
        #expect(report.categories.first { $0.category == .psychological }?.walkIns == w)
        // The trends' month: the served tickets' median, not a two-day wait.
        let trends = try db.reportTrends(.month(containing: Self.day), programs: nil)
        let april = try #require(trends.months.last)
        #expect(april.waits == 2 && april.medianWaitMinutes == 10)
    }

    /// Seen at 16:30 the same day, P-004 is still waiting: issued = served + left + waiting.
    @Test func beforeTheCloseAnOpenTicketIsStillWaiting() throws {
        let db = try Self.center(nextDayCheckIn: false)
        let w = try db.occupancy(.day(Self.day), now: try Self.at("16:30")).walkIns
        #expect(w.arrivals == 4 && w.waiting == 1 && w.unservedAtClose == 0 && w.unservedMeanMinutes == nil)
    }
}
