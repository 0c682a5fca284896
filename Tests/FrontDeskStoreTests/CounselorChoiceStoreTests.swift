import Foundation
import Testing
import FrontDeskDomain
@testable import FrontDeskStore

/// A center where the language rule decides: Leila Amrani (fr, ar, ary), Samira Idrissi (ar) and
/// Karim Bennani (fr, en), all delivering `consult-45` and `consult-90` Mon–Fri 09:00–17:00, and visitors who
/// speak Arabic only.
struct LanguageCenter {
    let f: SchedulingFixture
    let samira: Counselor
    /// Visitors speaking Arabic only.
    let visitors: [Visitor]

    init(path: String? = nil, visitors count: Int = 4, extraRooms: Int = 0) throws {
        let f = try SchedulingFixture(path: path)
        self.f = f
        samira = try f.db.saveCounselor(Counselor(id: 0, name: "Samira Idrissi", serviceIds: ["consult-45", "consult-90"], languages: ["ar"],
                                                  hours: WeeklyHours(Weekday.workweek, [TimeRange("09:00-17:00")!])), // safe: literal
                                        by: desk, at: SchedulingFixture.now)
        for i in 0..<extraRooms {
            _ = try f.db.saveRoom(Room(id: 0, name: "Bureau \(i + 1)", capacity: 2), by: desk, at: SchedulingFixture.now)
        }
        visitors = try (1...count).map { i in
            var v = newVisitor("Visiteur", "Arabophone \(i)")
            v.languages = ["ar"]
            return try f.db.register(v, by: desk, at: SchedulingFixture.now)
        }
    }

    var db: AppDatabase { f.db }

    /// Books `consult-45` at 2026-04-14 `time` for the `i`th visitor without naming a counselor.
    @discardableResult
    func book(_ i: Int, _ choice: CounselorChoice = .anyFree(), at time: String = "10:00", interpreter: String? = nil,
              on db: AppDatabase? = nil) throws -> AppointmentListing {
        let start = try rabat.instant(LocalDate(year: 2026, month: 4, day: 14), LocalTime(time)!) // safe: test literal
        return try (db ?? f.db).book(NewAppointment(visitorId: visitors[i].id, serviceId: "consult-45", counselor: choice, start: start,
                                                    interpreterLanguage: interpreter),
                                     by: desk, at: SchedulingFixture.now)
    }

    /// How many appointments are stored.
    func count() throws -> Int {
        try db.appointments(counselorId: nil, overlapping: UTCInterval(start: apr14(minutes: -600), minutes: 1440), as: .fileOwner).count
    }
}

/// When no counselor is named, the store chooses one inside its write transaction: a speaker
/// of the visitor's languages first, then any suitable counselor free then; refused only when
/// none is free.
struct CounselorChoiceStoreTests {
    @Test func speakersFirstThenAnyFreeCounselorThenARefusalThatNamesEachOne() throws {
        let c = try LanguageCenter()
        #expect(try c.book(0).counselorName == "Leila Amrani")
        #expect(try c.book(1).counselorName == "Samira Idrissi")
        // Both Arabic speakers are taken: Karim, rather than a refusal.
        #expect(try c.book(2).counselorName == "Karim Bennani")
        let refusal = bookingRefusal { try c.book(3) }
        #expect(refusal == "no counselor who delivers consult-45 is free on 2026-04-14 10:00–10:45: Salle 2 is booked 10:00–10:45; "
            + "Leila Amrani is booked 10:00–10:45; Samira Idrissi is booked 10:00–10:45; Karim Bennani is booked 10:00–10:45")
        #expect(try c.count() == 3, "a refusal writes nothing")
    }

    @Test func theSlotsCounselorWhenFreeElseTheNextWhoSuits() throws {
        let c = try LanguageCenter()
        #expect(try c.book(0, .anyFree(preferring: c.f.karim.id)).counselorName == "Karim Bennani")
        #expect(try c.book(1, .anyFree(preferring: c.f.karim.id)).counselorName == "Leila Amrani")
    }

    @Test func aRequiredLanguageLimitsTheChoice() throws {
        let c = try LanguageCenter()
        #expect(try c.book(0, .anyFree(language: "en")).counselorName == "Karim Bennani")
        #expect(bookingRefusal { try c.book(1, .anyFree(language: "en")) }
            == "no counselor who delivers consult-45 is free on 2026-04-14 10:00–10:45: Karim Bennani is booked 10:00–10:45")
        #expect(throws: SchedulingError.noCounselor(serviceId: "consult-45", language: "ti")) { try c.book(1, .anyFree(language: "ti")) }
        #expect(SchedulingError.noCounselor(serviceId: "consult-45", language: "ti").message == "no active counselor who speaks ti delivers consult-45")
        #expect(try c.count() == 1)
    }

    /// With an interpreter, languages play no part: by name (Karim first); the room seats two.
    @Test func anInterpreterSetsLanguagesAside() throws {
        let c = try LanguageCenter()
        let booked = try c.book(0, interpreter: "ar")
        #expect(booked.counselorName == "Karim Bennani")
        #expect(booked.appointment.interpreterLanguage == "ar")
    }

    @Test func aNamedCounselorIsNeverReplaced() throws {
        let c = try LanguageCenter()
        try c.book(0, .named(c.f.leila.id))
        #expect(bookingRefusal { try c.book(1, .named(c.f.leila.id)) } == "refused: Leila Amrani is booked 10:00–10:45")
    }

    /// What refuses the time whoever the counselor is gets said as such.
    @Test func theVisitorsOwnAppointmentIsTheReasonNotTheCounselors() throws {
        let c = try LanguageCenter()
        try c.book(0)
        #expect(bookingRefusal { try c.book(0, at: "10:15") } == "refused: the visitor is booked 10:00–10:45")
    }

    /// The free slots follow the same rule: for an Arabic-only visitor, Samira's and Leila's
    /// slots before Karim's, even his earlier ones.
    @Test func freeSlotsOfferSpeakersFirst() throws {
        let c = try LanguageCenter()
        // Leila and Samira are taken all Tuesday morning.
        for (i, counselor) in [c.f.leila, c.samira].enumerated() {
            let start = try rabat.instant(LocalDate(year: 2026, month: 4, day: 14), LocalTime("09:00")!)
            _ = try c.db.book(NewAppointment(visitorId: c.visitors[2 + i].id, serviceId: "consult-90", counselorId: counselor.id, start: start),
                              by: desk, at: SchedulingFixture.now)
            _ = try c.db.book(NewAppointment(visitorId: c.visitors[2 + i].id, serviceId: "consult-90", counselorId: counselor.id,
                                             start: start.addingTimeInterval(90 * 60)), by: desk, at: SchedulingFixture.now)
        }
        let consult = try #require(try c.db.services().first { $0.id == "consult-45" })
        let day = LocalDate(year: 2026, month: 4, day: 14)
        let query = SlotQuery(service: consult, from: day, through: day.adding(days: 13), visitorId: c.visitors[0].id, languages: ["ar"], limit: 6)
        let slots = try c.db.freeSlots(query, now: SchedulingFixture.now)
        #expect(slots.map { "\(rabat.localDateTime(of: $0.interval.start)) \($0.counselorId) \($0.language ?? "-")" } == [
            "2026-04-14 12:00 \(c.f.leila.id) ar", "2026-04-14 12:00 \(c.samira.id) ar",
            "2026-04-14 12:15 \(c.f.leila.id) ar", "2026-04-14 12:15 \(c.samira.id) ar",
            "2026-04-14 12:30 \(c.f.leila.id) ar", "2026-04-14 12:30 \(c.samira.id) ar",
        ])
        // Over all 14 days, Karim's slots come after every speaker's, from Tuesday 09:00.
        var all = query
        all.limit = 10_000
        let everything = try c.db.freeSlots(all, now: SchedulingFixture.now)
        let firstKarim = try #require(everything.firstIndex { $0.counselorId == c.f.karim.id })
        #expect(everything[..<firstKarim].allSatisfy { $0.counselorId != c.f.karim.id && $0.language == "ar" })
        #expect(everything[firstKarim...].allSatisfy { $0.counselorId == c.f.karim.id && $0.language == nil })
        #expect(rabat.localDateTime(of: everything[firstKarim].interval.start).description == "2026-04-14 09:00")
        // With an interpreter, languages play no part: the earliest first, Karim at 09:00.
        var interpreter = query
        interpreter.interpreterLanguage = "ar"
        #expect(try c.db.freeSlots(interpreter, now: SchedulingFixture.now).first?.counselorId == c.f.karim.id)
    }
}
