import Foundation
import Testing
import FrontDeskDomain

@Suite struct SchedulingBookingRulesTests {
    // MARK: B1, intervals are half-open: back-to-back is fine, any overlap is refused

    enum Shared: String, CaseIterable, Sendable {
        case room = "Salle 2"
        case counselor = "Leila Amrani"
    }

    enum Expected: Sendable, Equatable {
        case accepted
        case overlaps
        case invalidInput
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var start: String, end: String, expected: Expected
        var testDescription: String { "\(start)–\(end) → \(expected)" }
    }

    /// B1 exactly: Salle 2 (or Leila Amrani) booked 10:00–10:45 on 2026-04-14, center time.
    static let b1: [Row] = [
        Row(start: "10:45", end: "11:30", expected: .accepted),
        Row(start: "10:44", end: "11:30", expected: .overlaps),
        Row(start: "10:00", end: "10:30", expected: .overlaps),
        Row(start: "09:30", end: "11:00", expected: .overlaps),
        Row(start: "10:15", end: "10:30", expected: .overlaps),
        Row(start: "10:00", end: "10:00", expected: .invalidInput),
    ]

    /// The request is Leila in Salle 2 for visitor 200. The existing booking shares only one
    /// resource: for the room case Karim in Salle 2, for the counselor case Leila in Salle 1;
    /// another visitor either way.
    static func b1Setup(_ shared: Shared, _ row: Row) throws -> (BookingRequest, BookingContext) {
        let leila = try Fx.leila(), karim = try Fx.karim()
        let existing = Fx.appointment(7, try Fx.span("2026-04-14", "10:00", "10:45"),
                                      counselor: shared == .room ? karim.id : leila.id,
                                      room: shared == .room ? Fx.salle2.id : Fx.salle1.id, visitor: 100)
        let interval = try Fx.span("2026-04-14", row.start, row.end)
        // A service of the requested length, so only the overlap rule decides.
        let service = Fx.service(minutes: max(1, Int(interval.seconds / 60)))
        let request = BookingRequest(service: service, counselor: leila, room: Fx.salle2,
                                     visitorId: 200, interval: interval)
        return (request, BookingContext(calendar: Fx.casablanca, appointments: [existing]))
    }

    @Test(arguments: Shared.allCases, b1)
    func intervalsAreHalfOpen(_ shared: Shared, _ row: Row) throws {
        let (request, context) = try Self.b1Setup(shared, row)
        switch row.expected {
        case .accepted:
            #expect(try BookingRules.problems(for: request, in: context) == [])
            #expect(throws: Never.self) { try BookingRules.validate(request, in: context) }
        case .overlaps:
            let resource: BookingConflict.Resource = shared == .room
                ? .room(id: Fx.salle2.id, name: "Salle 2") : .counselor(id: 1, name: "Leila Amrani")
            let conflict = BookingConflict(resource: resource, appointmentId: 7, interval: try Fx.span("2026-04-14", "10:00", "10:45"))
            #expect(try BookingRules.problems(for: request, in: context) == [.conflict(conflict)])
            do {
                try BookingRules.validate(request, in: context)
                Issue.record("accepted \(row.start)–\(row.end)")
            } catch {
                #expect(error == .refused([.conflict(conflict)]))
                // The refusal names what conflicts and when, in center time.
                #expect(error.message(calendar: Fx.casablanca) == "refused: \(shared.rawValue) is booked 10:00–10:45")
            }
        case .invalidInput:
            #expect(throws: BookingError.emptyInterval(request.interval)) { try BookingRules.problems(for: request, in: context) }
            #expect(throws: BookingError.emptyInterval(request.interval)) { try BookingRules.validate(request, in: context) }
        }
    }

    @Test func aReversedIntervalIsInvalidInputNotATrap() throws {
        let (request, context) = try Self.b1Setup(.room, Row(start: "10:45", end: "11:30", expected: .accepted))
        let reversed = request.moved(to: UTCInterval(start: request.interval.end, end: request.interval.start))
        #expect(throws: BookingError.emptyInterval(reversed.interval)) { try BookingRules.validate(reversed, in: context) }
        #expect(BookingRules.conflicts(for: reversed, among: context.appointments).isEmpty)
    }

    // MARK: The other rules

    struct RuleCase: Sendable, CustomTestStringConvertible {
        var name: String
        var request: BookingRequest
        var context: BookingContext
        var expected: [BookingProblem]
        var testDescription: String { name }
    }

    /// A bookable base: Leila, Salle 2, 45-minute counseling, Tuesday 2026-04-14 10:00–10:45.
    static func base() throws -> (BookingRequest, BookingContext) {
        let request = BookingRequest(service: Fx.service(), counselor: try Fx.leila(), room: Fx.salle2, visitorId: 200,
                                     interval: try Fx.span("2026-04-14", "10:00", "10:45"))
        let context = BookingContext(calendar: Fx.casablanca, appointments: [], openingHours: CenterSettings().openingHours)
        return (request, context)
    }

    static func ruleCases() throws -> [RuleCase] {
        let (base, context) = try base()
        var cases: [RuleCase] = [RuleCase(name: "base is bookable", request: base, context: context, expected: [])]
        func add(_ name: String, _ expected: [BookingProblem], request: (inout BookingRequest) throws -> Void = { _ in },
                 context change: (inout BookingContext) throws -> Void = { _ in }) throws {
            var r = base, c = context
            try request(&r)
            try change(&c)
            cases.append(RuleCase(name: name, request: r, context: c, expected: expected))
        }
        let tuesday = try Fx.date("2026-04-14")
        let leilaHours = [try Fx.range("09:00-17:00")]

        try add("before working hours", [.outsideWorkingHours(counselor: "Leila Amrani", date: tuesday, hours: leilaHours)],
                request: { $0.interval = try Fx.span("2026-04-14", "08:30", "09:15") })
        try add("runs past the end of the day", [.outsideWorkingHours(counselor: "Leila Amrani", date: tuesday, hours: leilaHours)],
                request: { $0.interval = try Fx.span("2026-04-14", "16:30", "17:15") })
        try add("ends exactly at the end of the day", [], request: { $0.interval = try Fx.span("2026-04-14", "16:15", "17:00") })
        let breaks = [try Fx.range("09:00-12:30"), try Fx.range("13:30-17:00")]
        try add("during a break", [.outsideWorkingHours(counselor: "Leila Amrani", date: tuesday, hours: breaks)], request: {
            $0.counselor.hours = try Fx.hours("09:00-12:30", "13:30-17:00")
            $0.interval = try Fx.span("2026-04-14", "12:00", "12:45")
        })
        try add("right after a break", [], request: {
            $0.counselor.hours = try Fx.hours("09:00-12:30", "13:30-17:00")
            $0.interval = try Fx.span("2026-04-14", "13:30", "14:15")
        })
        let saturday = try Fx.date("2026-04-18")
        try add("on a day off", [.outsideOpeningHours(date: saturday, hours: []),
                                 .outsideWorkingHours(counselor: "Leila Amrani", date: saturday, hours: [])],
                request: { $0.interval = try Fx.span("2026-04-18", "10:00", "10:45") })
        try add("outside the center's opening hours", [.outsideOpeningHours(date: tuesday, hours: [try Fx.range("10:30-17:30")])],
                context: { $0.openingHours = try Fx.hours("10:30-17:30") })
        let absence = Absence(id: 3, counselorId: 1, interval: try Fx.span("2026-04-14", "10:30", "12:00"), reason: "Formation")
        let otherAbsence = Absence(id: 4, counselorId: 2, interval: try Fx.span("2026-04-14", "09:00", "17:00"), reason: "Congé")
        try add("during an absence", [.counselorAbsent(counselor: "Leila Amrani", absence: absence)],
                context: { $0.absences = [absence, otherAbsence] })
        let touching = Absence(id: 5, counselorId: 1, interval: try Fx.span("2026-04-14", "10:45", "12:00"), reason: "Formation")
        try add("ending when an absence starts", [], context: { $0.absences = [touching] })
        let aid = Closure(id: 1, first: try Fx.date("2026-04-13"), last: try Fx.date("2026-04-15"), label: "Fermeture — Aïd")
        try add("on a center closure", [.closed(aid, date: tuesday)], context: { $0.closures = [aid] })
        let works = Closure(id: 2, first: tuesday, last: tuesday, roomId: Fx.salle2.id, label: "Travaux")
        try add("on a closure of the room", [.closed(works, date: tuesday)], context: { $0.closures = [works] })
        try add("another room's closure", [], request: { $0.room = Fx.salle1 }, context: { $0.closures = [works] })
        try add("the day after a closure", [], context: {
            $0.closures = [Closure(id: 1, first: try Fx.date("2026-04-10"), last: try Fx.date("2026-04-13"), label: "x")]
        })
        try add("room too small", [.roomTooSmall(room: "Salle 2", capacity: 3, needed: 4)], request: { $0.seats = 4 })
        try add("group needs its capacity in seats", [.roomTooSmall(room: "Salle 2", capacity: 3, needed: 12)], request: {
            $0 = BookingRequest(service: Fx.service("french-class", minutes: 45, capacity: 12, category: .professional),
                                counselor: $0.counselor, room: Fx.salle2, visitorId: nil, interval: $0.interval)
            $0.counselor.serviceIds.append("french-class")
        })
        try add("an interpreter takes a seat", [.roomTooSmall(room: "Salle 1", capacity: 1, needed: 2)], request: {
            $0 = BookingRequest(service: $0.service, counselor: $0.counselor, room: Room(id: 1, name: "Salle 1", capacity: 1),
                                visitorId: 200, interval: $0.interval, interpreterLanguage: "ti")
        })
        try add("service not delivered", [.serviceNotDelivered(counselor: "Leila Amrani", serviceId: "individual-counseling")],
                request: { $0.counselor.serviceIds = ["job-coaching"] })
        try add("duration differs from the service", [.wrongDuration(expectedMinutes: 45, actualSeconds: 3600)],
                request: { $0.interval = try Fx.span("2026-04-14", "10:00", "11:00") })
        try add("inactive service, counselor and room", [.serviceInactive(serviceId: "individual-counseling"),
                                                         .counselorInactive(counselor: "Leila Amrani"), .roomInactive(room: "Salle 2")],
                request: { $0.service.active = false; $0.counselor.active = false; $0.room.active = false })
        try add("in the past", [.startsInPast(now: try Fx.at("2026-04-14", "10:05"))],
                context: { $0.now = try Fx.at("2026-04-14", "10:05") })
        try add("not yet past", [], context: { $0.now = try Fx.at("2026-04-14", "10:00") })
        let visitorBooked = Fx.appointment(8, try Fx.span("2026-04-14", "10:30", "11:15"), counselor: 2, room: 1, visitor: 200)
        try add("the visitor is booked elsewhere", [.conflict(BookingConflict(resource: .visitor(id: 200), appointmentId: 8,
                                                                              interval: visitorBooked.interval))],
                context: { $0.appointments = [visitorBooked] })
        let group = Fx.appointment(9, try Fx.span("2026-04-14", "09:30", "11:00"), counselor: 2, room: 3, service: "french-class",
                                   groupSessionId: 55)
        try add("the visitor is enrolled in a group session then",
                [.conflict(BookingConflict(resource: .visitor(id: 200), appointmentId: 9, interval: group.interval))],
                context: { $0.appointments = [group]; $0.visitorGroupSessionIds = [55] })
        try add("a group session the visitor is not in", [], context: { $0.appointments = [group]; $0.visitorGroupSessionIds = [56] })
        var cancelled = Fx.appointment(10, try Fx.span("2026-04-14", "10:00", "10:45"), counselor: 1, room: 2, visitor: 200)
        cancelled.status = .cancelled
        try add("a cancelled appointment holds nothing", [], context: { $0.appointments = [cancelled] })
        let moving = Fx.appointment(11, try Fx.span("2026-04-14", "10:15", "11:00"), counselor: 1, room: 2, visitor: 200)
        try add("rescheduling does not conflict with itself", [], request: { $0.replacingAppointmentId = 11 },
                context: { $0.appointments = [moving] })
        let other = Fx.appointment(12, try Fx.span("2026-04-14", "10:15", "11:00"), counselor: 2, room: 1, visitor: 300)
        try add("other counselor, room and visitor", [], context: { $0.appointments = [other] })
        let noShow = Fx.appointment(13, try Fx.span("2026-04-14", "10:00", "10:45"), counselor: 1, room: 1, visitor: 300, status: .noShow)
        try add("a no-show still holds its counselor (only cancelled frees)",
                [.conflict(BookingConflict(resource: .counselor(id: 1, name: "Leila Amrani"), appointmentId: 13, interval: noShow.interval))],
                context: { $0.appointments = [noShow] })
        return cases
    }

    @Test(arguments: try ruleCases())
    func rulesReportTheirProblems(_ c: RuleCase) throws {
        #expect(try BookingRules.problems(for: c.request, in: c.context) == c.expected)
    }

    @Test func allConflictsAreListedRoomCounselorVisitor() throws {
        let (request, context0) = try Self.base()
        var context = context0
        let a = Fx.appointment(1, try Fx.span("2026-04-14", "10:30", "11:15"), counselor: 1, room: 1, visitor: 300) // counselor
        let b = Fx.appointment(2, try Fx.span("2026-04-14", "09:30", "10:15"), counselor: 2, room: 2, visitor: 200) // room + visitor
        context.appointments = [a, b]
        let problems = try BookingRules.problems(for: request, in: context)
        #expect(problems == [
            .conflict(BookingConflict(resource: .room(id: 2, name: "Salle 2"), appointmentId: 2, interval: b.interval)),
            .conflict(BookingConflict(resource: .counselor(id: 1, name: "Leila Amrani"), appointmentId: 1, interval: a.interval)),
            .conflict(BookingConflict(resource: .visitor(id: 200), appointmentId: 2, interval: b.interval)),
        ])
        #expect(problems.map { $0.message(calendar: Fx.casablanca) } == [
            "Salle 2 is booked 09:30–10:15", "Leila Amrani is booked 10:30–11:15", "the visitor is booked 09:30–10:15",
        ])
    }

    @Test func messagesShowCenterTimeAcrossTheClockChange() throws {
        // 10:00 local is 10:00Z during Ramadan (+00) and 09:00Z after (+01): both read 10:00.
        for (date, utc) in [("2026-03-20", "2026-03-20T10:00:00Z"), ("2026-03-23", "2026-03-23T09:00:00Z")] {
            let interval = UTCInterval(start: try Fx.utc(utc), minutes: 45)
            let p = BookingProblem.conflict(BookingConflict(resource: .room(id: 2, name: "Salle 2"), appointmentId: 1, interval: interval))
            #expect(p.message(calendar: Fx.casablanca) == "Salle 2 is booked 10:00–10:45", "\(date)")
        }
        let night = UTCInterval(start: try Fx.at("2026-04-14", "23:00"), minutes: 120)
        let p = BookingProblem.conflict(BookingConflict(resource: .visitor(id: 1), appointmentId: 1, interval: night))
        #expect(p.message(calendar: Fx.casablanca) == "the visitor is booked 2026-04-14 23:00–2026-04-15 01:00")
    }
}

@Suite struct SchedulingAppointmentStatusTests {
    /// The lifecycle of the issue, written out independently of `AppointmentStatus.transitions`.
    static let allowed: Set<[AppointmentStatus]> = [
        [.booked, .checkedIn], [.checkedIn, .inSession], [.inSession, .completed],
        [.booked, .noShow], [.checkedIn, .noShow],
        [.booked, .cancelled], [.checkedIn, .cancelled], [.inSession, .cancelled],
    ]

    @Test(arguments: AppointmentStatus.allCases, AppointmentStatus.allCases)
    func normalTransitionsFollowTheTable(_ from: AppointmentStatus, _ to: AppointmentStatus) throws {
        let expected = Self.allowed.contains([from, to])
        #expect(from.canMove(to: to) == expected)
        var a = Fx.appointment(1, UTCInterval(start: try Fx.utc("2026-04-14T09:00:00Z"), minutes: 45), counselor: 1, room: 1, status: from)
        if to == .cancelled {
            if expected {
                try a.cancel(reason: "  visitor called  ")
                #expect(a.status == .cancelled)
                #expect(a.cancelReason == "visitor called")
            } else {
                #expect(throws: AppointmentStatusError.notAllowed(from: from, to: .cancelled)) { try a.cancel(reason: "x") }
            }
        } else if expected {
            try a.advance(to: to, at: a.end, calendar: Fx.casablanca)
            #expect(a.status == to)
        } else {
            #expect(throws: AppointmentStatusError.notAllowed(from: from, to: to)) { try a.advance(to: to, at: a.end, calendar: Fx.casablanca) }
            #expect(a.status == from)
        }
    }

    struct Timing: Sendable { var status: AppointmentStatus; var from: AppointmentStatus; var at: String; var allowed: Bool }

    /// Arrived and in session from the start of the appointment's day (center time), no-show
    /// and completed from its start: 2026-04-14 10:00–10:45 in Rabat (09:00Z, UTC+1 that day).
    @Test(arguments: [
        Timing(status: .checkedIn, from: .booked, at: "2026-04-13T22:59:59Z", allowed: false), // 23:59 the day before
        Timing(status: .checkedIn, from: .booked, at: "2026-04-13T23:00:00Z", allowed: true), // 00:00 that day
        Timing(status: .inSession, from: .checkedIn, at: "2026-04-14T08:30:00Z", allowed: true),
        Timing(status: .noShow, from: .booked, at: "2026-04-14T08:59:59Z", allowed: false),
        Timing(status: .noShow, from: .booked, at: "2026-04-14T09:00:00Z", allowed: true),
        Timing(status: .noShow, from: .checkedIn, at: "2026-04-13T12:00:00Z", allowed: false),
        Timing(status: .completed, from: .inSession, at: "2026-04-14T08:45:00Z", allowed: false),
        Timing(status: .completed, from: .inSession, at: "2026-04-14T09:10:00Z", allowed: true),
        Timing(status: .noShow, from: .booked, at: "2026-05-20T12:00:00Z", allowed: true), // weeks later
    ])
    func statusesWaitForTheirTime(_ t: Timing) throws {
        var a = Fx.appointment(1, UTCInterval(start: try Fx.utc("2026-04-14T09:00:00Z"), minutes: 45), counselor: 1, room: 1, status: t.from)
        let now = try Fx.utc(t.at)
        if t.allowed {
            try a.advance(to: t.status, at: now, calendar: Fx.casablanca)
            #expect(a.status == t.status)
        } else {
            let from = t.status == .checkedIn || t.status == .inSession ? "2026-04-14 00:00" : "2026-04-14 10:00"
            #expect(throws: AppointmentStatusError.tooEarly(t.status, from: try #require(LocalDateTime(iso: from)))) {
                try a.advance(to: t.status, at: now, calendar: Fx.casablanca)
            }
            #expect(a.status == t.from)
        }
    }

    @Test func finalStatusesAreCompletedCancelledNoShow() {
        #expect(AppointmentStatus.allCases.filter(\.isFinal) == [.completed, .cancelled, .noShow])
        #expect(AppointmentStatus.allCases.filter { !$0.holdsResources } == [.cancelled])
    }

    @Test func advancingCannotCancelAndCancellingNeedsAReason() throws {
        var a = Fx.appointment(1, UTCInterval(start: try Fx.utc("2026-04-14T09:00:00Z"), minutes: 45), counselor: 1, room: 1)
        #expect(throws: AppointmentStatusError.notAllowed(from: .booked, to: .cancelled)) {
            try a.advance(to: .cancelled, at: a.end, calendar: Fx.casablanca)
        }
        #expect(throws: AppointmentStatusError.reasonMissing) { try a.cancel(reason: " \n ") }
        #expect(a.status == .booked)
    }

    @Test(arguments: AppointmentStatus.allCases, AppointmentStatus.allCases)
    func anyStatusCanBeCorrected(_ from: AppointmentStatus, _ to: AppointmentStatus) throws {
        var a = Fx.appointment(4, UTCInterval(start: try Fx.utc("2026-04-14T09:00:00Z"), minutes: 45), counselor: 1, room: 1, status: from)
        a.cancelReason = from == .cancelled ? "by mistake" : nil
        let change = a.correct(to: to)
        #expect(change == StatusCorrection(appointmentId: 4, from: from, to: to))
        #expect(a.status == to)
        #expect(a.cancelReason == (to == .cancelled && from == .cancelled ? "by mistake" : nil))
    }

    @Test func statusesHaveStableColumnValues() {
        #expect(AppointmentStatus.allCases.map(\.rawValue) == ["booked", "checked_in", "in_session", "completed", "cancelled", "no_show"])
    }
}
