import Foundation
import Testing
import FrontDeskDomain

/// The language rule (`CounselorRanking`): counselors who speak one of the visitor's languages
/// come first, in the free slots offered and in the counselor chosen when none is named, unless
/// an interpreter is chosen; and `BookingRules.chooseCounselor`, which applies it inside the
/// store's write transaction.
@Suite struct SchedulingCounselorRankingTests {
    // MARK: The rank of a counselor

    struct RankCase: Sendable, CustomTestStringConvertible {
        var name: String
        var languages: [String]
        var policy: LanguagePolicy = .rank
        var interpreter: String?
        /// Leila (fr, ar, ary), Karim (fr, en, wo): (tier, language position, shared language), nil when left out.
        var leila: (Int, Int, String?)?
        var karim: (Int, Int, String?)?
        var testDescription: String { name }
    }

    static let rankCases: [RankCase] = [
        .init(name: "no language: everyone alike", languages: [], leila: (0, 0, nil), karim: (0, 0, nil)),
        .init(name: "Arabic: Leila speaks it, Karim after", languages: ["ar"], leila: (0, 0, "ar"), karim: (1, 1, nil)),
        .init(name: "Wolof then Darija: both speak one, Karim's is preferred", languages: ["wo", "ary"],
              leila: (0, 1, "ary"), karim: (0, 0, "wo")),
        .init(name: "codes compare case-insensitively", languages: ["AR"], leila: (0, 0, "AR"), karim: (1, 1, nil)),
        .init(name: "required Arabic leaves Karim out", languages: ["ar"], policy: .require, leila: (0, 0, "ar"), karim: nil),
        .init(name: "a language nobody speaks, ranked: everyone in the second tier", languages: ["ti"],
              leila: (1, 1, nil), karim: (1, 1, nil)),
        .init(name: "an interpreter: languages play no part", languages: ["ar"], interpreter: "ar", leila: (0, 0, nil), karim: (0, 0, nil)),
        .init(name: "an interpreter even when a language is required", languages: ["ti"], policy: .require, interpreter: "ti",
              leila: (0, 0, nil), karim: (0, 0, nil)),
    ]

    @Test(arguments: rankCases)
    func eachCounselorHasARank(_ c: RankCase) throws {
        let ranking = CounselorRanking(languages: c.languages, policy: c.policy, interpreterLanguage: c.interpreter)
        for (counselor, expected) in [(try Fx.leila(), c.leila), (try Fx.karim(), c.karim)] {
            let found = ranking.rank(of: counselor)
            #expect(found?.rank.tier == expected?.0, "\(counselor.name)")
            #expect(found?.rank.language == expected?.1, "\(counselor.name)")
            #expect(found?.language == expected?.2, "\(counselor.name)")
            #expect((found == nil) == (expected == nil), "\(counselor.name)")
        }
    }

    @Test func candidatesAreSuitableCounselorsBestFirstThePreferredOneBeforeAll() throws {
        var inactive = try Fx.leila()
        inactive.id = 5
        inactive.name = "Amal (inactive)"
        inactive.active = false
        let other = Counselor(id: 6, name: "Aziz (job coaching only)", serviceIds: ["job-coaching"], languages: ["ar"], hours: try Fx.hours("09:00-17:00"))
        let amina = Counselor(id: 7, name: "Amina Tazi", serviceIds: ["individual-counseling"], languages: ["ar"], hours: try Fx.hours("09:00-17:00"))
        let all = [try Fx.karim(), try Fx.leila(), inactive, other, amina]
        let arabic = CounselorRanking(languages: ["ar"])
        // Speakers by name (Amina, Leila), then Karim; the inactive one and the one who does not deliver are left out.
        #expect(arabic.candidates(all, for: Fx.service()).map(\.id) == [7, 1, 2])
        // The slot's counselor first, whatever their rank; then the rest in order.
        #expect(arabic.candidates(all, for: Fx.service(), preferring: 2).map(\.id) == [2, 7, 1])
        // A preferred counselor who does not suit is not added.
        #expect(arabic.candidates(all, for: Fx.service(), preferring: 6).map(\.id) == [7, 1, 2])
        #expect(CounselorRanking(languages: ["ar"], policy: .require).candidates(all, for: Fx.service(), preferring: 2).map(\.id) == [7, 1])
        #expect(CounselorRanking(languages: ["ar"], interpreterLanguage: "ar").candidates(all, for: Fx.service()).map(\.id) == [7, 2, 1])
        #expect(arabic.tiers(all.filter { $0.active && $0.delivers("individual-counseling") }).map { $0.map(\.id) } == [[1, 7], [2]])
        #expect(CounselorRanking(languages: []).tiers([try Fx.karim(), try Fx.leila()]).map { $0.map(\.id) } == [[2, 1]])
    }

    @Test func aCounselorChoiceRanksByTheVisitorsLanguagesOrRequiresTheFilter() {
        #expect(CounselorChoice.anyFree().ranking(visitorLanguages: ["ar", "fr"], interpreterLanguage: nil)
            == CounselorRanking(languages: ["ar", "fr"], policy: .rank))
        #expect(CounselorChoice.anyFree(preferring: 3, language: "ti").ranking(visitorLanguages: ["ar"], interpreterLanguage: nil)
            == CounselorRanking(languages: ["ti"], policy: .require))
        #expect(CounselorChoice.anyFree(language: "ti").ranking(visitorLanguages: ["ar"], interpreterLanguage: "ar")
            == CounselorRanking(languages: ["ti"], policy: .require, interpreterLanguage: "ar"))
        #expect(NewAppointment(visitorId: 1, serviceId: "x", counselorId: 4, start: Date()).counselor == .named(4))
        #expect(NewAppointment(visitorId: 1, serviceId: "x", counselorId: 4, start: Date()).counselorId == 4)
        #expect(NewAppointment(visitorId: 1, serviceId: "x", counselor: .anyFree(preferring: 4), start: Date()).counselorId == nil)
    }

    // MARK: Free slots: speakers' slots first

    /// Leila (Arabic) is booked until 11:00 on Tuesday; Karim (no Arabic) is free all day.
    func busyMorning() throws -> SlotFinder {
        SlotFinder(calendar: Fx.casablanca, counselors: [try Fx.karim(), try Fx.leila()], rooms: [Fx.salle1, Fx.salle2],
                   appointments: [Fx.appointment(1, try Fx.span("2026-04-14", "09:00", "11:00"), counselor: 1, room: 2, visitor: 300)])
    }

    func slots(_ finder: SlotFinder, languages: [String], policy: LanguagePolicy = .rank, interpreter: String? = nil,
               limit: Int = 1000) throws -> [String] {
        let day = try Fx.date("2026-04-14")
        return finder.freeSlots(SlotQuery(service: Fx.service(), from: day, through: day.adding(days: 1), languages: languages,
                                          languagePolicy: policy, interpreterLanguage: interpreter, limit: limit),
                                now: try Fx.at("2026-04-13", "12:00"))
            .map { "\($0.date.day) \($0.time) \($0.counselorId == 1 ? "Leila" : "Karim")\($0.language.map { " " + $0 } ?? "")" }
    }

    /// The desk's complaint: for an Arabic-only visitor the first slot offered was with a
    /// counselor who does not speak Arabic, because he was free earlier.
    @Test func anArabicSpeakersLaterSlotComesBeforeAnEarlierSlotWithoutArabic() throws {
        let all = try slots(busyMorning(), languages: ["ar"])
        #expect(all.prefix(3) == ["14 11:00 Leila ar", "14 11:15 Leila ar", "14 11:30 Leila ar"])
        // Every Leila slot of both days (Tuesday from 11:00, all Wednesday), then Karim's from Tuesday 09:00.
        let firstKarim = try #require(all.firstIndex { $0.hasSuffix("Karim") })
        #expect(all[..<firstKarim].allSatisfy { $0.hasSuffix("Leila ar") })
        #expect(all[firstKarim...].allSatisfy { $0.hasSuffix("Karim") })
        #expect(all[firstKarim] == "14 09:00 Karim")
        #expect(all.last == "15 16:15 Karim")
        #expect(firstKarim == 22 + 30, "Tuesday 11:00–16:15 and Wednesday 09:00–16:15 every 15 minutes")
        // The limit takes the first tier first.
        #expect(try slots(busyMorning(), languages: ["ar"], limit: 2) == ["14 11:00 Leila ar", "14 11:15 Leila ar"])
        #expect(try slots(busyMorning(), languages: ["ar"], limit: 53).suffix(2) == ["15 16:15 Leila ar", "14 09:00 Karim"])
    }

    @Test func withAnInterpreterOrWithoutLanguagesTheEarliestComesFirst() throws {
        #expect(try slots(busyMorning(), languages: ["ar"], interpreter: "ar", limit: 3) == ["14 09:00 Karim", "14 09:15 Karim", "14 09:30 Karim"])
        #expect(try slots(busyMorning(), languages: [], limit: 2) == ["14 09:00 Karim", "14 09:15 Karim"])
        // Required: only speakers.
        let required = try slots(busyMorning(), languages: ["ar"], policy: .require)
        #expect(required.count == 52 && required.allSatisfy { $0.hasSuffix("Leila ar") })
        // At the same start, a more preferred language first, then by name.
        #expect(try slots(busyMorning(), languages: ["wo", "ar"], limit: 4)
            == ["14 09:00 Karim wo", "14 09:15 Karim wo", "14 09:30 Karim wo", "14 09:45 Karim wo"])
        #expect(try slots(busyMorning(), languages: ["wo", "ar"]).filter { $0.hasPrefix("14 11:00") } == ["14 11:00 Karim wo", "14 11:00 Leila ar"])
    }

    // MARK: Choosing the counselor in the write transaction

    /// Karim, Leila and Amina (Arabic, Tuesday mornings only) for visitor 200 at 10:00–10:45,
    /// with `appointments` already there.
    struct ChoiceCase: Sendable, CustomTestStringConvertible {
        var name: String
        var appointments: [Appointment] = []
        var languages: [String] = ["ar"]
        var interpreter: String?
        var preferring: Int64?
        var time = "10:00"
        /// The counselor chosen, or the refusal's English message.
        var expected: Result
        var testDescription: String { name }

        enum Result: Sendable, Equatable {
            case chosen(String)
            case refused(String)
        }
    }

    static func amina() throws -> Counselor {
        Counselor(id: 3, name: "Amina Tazi", serviceIds: ["individual-counseling"], languages: ["ar"], hours: try Fx.hours("09:00-12:00"))
    }

    static func choiceCases() throws -> [ChoiceCase] {
        let ten = try Fx.span("2026-04-14", "10:00", "10:45")
        let leilaBusy = Fx.appointment(11, ten, counselor: 1, room: 3, visitor: 301)
        let aminaBusy = Fx.appointment(12, ten, counselor: 3, room: 3, visitor: 302)
        let karimBusy = Fx.appointment(13, ten, counselor: 2, room: 3, visitor: 303)
        let roomBusy = Fx.appointment(14, ten, counselor: 9, room: 2, visitor: 304)
        let visitorBusy = Fx.appointment(15, ten, counselor: 9, room: 3, visitor: 200)
        return [
            .init(name: "all free: the Arabic speakers by name", expected: .chosen("Amina Tazi")),
            .init(name: "the slot's counselor when free", preferring: 2, expected: .chosen("Karim Benali")),
            .init(name: "the slot's counselor taken: the next who suits", appointments: [karimBusy], preferring: 2,
                  expected: .chosen("Amina Tazi")),
            .init(name: "one speaker taken: the other speaker", appointments: [aminaBusy], expected: .chosen("Leila Amrani")),
            .init(name: "both speakers taken: the counselor without Arabic", appointments: [aminaBusy, leilaBusy],
                  expected: .chosen("Karim Benali")),
            .init(name: "an interpreter: by name, languages aside", interpreter: "ar", expected: .chosen("Amina Tazi")),
            .init(name: "the only speaker working then is taken (Amina is off at 13:00)", appointments: [leilaBusy.moved(to: "13:00")],
                  time: "13:00", expected: .chosen("Karim Benali")),
            .init(name: "everyone taken: each counselor's reason", appointments: [aminaBusy, leilaBusy, karimBusy],
                  expected: .refused("no counselor who delivers individual-counseling is free on 2026-04-14 10:00–10:45: "
                                     + "Amina Tazi is booked 10:00–10:45; Leila Amrani is booked 10:00–10:45; Karim Benali is booked 10:00–10:45")),
            .init(name: "off duty counts as not free", appointments: [leilaBusy.moved(to: "13:00"), karimBusy.moved(to: "13:00")], time: "13:00",
                  expected: .refused("no counselor who delivers individual-counseling is free on 2026-04-14 13:00–13:45: "
                                     + "Amina Tazi works 09:00–12:00 on 2026-04-14; Leila Amrani is booked 13:00–13:45; Karim Benali is booked 13:00–13:45")),
            .init(name: "the room taken too: said once, first", appointments: [aminaBusy, leilaBusy, karimBusy, roomBusy],
                  expected: .refused("no counselor who delivers individual-counseling is free on 2026-04-14 10:00–10:45: Salle 2 is booked 10:00–10:45; "
                                     + "Amina Tazi is booked 10:00–10:45; Leila Amrani is booked 10:00–10:45; Karim Benali is booked 10:00–10:45")),
            .init(name: "the visitor is booked: no other counselor helps", appointments: [visitorBusy],
                  expected: .refused("refused: the visitor is booked 10:00–10:45")),
            .init(name: "the room taken, counselors free: the room is the reason", appointments: [roomBusy],
                  expected: .refused("refused: Salle 2 is booked 10:00–10:45")),
        ]
    }

    @Test(arguments: try choiceCases())
    func theFirstSuitableFreeCounselorIsChosen(_ c: ChoiceCase) throws {
        let counselors = [try Fx.karim(), try Fx.leila(), try Self.amina()]
        let ranking = CounselorRanking(languages: c.languages, interpreterLanguage: c.interpreter)
        let candidates = ranking.candidates(counselors, for: Fx.service(), preferring: c.preferring)
        let interval = try Fx.span("2026-04-14", c.time, c.time == "10:00" ? "10:45" : "13:45")
        let template = BookingRequest(service: Fx.service(), counselor: candidates[0], room: Fx.salle2, visitorId: 200, interval: interval)
        let context = BookingContext(calendar: Fx.casablanca, appointments: c.appointments, openingHours: CenterSettings().openingHours)
        do {
            let chosen = try BookingRules.chooseCounselor(candidates, for: template, in: context)
            #expect(c.expected == .chosen(chosen.counselor.name))
            // What is chosen, the rules accept.
            #expect(try BookingRules.problems(for: chosen, in: context) == [])
            #expect(chosen.room == template.room && chosen.interval == template.interval && chosen.visitorId == 200)
        } catch {
            #expect(c.expected == .refused(error.message(calendar: Fx.casablanca)))
        }
    }

    @Test func noCandidateOrAnEmptySpanIsRefused() throws {
        let interval = try Fx.span("2026-04-14", "10:00", "10:45")
        let template = BookingRequest(service: Fx.service(), counselor: try Fx.leila(), room: Fx.salle2, visitorId: 200, interval: interval)
        let context = BookingContext(calendar: Fx.casablanca, appointments: [])
        #expect(throws: BookingError.noCounselorFree(serviceId: "individual-counseling", interval: interval, problems: [])) {
            try BookingRules.chooseCounselor([], for: template, in: context)
        }
        #expect(BookingError.noCounselorFree(serviceId: "individual-counseling", interval: interval, problems: []).message(calendar: Fx.casablanca)
            == "no counselor who delivers individual-counseling is free on 2026-04-14 10:00–10:45")
        let empty = template.moved(to: UTCInterval(start: interval.start, end: interval.start))
        #expect(throws: BookingError.emptyInterval(empty.interval)) {
            try BookingRules.chooseCounselor([try Fx.leila()], for: empty, in: context)
        }
    }

    @Test func onlyTheCounselorsOwnProblemsLeaveRoomForAnother() {
        let interval = UTCInterval(start: Date(timeIntervalSince1970: 0), minutes: 45)
        let counselor = BookingProblem.conflict(BookingConflict(resource: .counselor(id: 1, name: "L"), appointmentId: 1, interval: interval))
        let room = BookingProblem.conflict(BookingConflict(resource: .room(id: 1, name: "S"), appointmentId: 1, interval: interval))
        let visitor = BookingProblem.conflict(BookingConflict(resource: .visitor(id: 1), appointmentId: 1, interval: interval))
        #expect(counselor.isAboutCounselor)
        #expect(!room.isAboutCounselor && !visitor.isAboutCounselor)
        #expect(BookingProblem.counselorInactive(counselor: "L").isAboutCounselor)
        #expect(BookingProblem.serviceNotDelivered(counselor: "L", serviceId: "x").isAboutCounselor)
        #expect(!BookingProblem.startsInPast(now: Date()).isAboutCounselor)
        #expect(!BookingProblem.roomTooSmall(room: "S", capacity: 1, needed: 2).isAboutCounselor)
    }
}

private extension Appointment {
    /// The same appointment at `time` on its local day in Casablanca, same length.
    func moved(to time: String) -> Appointment {
        var copy = self
        let day = Fx.casablanca.localDate(of: start)
        let length = end.timeIntervalSince(start)
        copy.start = (try? Fx.casablanca.instant(day, LocalTime(time)!)) ?? start // safe: test literal
        copy.end = copy.start.addingTimeInterval(length)
        return copy
    }
}
