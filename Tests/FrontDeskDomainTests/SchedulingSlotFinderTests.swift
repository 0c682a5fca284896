import Foundation
import Testing
import FrontDeskDomain

@Suite struct SchedulingSlotFinderTests {
    // MARK: T1, slots follow wall-clock time across Casablanca's clock changes

    struct T1: Sendable, CustomTestStringConvertible {
        var listedOn: String, day: String, firstSlotUTC: String
        var testDescription: String { "listed \(listedOn) for \(day)" }
    }

    @Test(arguments: [T1(listedOn: "2026-02-13", day: "2026-02-16", firstSlotUTC: "2026-02-16T09:00:00Z"),
                      T1(listedOn: "2026-03-20", day: "2026-03-23", firstSlotUTC: "2026-03-23T08:00:00Z")])
    func slotsFollowWallClockTimeAcrossClockChanges(_ c: T1) throws {
        let service = Fx.service(minutes: 30)
        let leila = try Fx.leila()
        let finder = SlotFinder(calendar: Fx.casablanca, counselors: [leila], rooms: [Fx.salle2], appointments: [])
        let day = try Fx.date(c.day)
        #expect(day.isoWeekday == .monday)
        let now = try Fx.at(c.listedOn, "10:00")
        let slots = finder.freeSlots(SlotQuery(service: service, from: day, through: day, counselorId: leila.id,
                                               limit: 100, gridMinutes: 30), now: now)
        #expect(slots.count == 16)
        #expect(slots.map(\.time.description) == stride(from: 9 * 60, to: 17 * 60, by: 30).map {
            LocalTime(minutesSinceMidnight: $0)!.description
        })
        #expect(slots.first?.time.description == "09:00")
        #expect(slots.last?.time.description == "16:30")
        #expect(slots.first?.interval.start == (try Fx.utc(c.firstSlotUTC)))
        for slot in slots {
            #expect(slot.date == day)
            #expect(slot.interval.seconds == 30 * 60)
            #expect(Fx.casablanca.localDateTime(of: slot.interval.start) == LocalDateTime(day, slot.time))
        }
        // Booking the 09:00 slot stores that UTC instant and reads back as 09:00.
        let first = try #require(slots.first)
        let request = BookingRequest(service: service, counselor: leila, room: Fx.salle2, visitorId: 200, interval: first.interval)
        try BookingRules.validate(request, in: BookingContext(calendar: Fx.casablanca, appointments: [],
                                                              openingHours: CenterSettings().openingHours, now: now))
        let booked = Appointment(id: 1, visitorId: 200, serviceId: service.id, counselorId: leila.id, roomId: first.roomId,
                                 start: first.interval.start, end: first.interval.end, createdBy: "desk")
        #expect(booked.start == (try Fx.utc(c.firstSlotUTC)))
        #expect(Fx.casablanca.clockText(booked.start) == "09:00")
        #expect(Fx.casablanca.localDateTime(of: booked.start).description == "\(c.day) 09:00")
    }

    /// A day is a calendar day: stepping six weeks of days over both clock changes keeps every
    /// working day at 09:00…16:30 local, while the UTC instant of 09:00 moves with the offset.
    @Test func daysAreSteppedByCalendarAcrossBothChanges() throws {
        let finder = SlotFinder(calendar: Fx.casablanca, counselors: [try Fx.leila()], rooms: [Fx.salle2], appointments: [])
        let first = try Fx.date("2026-02-09"), last = try Fx.date("2026-03-29")
        let slots = finder.freeSlots(SlotQuery(service: Fx.service(minutes: 30), from: first, through: last,
                                               limit: 10_000, gridMinutes: 30), now: try Fx.utc("2026-01-01T00:00:00Z"))
        let byDay = Dictionary(grouping: slots, by: \.date)
        var day = first
        var workingDays = 0
        let back = try Fx.date("2026-02-15"), forward = try Fx.date("2026-03-22")
        while day <= last {
            let times = (byDay[day] ?? []).map(\.time.description)
            if Weekday.workweek.contains(day.isoWeekday) {
                workingDays += 1
                #expect(times.count == 16 && times.first == "09:00" && times.last == "16:30", "\(day)")
                let nine = try #require(byDay[day]?.first).interval.start
                let offsetHours = day < back || day > forward ? 1 : 0
                #expect(nine == (try Fx.utc("\(day)T0\(9 - offsetHours):00:00Z")), "\(day)")
            } else {
                #expect(times.isEmpty, "\(day)")
            }
            day = day.adding(days: 1)
        }
        #expect(workingDays == 35)
        #expect(slots.count == 35 * 16)
        #expect(slots.map(\.interval.start) == slots.map(\.interval.start).sorted())
    }

    // MARK: What removes slots

    struct Removal: Sendable, CustomTestStringConvertible {
        var name: String
        var counselors: [Counselor]
        var rooms: [Room]
        var appointments: [Appointment] = []
        var absences: [Absence] = []
        var closures: [Closure] = []
        var settings = CenterSettings()
        var service = Fx.service()
        var visitorGroupSessionIds: Set<Int64> = []
        var now: Date
        /// Start times (local, on 2026-04-14) that must be missing from 09:00…16:15.
        var missing: [String]
        var testDescription: String { name }
    }

    static let allStarts = stride(from: 9 * 60, through: 16 * 60 + 15, by: 15).map { LocalTime(minutesSinceMidnight: $0)!.description }

    static func removals() throws -> [Removal] {
        let leila = try Fx.leila(), karim = try Fx.karim()
        let early = try Fx.at("2026-04-13", "12:00")
        let morning = try Fx.span("2026-04-14", "10:00", "10:45")
        let aroundTen = ["09:30", "09:45", "10:00", "10:15", "10:30"]
        func base(_ name: String, missing: [String]) -> Removal {
            Removal(name: name, counselors: [leila], rooms: [Fx.salle2], now: early, missing: missing)
        }
        var cases = [base("nothing booked", missing: [])]
        var r = base("counselor booked 10:00–10:45: back-to-back 09:15 and 10:45 stay", missing: aroundTen)
        r.appointments = [Fx.appointment(1, morning, counselor: 1, room: 1, visitor: 300)]
        cases.append(r)
        r = base("only room booked 10:00–10:45", missing: aroundTen)
        r.appointments = [Fx.appointment(1, morning, counselor: 2, room: 2, visitor: 300)]
        cases.append(r)
        r = base("only room booked but another room is free", missing: [])
        r.rooms = [Fx.salle2, Fx.salle1]
        r.appointments = [Fx.appointment(1, morning, counselor: 2, room: 2, visitor: 300)]
        cases.append(r)
        r = base("visitor booked with someone else", missing: aroundTen)
        r.appointments = [Fx.appointment(1, morning, counselor: 2, room: 1, visitor: 200)]
        cases.append(r)
        r = base("visitor enrolled in a group session then", missing: aroundTen)
        r.appointments = [Fx.appointment(1, morning, counselor: 2, room: 3, service: "french-class", groupSessionId: 9)]
        r.visitorGroupSessionIds = [9]
        cases.append(r)
        r = base("a cancelled appointment removes nothing", missing: [])
        r.appointments = [Fx.appointment(1, morning, counselor: 1, room: 2, visitor: 200, status: .cancelled)]
        cases.append(r)
        r = base("another counselor's booking removes nothing", missing: [])
        r.counselors = [leila, karim]
        r.rooms = [Fx.salle2, Fx.salle1]
        r.appointments = [Fx.appointment(1, morning, counselor: 2, room: 1, visitor: 300)]
        cases.append(r)
        r = base("absence 12:00–13:00: 11:15 ends as it starts", missing: ["11:30", "11:45", "12:00", "12:15", "12:30", "12:45"])
        r.absences = [Absence(id: 1, counselorId: 1, interval: try Fx.span("2026-04-14", "12:00", "13:00"), reason: "Formation")]
        cases.append(r)
        r = base("lunch break 12:30–13:30", missing: ["12:00", "12:15", "12:30", "12:45", "13:00", "13:15"])
        r.counselors = [Counselor(id: 1, name: "Leila Amrani", serviceIds: ["individual-counseling"], languages: ["fr"],
                                  hours: try Fx.hours("09:00-12:30", "13:30-17:00"))]
        cases.append(r)
        r = base("center closed (Aïd)", missing: allStarts)
        r.closures = [Closure(id: 1, first: try Fx.date("2026-04-14"), last: try Fx.date("2026-04-15"), label: "Fermeture — Aïd")]
        cases.append(r)
        r = base("the only room closed", missing: allStarts)
        r.closures = [Closure(id: 1, first: try Fx.date("2026-04-14"), last: try Fx.date("2026-04-14"), roomId: 2, label: "Travaux")]
        cases.append(r)
        r = base("another room closed", missing: [])
        r.closures = [Closure(id: 1, first: try Fx.date("2026-04-14"), last: try Fx.date("2026-04-14"), roomId: 1, label: "Travaux")]
        cases.append(r)
        r = base("a closure the day before", missing: [])
        r.closures = [Closure(id: 1, first: try Fx.date("2026-04-13"), last: try Fx.date("2026-04-13"), label: "Férié")]
        cases.append(r)
        r = base("now is 11:10: the past is gone", missing: allStarts.filter { $0 <= "11:00" })
        r.now = try Fx.at("2026-04-14", "11:10")
        cases.append(r)
        r = base("center opens at 10:00", missing: ["09:00", "09:15", "09:30", "09:45"])
        r.settings.openingHours = try Fx.hours("10:00-17:30")
        cases.append(r)
        r = base("room too small for the group", missing: allStarts)
        r.service = Fx.service("individual-counseling", minutes: 45, capacity: 5)
        cases.append(r)
        r = base("absence of another counselor removes nothing", missing: [])
        r.absences = [Absence(id: 1, counselorId: 2, interval: try Fx.span("2026-04-14", "09:00", "17:00"), reason: "Congé")]
        cases.append(r)
        return cases
    }

    @Test(arguments: try removals())
    func slotsAvoidWhatIsTaken(_ c: Removal) throws {
        let finder = SlotFinder(calendar: Fx.casablanca, settings: c.settings, counselors: c.counselors, rooms: c.rooms,
                                appointments: c.appointments, absences: c.absences, closures: c.closures)
        let day = try Fx.date("2026-04-14")
        let slots = finder.freeSlots(SlotQuery(service: c.service, from: day, through: day, counselorId: 1, visitorId: 200,
                                               visitorGroupSessionIds: c.visitorGroupSessionIds, limit: 1000), now: c.now)
        #expect(slots.map(\.time.description) == Self.allStarts.filter { !c.missing.contains($0) })
        #expect(slots.allSatisfy { $0.counselorId == 1 && $0.interval.seconds == 45 * 60 })
        // Whatever the finder offers, the booking rules accept.
        let context = BookingContext(calendar: Fx.casablanca, appointments: c.appointments, absences: c.absences,
                                     closures: c.closures, openingHours: c.settings.openingHours,
                                     visitorGroupSessionIds: c.visitorGroupSessionIds, now: c.now)
        for slot in slots {
            let room = try #require(c.rooms.first { $0.id == slot.roomId })
            let request = BookingRequest(service: c.service, counselor: c.counselors[0], room: room, visitorId: 200, interval: slot.interval)
            #expect(try BookingRules.problems(for: request, in: context) == [], "\(slot.time)")
        }
    }

    @Test func theSmallestFreeRoomWithEnoughSeatsIsChosen() throws {
        let finder = SlotFinder(calendar: Fx.casablanca, counselors: [try Fx.leila()], rooms: [Fx.grandeSalle, Fx.salle2, Fx.salle1],
                                appointments: [Fx.appointment(1, try Fx.span("2026-04-14", "09:00", "09:45"), counselor: 2, room: 1)])
        let day = try Fx.date("2026-04-14")
        let slots = finder.freeSlots(SlotQuery(service: Fx.service(), from: day, through: day, limit: 5), now: try Fx.at("2026-04-13", "12:00"))
        // Salle 1 and Salle 2 both seat 3: the lower id wins unless it is taken (until 09:45).
        #expect(slots.map(\.time.description) == ["09:00", "09:15", "09:30", "09:45", "10:00"])
        #expect(slots.map(\.roomId) == [2, 2, 2, 1, 1])
        let group = Fx.service("individual-counseling", minutes: 45, capacity: 10)
        let big = finder.freeSlots(SlotQuery(service: group, from: day, through: day, limit: 1), now: try Fx.at("2026-04-13", "12:00"))
        #expect(big.map(\.roomId) == [3])
    }

    // MARK: Languages

    struct LanguageCase: Sendable, CustomTestStringConvertible {
        var name: String
        var languages: [String]
        var policy: LanguagePolicy
        var interpreter: String?
        /// (counselor id, matched language) of the slots at 09:00, in order.
        var atNine: [Int64]
        var matched: [String?]
        var testDescription: String { name }
    }

    static let languageCases: [LanguageCase] = [
        .init(name: "no language asked: by name", languages: [], policy: .rank, atNine: [2, 1], matched: [nil, nil]),
        .init(name: "Wolof speaker first", languages: ["wo"], policy: .rank, atNine: [2, 1], matched: ["wo", nil]),
        .init(name: "Darija speaker first", languages: ["ary"], policy: .rank, atNine: [1, 2], matched: ["ary", nil]),
        .init(name: "earlier preference ranks higher", languages: ["ary", "wo"], policy: .rank, atNine: [1, 2], matched: ["ary", "wo"]),
        .init(name: "codes compare case-insensitively", languages: ["WO"], policy: .require, atNine: [2], matched: ["WO"]),
        .init(name: "require filters", languages: ["wo"], policy: .require, atNine: [2], matched: ["wo"]),
        .init(name: "require a language nobody speaks", languages: ["ti"], policy: .require, atNine: [], matched: []),
        .init(name: "interpreter instead: no filter", languages: ["ti"], policy: .require, interpreter: "ti", atNine: [2, 1], matched: [nil, nil]),
    ]

    @Test(arguments: languageCases)
    func visitorLanguagesRankOrFilterCounselors(_ c: LanguageCase) throws {
        let finder = SlotFinder(calendar: Fx.casablanca, counselors: [try Fx.leila(), try Fx.karim()],
                                rooms: [Fx.salle1, Fx.salle2], appointments: [])
        let day = try Fx.date("2026-04-14")
        let slots = finder.freeSlots(SlotQuery(service: Fx.service(), from: day, through: day, languages: c.languages,
                                               languagePolicy: c.policy, interpreterLanguage: c.interpreter, limit: 1000),
                                     now: try Fx.at("2026-04-13", "12:00"))
        let nine = slots.filter { $0.time.description == "09:00" }
        #expect(nine.map(\.counselorId) == c.atNine)
        #expect(nine.map(\.language) == c.matched)
        // Slots are alternatives: each names the best free room on its own.
        #expect(nine.allSatisfy { $0.roomId == Fx.salle1.id })
    }

    @Test func anInterpreterNeedsASeat() throws {
        let finder = SlotFinder(calendar: Fx.casablanca, counselors: [try Fx.leila()],
                                rooms: [Room(id: 1, name: "Bureau", capacity: 1)], appointments: [])
        let day = try Fx.date("2026-04-14")
        let now = try Fx.at("2026-04-13", "12:00")
        #expect(finder.freeSlots(SlotQuery(service: Fx.service(), from: day, through: day, limit: 1), now: now).count == 1)
        #expect(finder.freeSlots(SlotQuery(service: Fx.service(), from: day, through: day, interpreterLanguage: "ti", limit: 1), now: now).isEmpty)
    }

    // MARK: Range, limit, grid

    @Test func limitTakesTheEarliestAcrossDaysAndCounselors() throws {
        let finder = SlotFinder(calendar: Fx.casablanca, counselors: [try Fx.karim(), try Fx.leila()],
                                rooms: [Fx.salle1, Fx.salle2], appointments: [])
        // Friday 16:20: today's 16:30 (2 counselors), then Monday from 09:00.
        let slots = finder.freeSlots(SlotQuery(service: Fx.service(minutes: 30), from: try Fx.date("2026-04-17"),
                                               through: try Fx.date("2026-04-30"), limit: 5, gridMinutes: 30),
                                     now: try Fx.at("2026-04-17", "16:20"))
        #expect(slots.map { "\($0.date) \($0.time) \($0.counselorId)" } == [
            "2026-04-17 16:30 2", "2026-04-17 16:30 1", "2026-04-20 09:00 2", "2026-04-20 09:00 1", "2026-04-20 09:30 2",
        ])
    }

    @Test func theGridDefaultsTo15MinutesFromMidnight() throws {
        var leila = try Fx.leila()
        leila.hours = try Fx.hours("09:10-10:40")
        let finder = SlotFinder(calendar: Fx.casablanca, counselors: [leila], rooms: [Fx.salle2], appointments: [])
        let day = try Fx.date("2026-04-14")
        let now = try Fx.at("2026-04-13", "12:00")
        let slots = finder.freeSlots(SlotQuery(service: Fx.service(minutes: 30), from: day, through: day, limit: 100), now: now)
        #expect(slots.map(\.time.description) == ["09:15", "09:30", "09:45", "10:00"])
        let notBefore = finder.freeSlots(SlotQuery(service: Fx.service(minutes: 30), from: day, through: day,
                                                   notBefore: try Fx.at("2026-04-14", "09:31"), limit: 100), now: now)
        #expect(notBefore.map(\.time.description) == ["09:45", "10:00"])
    }

    @Test func nothingIsOfferedForInactiveOrUndeliveredServicesOrEmptyRanges() throws {
        var inactive = try Fx.leila()
        inactive.active = false
        let day = try Fx.date("2026-04-14")
        let now = try Fx.at("2026-04-13", "12:00")
        let query = SlotQuery(service: Fx.service(), from: day, through: day)
        #expect(SlotFinder(calendar: Fx.casablanca, counselors: [inactive], rooms: [Fx.salle2], appointments: []).freeSlots(query, now: now).isEmpty)
        let other = try Fx.leila(services: ["job-coaching"])
        #expect(SlotFinder(calendar: Fx.casablanca, counselors: [other], rooms: [Fx.salle2], appointments: []).freeSlots(query, now: now).isEmpty)
        let finder = SlotFinder(calendar: Fx.casablanca, counselors: [try Fx.leila()], rooms: [Fx.salle2], appointments: [])
        var closedService = query
        closedService.service.active = false
        #expect(finder.freeSlots(closedService, now: now).isEmpty)
        #expect(finder.freeSlots(SlotQuery(service: Fx.service(), from: day, through: day.adding(days: -1)), now: now).isEmpty)
        #expect(finder.freeSlots(SlotQuery(service: Fx.service(), from: day, through: day, limit: 0), now: now).isEmpty)
        #expect(finder.freeSlots(query, now: now).count == 20) // the default limit
        let saturday = try Fx.date("2026-04-18")
        #expect(finder.freeSlots(SlotQuery(service: Fx.service(), from: saturday, through: saturday.adding(days: 1)), now: now).isEmpty)
    }
}
