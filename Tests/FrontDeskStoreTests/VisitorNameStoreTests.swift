import Foundation
import Testing
import FrontDeskDomain
@testable import FrontDeskStore

/// The store builds visitors' names from its `given_name` and `family_name` columns with the
/// Domain's one rule, `Visitor.fullName(given:family:)`, in every listing that shows them: the
/// queue, a called ticket, the appointments. Each case also pins the rule's expected text.
@Suite struct VisitorNameStoreTests {
    struct Name: Sendable, CustomTestStringConvertible {
        var given: String
        var family: String
        var full: String
        var testDescription: String { full }
    }

    static let names: [Name] = [
        Name(given: "يوسف", family: "المهاجر", full: "يوسف المهاجر"),
        Name(given: "ሳምራዊት", family: "", full: "ሳምራዊት"),
        Name(given: "Aïssatou", family: "Diallo-Ndiaye Traoré", full: "Aïssatou Diallo-Ndiaye Traoré"),
        Name(given: "Lina 👶", family: "suivi", full: "Lina 👶 suivi"),
    ]

    @Test(arguments: names)
    func theDomainRule(_ name: Name) {
        #expect(Visitor.fullName(given: name.given, family: name.family) == name.full)
    }

    @Test func queueEntriesAndCalledTicketsUseTheDomainRule() throws {
        let db = try AppDatabase.inMemory(calendar: rabat)
        var expected: [Int64: String] = [:]
        for (i, name) in Self.names.enumerated() {
            let visitor = try db.register(newVisitor(name.given, name.family), by: desk, at: apr14())
            #expect(visitor.fullName == name.full)
            expected[visitor.id] = Visitor.fullName(given: name.given, family: name.family)
            _ = try db.checkIn(visitorId: visitor.id, category: .social, by: desk, at: apr14(minutes: Double(i)))
        }
        let queue = try db.queue(on: LocalDate(year: 2026, month: 4, day: 14))
        #expect(queue.count == Self.names.count)
        for entry in queue {
            #expect(entry.visitorName == expected[entry.visit.visitorId])
        }
        for minute in 10..<(10 + Self.names.count) {
            let called = try db.callNext(category: .social, by: desk, at: apr14(minutes: Double(minute)))
            #expect(called.visitorName == expected[called.visit.visitorId])
        }
    }

    @Test func appointmentListingsUseTheDomainRule() throws {
        let f = try SchedulingFixture()
        var expected: [Int64: String] = [:]
        for (i, name) in Self.names.enumerated() {
            let visitor = try f.db.register(newVisitor(name.given, name.family), by: desk, at: SchedulingFixture.now)
            expected[visitor.id] = Visitor.fullName(given: name.given, family: name.family)
            let booked = try f.book(visitor, f.leila, f.salle2, "2026-04-14", "\(10 + i):00")
            #expect(booked.visitorName == expected[visitor.id])
        }
        let day = LocalDate(year: 2026, month: 4, day: 14)
        let span = UTCInterval(start: f.db.calendar.startOfDay(day), end: f.db.calendar.startOfDay(day.adding(days: 1)))
        let listed = try f.db.appointments(counselorId: f.leila.id, overlapping: span, as: .fileOwner)
        #expect(listed.count == Self.names.count)
        for listing in listed {
            #expect(listing.visitorName == listing.appointment.visitorId.flatMap { expected[$0] })
        }
    }
}
