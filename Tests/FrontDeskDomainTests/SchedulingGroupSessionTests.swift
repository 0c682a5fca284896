import Foundation
import Testing
import FrontDeskDomain

@Suite struct SchedulingGroupSessionTests {
    static let workshop = GroupSession(id: 1, serviceId: "french-class", capacity: 3)

    @Test func enrollmentFillsSeatsThenTheWaitlistInOrder() throws {
        var s = Self.workshop
        var outcomes: [EnrollmentOutcome] = []
        for visitor: Int64 in [10, 11, 12, 13, 14] {
            let change = try s.enrolling(visitor)
            s = change.session
            outcomes.append(change.outcome)
        }
        #expect(outcomes == [.enrolled, .enrolled, .enrolled, .waitlisted(position: 1), .waitlisted(position: 2)])
        #expect(s.enrolled == [10, 11, 12])
        #expect(s.waitlist == [13, 14])
        #expect(s.seatsLeft == 0)
        #expect(s.place(of: 14) == .waitlisted(position: 2))
        #expect(s.place(of: 99) == nil)
        #expect(throws: GroupSessionError.alreadyEnrolled) { try s.enrolling(11) }
        #expect(throws: GroupSessionError.alreadyWaitlisted(position: 1)) { try s.enrolling(13) }
    }

    struct Cancel: Sendable, CustomTestStringConvertible {
        var cancel: Int64
        var promoted: Int64?
        var enrolled: [Int64]
        var waitlist: [Int64]
        var testDescription: String { "cancel \(cancel)" }
    }

    /// From enrolled [10, 11, 12] and waitlist [13, 14]:
    @Test(arguments: [
        Cancel(cancel: 11, promoted: 13, enrolled: [10, 12, 13], waitlist: [14]),
        Cancel(cancel: 10, promoted: 13, enrolled: [11, 12, 13], waitlist: [14]),
        Cancel(cancel: 13, promoted: nil, enrolled: [10, 11, 12], waitlist: [14]),
        Cancel(cancel: 14, promoted: nil, enrolled: [10, 11, 12], waitlist: [13]),
    ])
    func cancellingPromotesTheFirstWaiting(_ c: Cancel) throws {
        let full = GroupSession(id: 1, serviceId: "french-class", capacity: 3, enrolled: [10, 11, 12], waitlist: [13, 14])
        let change = try full.cancelling(c.cancel)
        #expect(change.promoted == c.promoted)
        #expect(change.session.enrolled == c.enrolled)
        #expect(change.session.waitlist == c.waitlist)
        #expect(full.enrolled == [10, 11, 12]) // a value: the original is unchanged
    }

    @Test func cancellingWithoutWaitlistFreesASeat() throws {
        let s = GroupSession(id: 1, serviceId: "french-class", capacity: 3, enrolled: [10, 11])
        let change = try s.cancelling(10)
        #expect(change.promoted == nil)
        #expect(change.session.seatsLeft == 2)
        #expect(throws: GroupSessionError.notEnrolled) { try change.session.cancelling(10) }
    }

    @Test func resizingPromotesOrKeepsSeats() throws {
        let s = GroupSession(id: 1, serviceId: "french-class", capacity: 2, enrolled: [10, 11], waitlist: [12, 13, 14])
        let grown = s.resized(to: 4)
        #expect(grown.promoted == [12, 13])
        #expect(grown.session.enrolled == [10, 11, 12, 13])
        #expect(grown.session.waitlist == [14])
        let shrunk = grown.session.resized(to: 1)
        #expect(shrunk.promoted == [])
        #expect(shrunk.session.enrolled == [10, 11, 12, 13])
        #expect(shrunk.session.seatsLeft == 0)
        // After shrinking, a cancellation promotes nobody until the count is under capacity.
        #expect(try shrunk.session.cancelling(10).promoted == nil)
    }

    // MARK: Weekly recurrence

    /// A Monday 10:00 series from 2026-02-02 to 2026-04-06 stays at 10:00 local; its UTC instant
    /// is 09:00Z before 2026-02-15, 10:00Z until 2026-03-22, 09:00Z after.
    @Test func weeklyOccurrencesKeepTheirWallClockTime() throws {
        let series = WeeklyRecurrence(start: LocalDateTime(try Fx.date("2026-02-02"), try Fx.time("10:00")),
                                      until: try Fx.date("2026-04-06"))
        let occurrences = series.occurrences(durationMinutes: 90, calendar: Fx.casablanca)
        #expect(occurrences.map(\.date.description) == ["2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23", "2026-03-02",
                                                        "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30", "2026-04-06"])
        let utcHours = occurrences.map { o in o.interval.map { ICalendarWriter.utcDateTime($0.start) } }
        #expect(utcHours == ["20260202T090000Z", "20260209T090000Z", "20260216T100000Z", "20260223T100000Z", "20260302T100000Z",
                             "20260309T100000Z", "20260316T100000Z", "20260323T090000Z", "20260330T090000Z", "20260406T090000Z"])
        for o in occurrences {
            let i = try #require(o.interval)
            #expect(Fx.casablanca.localDateTime(of: i.start) == LocalDateTime(o.date, try Fx.time("10:00")))
            #expect(o.date.isoWeekday == .monday)
            #expect(i.seconds == 90 * 60)
        }
    }

    @Test func untilIsInclusiveAndAnEmptySeriesHasNoDates() throws {
        let start = LocalDateTime(try Fx.date("2026-02-02"), try Fx.time("10:00"))
        #expect(WeeklyRecurrence(start: start, until: try Fx.date("2026-02-16")).dates.count == 3)
        #expect(WeeklyRecurrence(start: start, until: try Fx.date("2026-02-15")).dates.count == 2)
        #expect(WeeklyRecurrence(start: start, until: try Fx.date("2026-02-01")).dates.isEmpty)
    }

    @Test func closedDaysAreSkippedWithTheirReason() throws {
        let aid = Closure(id: 4, first: try Fx.date("2026-03-20"), last: try Fx.date("2026-03-23"), label: "Fermeture — Aïd")
        let works = Closure(id: 5, first: try Fx.date("2026-03-02"), last: try Fx.date("2026-03-02"), roomId: 3, label: "Travaux")
        let elsewhere = Closure(id: 6, first: try Fx.date("2026-03-09"), last: try Fx.date("2026-03-09"), roomId: 1, label: "Peinture")
        let series = WeeklyRecurrence(start: LocalDateTime(try Fx.date("2026-02-23"), try Fx.time("10:00")), until: try Fx.date("2026-03-30"))
        let inRoom3 = series.occurrences(durationMinutes: 90, calendar: Fx.casablanca, closures: [aid, works, elsewhere], roomId: 3)
        let skipped = inRoom3.compactMap { o -> String? in
            if case .skipped(.closed(let c)) = o.outcome { return "\(o.date) \(c.label)" }
            return nil
        }
        #expect(skipped == ["2026-03-02 Travaux", "2026-03-23 Fermeture — Aïd"])
        #expect(inRoom3.filter { $0.interval != nil }.count == 4)
        // Without a room, only whole-center closures apply.
        let noRoom = series.occurrences(durationMinutes: 90, calendar: Fx.casablanca, closures: [aid, works, elsewhere])
        #expect(noRoom.filter { $0.interval == nil }.map(\.date.description) == ["2026-03-23"])
    }

    @Test func aSkippedWallClockTimeSkipsThatOccurrenceAndARepeatedOneTakesTheEarlier() throws {
        let series = WeeklyRecurrence(start: LocalDateTime(try Fx.date("2026-02-08"), try Fx.time("02:30")), until: try Fx.date("2026-03-29"))
        let occurrences = series.occurrences(durationMinutes: 60, calendar: Fx.casablanca)
        let byDate = Dictionary(uniqueKeysWithValues: occurrences.map { ($0.date.description, $0.outcome) })
        let march22 = LocalDateTime(try Fx.date("2026-03-22"), try Fx.time("02:30"))
        #expect(byDate["2026-03-22"] == .skipped(.timeDoesNotExist(.nonexistent(march22, zone: "Africa/Casablanca"))))
        #expect(byDate["2026-02-15"] == .scheduled(UTCInterval(start: try Fx.utc("2026-02-15T01:30:00Z"), minutes: 60)))
        #expect(occurrences.filter { $0.interval == nil }.count == 1)
    }

    @Test func eachOccurrenceIsConflictChecked() throws {
        let french = Fx.service("french-class", minutes: 90, capacity: 12, category: .professional)
        let leila = try Fx.leila(services: ["french-class"])
        let series = WeeklyRecurrence(start: LocalDateTime(try Fx.date("2026-03-02"), try Fx.time("10:00")), until: try Fx.date("2026-03-30"))
        let clash = Fx.appointment(40, try Fx.span("2026-03-09", "11:00", "11:45"), counselor: 2, room: Fx.grandeSalle.id, visitor: 300)
        let absent = Absence(id: 2, counselorId: leila.id, interval: try Fx.span("2026-03-16", "00:00", "24:00"), reason: "Congé")
        let context = BookingContext(calendar: Fx.casablanca, appointments: [clash], absences: [absent],
                                     openingHours: CenterSettings().openingHours)
        let request = BookingRequest(service: french, counselor: leila, room: Fx.grandeSalle, visitorId: nil,
                                     interval: UTCInterval(start: Date(timeIntervalSince1970: 0), minutes: 90))
        var report: [String: [String]] = [:]
        for o in series.occurrences(durationMinutes: french.durationMinutes, calendar: Fx.casablanca) {
            let interval = try #require(o.interval)
            report[o.date.description] = try BookingRules.problems(for: request.moved(to: interval), in: context)
                .map { $0.message(calendar: Fx.casablanca) }
        }
        #expect(report == [
            "2026-03-02": [], "2026-03-09": ["Grande salle is booked 11:00–11:45"],
            "2026-03-16": ["Leila Amrani is away 2026-03-16 00:00–2026-03-17 00:00"], "2026-03-23": [], "2026-03-30": [],
        ])
    }
}
