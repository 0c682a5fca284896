import Foundation
import FrontDeskDomain
import FrontDeskStore
import Testing

/// The desk's ranking: the person standing at the desk (in today's queue, or expected today)
/// comes first among those a few letters match, whatever the alphabet says.
struct DeskSearchStoreTests {
    @Test func todaysQueueAndAppointmentsComeFirst() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        // Fifty Mohameds registered before, alphabetically first.
        _ = try db.registerMany((1...50).map { newVisitor("Mohamed", "Aaa\($0)") }, by: desk, at: apr14())
        let walkIn = try db.register(newVisitor("Mohamed", "Zouhair"), by: desk, at: apr14())
        let arabic = try db.register(newVisitor("محمد", "حداد"), by: desk, at: apr14())
        _ = try db.checkIn(visitorId: walkIn.id, category: .social, by: desk, at: apr14(minutes: 5))
        let plain = try db.searchVisitors("moh", limit: 12)
        #expect(!plain.prefix(5).contains(walkIn), "alphabetical without the desk's day")
        let ranked = try db.searchVisitors("moh", limit: 12, deskAt: apr14(minutes: 10))
        #expect(ranked.first == walkIn)
        #expect(ranked.count == 12)
        #expect(Set(ranked.map(\.id)).count == 12, "nobody twice")
        // Yesterday's queue counts for nothing today.
        let tomorrow = try db.searchVisitors("moh", limit: 12, deskAt: apr14(minutes: 24 * 60))
        #expect(tomorrow.first != walkIn)
        // Someone in the queue who does not match is not listed.
        #expect(!(try db.searchVisitors("zzz", limit: 12, deskAt: apr14(minutes: 10))).contains(walkIn))
        // Across scripts: محمد in today's queue comes first for `moh` too.
        _ = try db.checkIn(visitorId: arabic.id, category: .psychological, by: desk, at: apr14(minutes: 6))
        let both = try db.searchVisitors("moh", limit: 12, deskAt: apr14(minutes: 10))
        #expect(Set(both.prefix(2)) == [walkIn, arabic])
        // A second word narrows among them.
        #expect(try db.searchVisitors("moh zou", limit: 12, deskAt: apr14(minutes: 10)).first == walkIn)
    }
}
