import Foundation
import GRDB
import Testing
import FrontDeskDomain
@testable import FrontDeskStore

struct QueueStoreTests {
    /// Queue tickets never repeat: closing visits never restarts numbering.
    @Test func ticketsGoOnAfterVisitsAreClosed() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let samrawit = try db.register(newVisitor("ሳምራዊት", "ተስፋይ"), by: desk, at: apr14())
        let aissatou = try db.register(newVisitor("Aïssatou", "Diallo-Ndiaye Traoré"), by: desk, at: apr14())
        let third = try db.register(newVisitor("يوسف", "المهاجر"), by: desk, at: apr14())
        let first = try db.checkIn(visitorId: samrawit.id, category: .social, by: desk, at: apr14(minutes: 1))
        let second = try db.checkIn(visitorId: aissatou.id, category: .social, by: desk, at: apr14(minutes: 1))
        let numbers: [Int] = [first.ticketNumber, second.ticketNumber]
        #expect(numbers == [1, 2])
        _ = try db.close(visitId: first.id, outcome: .seen, by: desk, at: apr14(minutes: 20))
        _ = try db.close(visitId: second.id, outcome: .leftUnseen, by: desk, at: apr14(minutes: 21))
        let next = try db.checkIn(visitorId: third.id, category: .social, by: desk, at: apr14(minutes: 30))
        #expect(next.ticket.description == "S-003")
        #expect(next.day == LocalDate(year: 2026, month: 4, day: 14))
    }

    @Test func categoriesNumberSeparatelyAndDaysRestart() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let ids = try registerNumbered(db, count: 3)
        #expect(try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14()).ticket.description == "S-001")
        #expect(try db.checkIn(visitorId: ids[1], category: .psychological, by: desk, at: apr14()).ticket.description == "P-001")
        #expect(try db.checkIn(visitorId: ids[2], category: .social, by: desk, at: apr14()).ticket.description == "S-002")
        let visit = try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14(minutes: 24 * 60))
        #expect(visit.ticket.description == "S-001")
        #expect(visit.day == LocalDate(year: 2026, month: 4, day: 15))
    }

    /// The queue is the center-local day's: 00:30 in Rabat on 2026-04-15 is 2026-04-14T23:30Z.
    @Test func halfPastMidnightBelongsToTheNewLocalDay() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let ids = try registerNumbered(db, count: 2)
        _ = try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14(minutes: 8 * 60))
        let late = Date(timeIntervalSince1970: 1_776_209_400) // 2026-04-14T23:30:00Z
        let visit = try db.checkIn(visitorId: ids[1], category: .social, by: desk, at: late)
        #expect(visit.day == LocalDate(year: 2026, month: 4, day: 15))
        #expect(visit.ticketNumber == 1)
        #expect(try db.queue(on: LocalDate(year: 2026, month: 4, day: 15)).map(\.visit.id) == [visit.id])
        #expect(try db.queue(on: LocalDate(year: 2026, month: 4, day: 14)).count == 1)
    }

    @Test func secondOpenVisitIsRefusedWithTheTicket() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let ids = try registerNumbered(db, count: 2)
        _ = try db.checkIn(visitorId: ids[1], category: .social, by: desk, at: apr14())
        let first = try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14(minutes: 1))
        #expect(throws: QueueError.alreadyCheckedIn(QueueTicket(category: .social, number: 2))) {
            try db.checkIn(visitorId: ids[0], category: .psychological, by: desk, at: apr14(minutes: 2))
        }
        // Once closed, the visitor may come back the same day.
        _ = try db.close(visitId: first.id, outcome: .redirected, by: desk, at: apr14(minutes: 3))
        #expect(try db.checkIn(visitorId: ids[0], category: .psychological, by: desk, at: apr14(minutes: 4)).ticketNumber == 1)
    }

    @Test func theSchemaAlsoRefusesTwoOpenVisits() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let ids = try registerNumbered(db, count: 1)
        _ = try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14())
        #expect(throws: DatabaseError.self) {
            try db.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO visit (visitor_id, category, day, ticket_number, arrived_at)
                    VALUES (?, 'social', '2026-04-14', 99, 0)
                    """, arguments: [ids[0]])
            }
        }
    }

    @Test func openVisitOfAnEarlierDayIsClosedAtNextCheckIn() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let ids = try registerNumbered(db, count: 1)
        let old = try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14())
        let today = try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14(minutes: 24 * 60))
        #expect(today.ticketNumber == 1)
        let closed = try #require(try db.visits(visitorId: ids[0], limit: 5).first { $0.id == old.id })
        #expect(closed.outcome == .leftUnseen)
        #expect(closed.leftAt == apr14(minutes: 24 * 60))
        let events = try db.auditEvents(limit: 2).map(\.action)
        #expect(events == [.visitCheckedIn, .visitClosed])
    }

    @Test func unknownOrArchivedVisitorCannotCheckIn() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let ids = try registerNumbered(db, count: 1)
        #expect(throws: QueueError.visitorNotFound) { try db.checkIn(visitorId: 999, category: .social, by: desk, at: apr14()) }
        try db.writer.write { try $0.execute(sql: "UPDATE visitor SET archived = 1") }
        #expect(throws: QueueError.visitorArchived) { try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14()) }
    }

    @Test func callNextTakesTheEarliestArrivalOfItsCategory() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let ids = try registerNumbered(db, count: 4)
        // Arrivals: social at 10:05 and 10:01, psychological at 10:00, social at 10:10.
        let s1 = try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14(minutes: 5))
        let s2 = try db.checkIn(visitorId: ids[1], category: .social, by: desk, at: apr14(minutes: 1))
        let p1 = try db.checkIn(visitorId: ids[2], category: .psychological, by: desk, at: apr14(minutes: 0))
        let s3 = try db.checkIn(visitorId: ids[3], category: .social, by: desk, at: apr14(minutes: 10))
        let now = apr14(minutes: 15)
        let first = try db.callNext(category: .social, by: Actor(name: "Desk 2", terminal: "t"), at: now)
        #expect(first.visit.id == s2.id)
        #expect(first.visit.calledAt == now)
        #expect(first.visit.calledBy == "Desk 2")
        #expect(first.visit.waitMinutes(now: apr14(minutes: 60)) == 14)
        #expect(first.visitorName == "Visitor N2")
        #expect(try db.callNext(category: nil, by: desk, at: now).visit.id == p1.id)
        #expect(try db.callNext(category: .social, by: desk, at: now).visit.id == s1.id)
        #expect(throws: QueueError.queueEmpty(.psychological)) { try db.callNext(category: .psychological, by: desk, at: now) }
        #expect(try db.callNext(category: nil, by: desk, at: now).visit.id == s3.id)
        #expect(throws: QueueError.queueEmpty(nil)) { try db.callNext(category: nil, by: desk, at: now) }
        // Another day's queue is not called.
        #expect(throws: QueueError.queueEmpty(nil)) { try db.callNext(category: nil, by: desk, at: apr14(minutes: 24 * 60)) }
    }

    @Test func callOutOfTurnAndClose() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let ids = try registerNumbered(db, count: 2)
        _ = try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14())
        let v2 = try db.checkIn(visitorId: ids[1], category: .social, by: desk, at: apr14(minutes: 1))
        let called = try db.call(visitId: v2.id, by: desk, at: apr14(minutes: 2))
        #expect(called.visit.status == .called)
        let again = try db.call(visitId: v2.id, by: Actor(name: "Desk 3", terminal: "t"), at: apr14(minutes: 9))
        #expect(again.visit.calledAt == apr14(minutes: 2))
        #expect(again.visit.calledBy == "Desk 3")
        let closed = try db.close(visitId: v2.id, outcome: .seen, by: desk, at: apr14(minutes: 30))
        #expect(closed.status == .closed(.seen))
        #expect(closed.leftAt == apr14(minutes: 30))
        #expect(throws: QueueError.visitClosed) { try db.close(visitId: v2.id, outcome: .seen, by: desk, at: apr14()) }
        #expect(throws: QueueError.visitClosed) { try db.call(visitId: v2.id, by: desk, at: apr14()) }
        #expect(throws: QueueError.visitNotFound) { try db.call(visitId: 999, by: desk, at: apr14()) }
        #expect(throws: QueueError.visitNotFound) { try db.close(visitId: 999, outcome: .seen, by: desk, at: apr14()) }
    }

    @Test func queueAndCountsOfADay() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let ids = try registerNumbered(db, count: 4)
        let visits = try ids.enumerated().map { i, id in
            try db.checkIn(visitorId: id, category: .professional, by: desk, at: apr14(minutes: Double(10 - i)))
        }
        _ = try db.call(visitId: visits[0].id, by: desk, at: apr14(minutes: 20))
        _ = try db.close(visitId: visits[1].id, outcome: .seen, by: desk, at: apr14(minutes: 20))
        let day = LocalDate(year: 2026, month: 4, day: 14)
        #expect(try db.queue(on: day).map(\.visit.ticket.description) == ["E-004", "E-003", "E-002", "E-001"])
        #expect(try db.queue(on: day).first?.visitorCode == VisitorCode(year: 2026, number: 4))
        #expect(try db.queueCounts(on: day) == QueueCounts(waiting: 2, called: 1, closed: 1, checkedInToday: 4))
        #expect(try db.queueCounts(on: LocalDate(year: 2026, month: 4, day: 13)) == QueueCounts())
    }

    @Test func everyChangeIsAuditedWithoutNames() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let v = try db.register(newVisitor("يوسف", "المهاجر"), by: desk, at: apr14())
        let visit = try db.checkIn(visitorId: v.id, category: .social, by: desk, at: apr14(minutes: 1))
        _ = try db.callNext(category: .social, by: desk, at: apr14(minutes: 2))
        _ = try db.close(visitId: visit.id, outcome: .seen, by: desk, at: apr14(minutes: 3))
        let events = try db.auditEvents(limit: 10)
        #expect(events.map(\.action) == [.visitClosed, .visitCalled, .visitCheckedIn, .visitorRegistered])
        #expect(events.map(\.entityId) == [visit.id, visit.id, visit.id, v.id])
        #expect(events.map(\.at) == [apr14(minutes: 3), apr14(minutes: 2), apr14(minutes: 1), apr14()])
        #expect(events[2].detail == "ticket S-001 on 2026-04-14 for V-2026-00001")
        #expect(events.allSatisfy { !$0.detail.contains("يوسف") && !$0.detail.contains("المهاجر") })
    }

    @Test func auditTrailIsAppendOnly() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        _ = try db.register(newVisitor("Ali"), by: desk, at: apr14())
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE audit_event SET actor_name = 'nobody'") }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "DELETE FROM audit_event") }
        }
        #expect(try db.auditEvents(limit: 5).map(\.actor.name) == ["Desk 1"])
    }

    @Test func failedWriteLeavesNoAuditRow() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let ids = try registerNumbered(db, count: 1)
        _ = try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14())
        let before = try db.auditEvents(limit: 100).count
        #expect(throws: QueueError.self) { try db.checkIn(visitorId: ids[0], category: .social, by: desk, at: apr14()) }
        #expect(try db.auditEvents(limit: 100).count == before)
    }

    @Test func catalogIsUpserted() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        let counseling = Service(id: "individual-counseling", nameFr: "Accompagnement individuel", nameEn: "Individual counseling",
                                 category: .psychological, durationMinutes: 45)
        let french = Service(id: "french-class", nameFr: "Cours de français", nameEn: "French class", category: .social,
                             durationMinutes: 90, groupCapacity: 12)
        let cv = Service(id: "cv-workshop", nameFr: "Atelier CV", nameEn: "CV workshop", category: .professional,
                         durationMinutes: 60, groupCapacity: 8)
        try db.loadCatalog([french, counseling, cv], by: desk, at: apr14())
        var changed = french
        changed.durationMinutes = 120
        changed.active = false
        try db.loadCatalog([changed], by: desk, at: apr14(minutes: 1))
        #expect(try db.services() == [counseling, changed, cv])
        #expect(try db.auditEvents(limit: 5).map(\.detail) == ["1 services", "3 services"])
    }
}
