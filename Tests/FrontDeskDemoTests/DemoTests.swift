import Foundation
import Testing
import FrontDeskDemo
import FrontDeskDomain
import FrontDeskResources

private let calendar = CenterCalendar()
/// Local midnight starting Tuesday 14 April 2026 in Rabat (UTC+1 outside Ramadan).
private let midnight = Date(timeIntervalSince1970: 1_776_121_200)
/// 11:40 that day.
private let morning = midnight.addingTimeInterval(11 * 3600 + 40 * 60)

private func shippedReferenceData() throws -> ReferenceData {
    let countries = try #require(FrontDeskResources.data(named: "countries.json"))
    let languages = try #require(FrontDeskResources.data(named: "languages.json"))
    return try ReferenceData(countriesJSON: countries, languagesJSON: languages)
}

private func visitors(seed: UInt64, count: Int) -> [NewVisitor] {
    var generator = DemoGenerator(seed: seed)
    return generator.visitors(count: count, now: morning, calendar: calendar)
}

private func isArabic(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
}

private func isEthiopic(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x1200...0x137F).contains($0.value) }
}

@Test func theClockOfTheseTestsIsAMorningInRabat() {
    #expect(calendar.localDate(of: morning) == LocalDate(year: 2026, month: 4, day: 14))
    #expect(calendar.clockText(morning) == "11:40")
    #expect(calendar.startOfDay(LocalDate(year: 2026, month: 4, day: 14)) == midnight)
}

@Test func theSameSeedGivesTheSameVisitors() {
    #expect(visitors(seed: 42, count: 500) == visitors(seed: 42, count: 500))
}

@Test func differentSeedsGiveDifferentVisitors() {
    let a = visitors(seed: 1, count: 50), b = visitors(seed: 2, count: 50)
    #expect(a != b)
    #expect(zip(a, b).filter { $0 == $1 }.count < 5)
}

@Test func successiveCallsContinueOneSequence() {
    var generator = DemoGenerator(seed: 7)
    let first = generator.visitors(count: 30, now: morning, calendar: calendar)
    let rest = generator.visitors(count: 70, now: morning, calendar: calendar)
    #expect(first + rest == visitors(seed: 7, count: 100))
    #expect(generator.visitors(count: 0, now: morning, calendar: calendar).isEmpty)
}

@Test func everyVisitorPassesTheDesksChecks() throws {
    let reference = try shippedReferenceData()
    for visitor in visitors(seed: 2026, count: 5_000) {
        let name = "\(visitor.givenName) \(visitor.familyName)"
        #expect(!visitor.givenName.trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(!visitor.familyName.trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(Array(name.unicodeScalars) == Array(name.precomposedStringWithCanonicalMapping.unicodeScalars), "NFC: \(name)")
        #expect(reference.countryCodes.contains(visitor.nationality), "\(visitor.nationality)")
        #expect(!visitor.languages.isEmpty && Set(visitor.languages).count == visitor.languages.count)
        #expect(visitor.languages.allSatisfy(reference.languageCodes.contains), "\(visitor.languages)")
        if let year = visitor.birthYear { #expect((1950...2026).contains(year)) }
        #expect(visitor.consentScopes.contains(.services))
        if let phone = visitor.phone {
            #expect(phone.hasPrefix("+"))
            #expect(phone.allSatisfy { $0.isASCII && ($0.isNumber || $0 == " " || $0 == "+") }, "\(phone)")
        }
    }
}

@Test func statusesAndLanguagesFitTheNationality() {
    for visitor in visitors(seed: 99, count: 5_000) {
        switch visitor.nationality {
        case "MA":
            #expect(visitor.status == .moroccanNational)
            #expect(visitor.languages.contains("ary"))
        case "SY", "YE", "SD":
            #expect([.refugee, .asylumSeeker, .migrant, .other].contains(visitor.status))
            #expect(visitor.languages.contains("ar") || visitor.languages.contains("ku"))
        case "ER":
            #expect([.refugee, .asylumSeeker].contains(visitor.status))
            #expect(visitor.languages.contains("ti") || visitor.languages.contains("tig"))
        case "SN": #expect(visitor.languages.contains("wo") || visitor.languages.first.map(["ff", "srr", "dyo"].contains) == true)
        case "ML": #expect(visitor.languages.contains("bm") || visitor.languages.first.map(["snk", "ff", "tmh", "mnk"].contains) == true)
        case "GN": #expect(!Set(visitor.languages).isDisjoint(with: ["ff", "sus", "emk", "kss"]))
        case "CD", "CG": #expect(!Set(visitor.languages).isDisjoint(with: ["ln", "fr", "sw", "lua", "kg"]))
        case "NG": #expect(!Set(visitor.languages).isDisjoint(with: ["en", "yo", "ig", "ha"]))
        default: break
        }
        if visitor.nationality != "MA" { #expect(visitor.status != .moroccanNational) }
    }
}

@Test func theMixLooksLikeTheCenters() {
    let sample = visitors(seed: 12_345, count: 10_000)
    let nationalities = Set(sample.map(\.nationality))
    #expect(nationalities == ["MA", "GN", "CI", "CM", "SN", "ML", "CD", "CG", "NG", "SY", "YE", "SD", "ER"])

    let arabic = sample.filter { isArabic($0.givenName) }.count
    #expect((1_500...3_000).contains(arabic), "\(arabic) of 10,000 in Arabic script")
    #expect(sample.allSatisfy { isArabic($0.givenName) == isArabic($0.familyName) }, "one script per name")
    let arabicNationalities = Set(sample.filter { isArabic($0.givenName) }.map(\.nationality))
    #expect(arabicNationalities == ["MA", "SY", "YE", "SD"])
    let syrians = sample.filter { $0.nationality == "SY" }
    #expect(syrians.filter { isArabic($0.givenName) }.count * 2 > syrians.count, "most Syrians in Arabic script")

    let geez = sample.filter { isEthiopic($0.givenName) }
    #expect(!geez.isEmpty && geez.allSatisfy { $0.nationality == "ER" })

    let women = sample.filter { $0.sex == .female }.count, men = sample.filter { $0.sex == .male }.count
    #expect((3_000...4_800).contains(women) && (5_000...6_800).contains(men), "\(women) women, \(men) men")

    let ages = sample.compactMap { $0.birthYear.map { 2026 - $0 } }
    let adults = ages.filter { (18...45).contains($0) }.count
    #expect(adults * 100 / ages.count >= 60, "mostly 18 to 45")
    #expect(ages.contains { $0 < 12 } && ages.contains { $0 > 60 })

    let reporting = sample.filter { $0.consentScopes.contains(.reporting) }.count
    #expect((8_000...9_000).contains(reporting))
    let moroccanPhones = sample.compactMap(\.phone).filter { $0.hasPrefix("+212 6") || $0.hasPrefix("+212 7") }
    #expect(moroccanPhones.count > 5_000)
    #expect(moroccanPhones.allSatisfy { $0.count == 17 })
}

@Test func childrenAreRegisteredWithAParent() {
    let sample = visitors(seed: 5, count: 3_000)
    for (i, visitor) in sample.enumerated() where (visitor.birthYear.map { 2026 - $0 } ?? 99) < 15 {
        #expect(visitor.phone == nil)
        // The parent is the nearest earlier visitor of the same nationality who is not a child.
        let parent = sample[..<i].last { ($0.birthYear.map { 2026 - $0 } ?? 99) >= 24 }
        #expect(parent?.nationality == visitor.nationality)
        #expect(parent?.status == visitor.status)
        if visitor.nationality != "ER" { #expect(parent?.familyName == visitor.familyName) }
    }
}

/// A hundred thousand visitors, every one named and consenting to services: what
/// `frontdesk demo` and the benchmark's files ask for. How long it takes is measured by
/// `frontdesk-bench --only demo`, not here.
@Test func aHundredThousandVisitors() {
    var generator = DemoGenerator(seed: 3)
    let many = generator.visitors(count: 100_000, now: morning, calendar: calendar)
    #expect(many.count == 100_000)
    #expect(many.allSatisfy { !$0.givenName.isEmpty && $0.consentScopes.contains(.services) })
}

// MARK: walk-ins

private func plan(seed: UInt64 = 42, at now: Date, count: Int = 300) -> (visitors: [NewVisitor], plan: [WalkInRecord]) {
    var generator = DemoGenerator(seed: seed)
    let visitors = generator.visitors(count: count, now: now, calendar: calendar)
    return (visitors, generator.walkIns(for: visitors, now: now, calendar: calendar))
}

/// Checks what every plan must satisfy, whatever the seed and the time of day.
private func checkPlan(visitors: [NewVisitor], walkIns: [WalkInRecord], now: Date, localMinutes: Int) {
    #expect(zip(walkIns, walkIns.dropFirst()).allSatisfy { $0.arrivedAt <= $1.arrivedAt }, "in arrival order")
    #expect(Set(walkIns.map(\.visitorIndex)).count == walkIns.count, "each visitor once")
    let today = calendar.localDate(of: now)
    for walkIn in walkIns {
        #expect(visitors.indices.contains(walkIn.visitorIndex))
        #expect(visitors[walkIn.visitorIndex].birthYear.map { today.year - $0 >= 16 } ?? true)
        #expect(walkIn.arrivedAt <= now)
        #expect(calendar.localDate(of: walkIn.arrivedAt) == today)
        let arrival = calendar.timeOfDay(of: walkIn.arrivedAt)
        #expect(arrival.hour >= 9 && (arrival.hour < 17 || (arrival.hour == 17 && arrival.minute == 0)))
        if let called = walkIn.calledAt { #expect(called >= walkIn.arrivedAt && called <= now && walkIn.calledBy != nil) }
        if let left = walkIn.leftAt { #expect(left >= (walkIn.calledAt ?? walkIn.arrivedAt) && left <= now) }
        #expect((walkIn.leftAt == nil) == (walkIn.outcome == nil))
        if walkIn.outcome == .leftUnseen { #expect(walkIn.calledAt == nil) }
    }
    if localMinutes < 9 * 60 {
        #expect(walkIns.isEmpty)
    } else if localMinutes >= 17 * 60 {
        #expect(!walkIns.isEmpty)
        #expect(walkIns.allSatisfy { if case .closed = $0.status { true } else { false } }, "after closing every visit is closed")
    } else {
        #expect(!walkIns.isEmpty)
        #expect(walkIns.filter { $0.status == .called }.count == (walkIns.count > 1 ? 1 : 0), "one with a desk")
        #expect(walkIns.last?.status == .waiting)
        let waitingSince = walkIns.filter { $0.status == .waiting }.map { now.timeIntervalSince($0.arrivedAt) }
        #expect(waitingSince.allSatisfy { $0 <= 40 * 60 }, "nobody waits long while desks are free")
    }
}

/// Local midnights: 14 April 2026 (UTC+1) and 3 March 2026, in Ramadan (UTC+0).
@Test(arguments: [midnight, Date(timeIntervalSince1970: 1_772_496_000)])
func walkInsAreOrderedAndNeverInTheFuture(day: Date) {
    #expect(calendar.clockText(day) == "00:00")
    for seed in UInt64(0)..<12 {
        var generator = DemoGenerator(seed: seed)
        let visitors = generator.visitors(count: 80, now: day, calendar: calendar)
        for localMinutes in stride(from: 8 * 60 + 50, through: 18 * 60, by: 23) + [9 * 60, 17 * 60] {
            let now = day.addingTimeInterval(TimeInterval(localMinutes * 60))
            checkPlan(visitors: visitors, walkIns: generator.walkIns(for: visitors, now: now, calendar: calendar),
                      now: now, localMinutes: localMinutes == 9 * 60 ? 0 : localMinutes)
        }
    }
}

@Test func walkInsNeedGrownUps() {
    var generator = DemoGenerator(seed: 4)
    let children = generator.visitors(count: 400, now: morning, calendar: calendar).filter { ($0.birthYear ?? 0) > 2012 }
    #expect(!children.isEmpty)
    #expect(generator.walkIns(for: children, now: morning, calendar: calendar).isEmpty)
    let few = generator.visitors(count: 3, now: morning, calendar: calendar).filter { $0.birthYear.map { $0 <= 2010 } ?? true }
    #expect(generator.walkIns(for: few, now: morning, calendar: calendar).count <= few.count)
}

@Test func aLateMorningQueueLooksBelievable() {
    let (_, walkIns) = plan(at: morning)
    #expect((6...22).contains(walkIns.count), "\(walkIns.count) arrivals by 11:40")
    let waiting = walkIns.filter { $0.status == .waiting }.count
    #expect((2...4).contains(waiting))
    #expect(walkIns.filter { $0.status == .called }.count == 1)
    #expect(walkIns.prefix(3).allSatisfy { if case .closed = $0.status { true } else { false } })
    #expect(walkIns.contains { $0.outcome == .seen })
}

@Test func categoriesLeanSocial() {
    var counts: [ServiceCategory: Int] = [:]
    for seed in UInt64(0)..<60 {
        for walkIn in plan(seed: seed, at: morning, count: 80).plan { counts[walkIn.category, default: 0] += 1 }
    }
    #expect(counts[.social, default: 0] > counts[.professional, default: 0])
    #expect(counts[.professional, default: 0] > counts[.psychological, default: 0])
    #expect(counts[.psychological, default: 0] > 0)
}

@Test func walkInPlansAreDeterministic() {
    #expect(plan(seed: 8, at: morning).plan == plan(seed: 8, at: morning).plan)
    #expect(plan(seed: 8, at: morning).plan != plan(seed: 9, at: morning).plan)
}

@Test func beforeOpeningThereIsNoQueue() {
    let early = midnight.addingTimeInterval(8 * 3600 + 59 * 60)
    #expect(plan(at: early).plan.isEmpty)
    var generator = DemoGenerator(seed: 1)
    #expect(generator.walkIns(for: [], now: morning, calendar: calendar).isEmpty)
    _ = generator.visitors(count: 1, now: morning, calendar: calendar)
}
