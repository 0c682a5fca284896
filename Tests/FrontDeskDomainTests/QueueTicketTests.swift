import Foundation
import Testing
import FrontDeskDomain

struct QueueTicketTests {
    @Test(arguments: [
        (ServiceCategory.social, 14, "S-014"), (.psychological, 3, "P-003"), (.professional, 2, "E-002"),
        (.social, 1000, "S-1000"),
    ])
    func ticketFormatting(category: ServiceCategory, number: Int, text: String) {
        let ticket = QueueTicket(category: category, number: number)
        #expect(ticket.description == text)
        #expect(QueueTicket(text) == ticket)
    }

    @Test(arguments: ["s14", "S-014", "s-14"])
    func ticketParsingIsLenient(text: String) {
        #expect(QueueTicket(text) == QueueTicket(category: .social, number: 14))
    }

    @Test(arguments: ["", "X-001", "S-000", "S-", "S-1a"])
    func malformedTicketsAreRejected(text: String) {
        #expect(QueueTicket(text) == nil)
    }

    @Test func waitMinutesCountUntilCalled() {
        let arrived = Date(timeIntervalSince1970: 1_776_157_200)
        var visit = Visit(id: 1, visitorId: 1, category: .social, day: LocalDate(year: 2026, month: 4, day: 14),
                          ticketNumber: 14, arrivedAt: arrived)
        #expect(visit.waitMinutes(now: arrived.addingTimeInterval(17 * 60 + 59)) == 17)
        #expect(visit.waitMinutes(now: arrived.addingTimeInterval(-60)) == 0)
        visit.calledAt = arrived.addingTimeInterval(5 * 60)
        #expect(visit.waitMinutes(now: arrived.addingTimeInterval(3600)) == 5)
        #expect(visit.status == .called)
    }

    @Test(arguments: [
        (VisitorCode(year: 2026, number: 42), "V-2026-00042"),
        (VisitorCode(year: 2026, number: 123_456), "V-2026-123456"),
    ])
    func codeFormatting(code: VisitorCode, text: String) {
        #expect(code.description == text)
        #expect(VisitorCode(text) == code)
        #expect(VisitorCode(text.lowercased()) == code)
    }

    @Test(arguments: ["", "V-2026-42", "V-26-00042", "X-2026-00042", "V-2026-00000", "V-2026"])
    func malformedCodesAreRejected(text: String) {
        #expect(VisitorCode(text) == nil)
    }

    @Test func halfPastMidnightInRabatIsTheNextDay() {
        // 2026-04-14 23:30 UTC is 2026-04-15 00:30 in Rabat (UTC+1 then).
        let instant = Date(timeIntervalSince1970: 1_776_209_400)
        #expect(CenterCalendar().localDate(of: instant) == LocalDate(year: 2026, month: 4, day: 15))
    }
}
