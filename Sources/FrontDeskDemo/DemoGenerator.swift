import Foundation
import FrontDeskDomain

/// Makes believable, fictitious visitors and a morning's walk-in queue for demos, screenshots,
/// load tests and benchmarks.
///
/// Pure and deterministic: the same seed gives the same visitors and plan (no system randomness,
/// no clock reads; `now` is passed in). Visitors come from the center's actual populations:
/// Moroccans, Guineans, Ivorians, Cameroonians, Senegalese, Malians, Congolese (both Congos),
/// Nigerians, Syrians, Yemenis, Sudanese and Eritreans, with common real names of each country
/// (about a fifth recorded in Arabic script, some Eritreans in Ge'ez), statuses and languages
/// consistent with the nationality, and some adults registered together with their children.
/// The people are made up; any match with a real person is chance.
public struct DemoGenerator: Sendable {
    public let seed: UInt64
    var random: DemoRandom
    /// Children of the last family, in reverse order of registration (popped from the end).
    private var pendingChildren: [NewVisitor] = []

    private static let servicesOnly: Set<ConsentScope> = [.services]
    private static let servicesAndReporting: Set<ConsentScope> = [.services, .reporting]

    public init(seed: UInt64) {
        self.seed = seed
        random = DemoRandom(seed: seed)
    }

    /// The next `count` visitors, ready to register.
    ///
    /// Successive calls continue the same sequence (a family may span two calls). Birth years
    /// count back from the center-local year of `now`: mostly adults of 18 to 45, some older,
    /// a few lone minors of 15 to 17, and children registered right after a parent.
    public mutating func visitors(count: Int, now: Date, calendar: CenterCalendar) -> [NewVisitor] {
        let year = calendar.year(of: now)
        var visitors: [NewVisitor] = []
        visitors.reserveCapacity(max(0, count))
        while visitors.count < count {
            if let child = pendingChildren.popLast() {
                visitors.append(child)
            } else {
                visitors.append(nextAdult(year: year))
            }
        }
        return visitors
    }

    /// One visitor who came on their own (an adult or a lone minor); queues their children.
    private mutating func nextAdult(year: Int) -> NewVisitor {
        let population = DemoPopulation.weighted.pick(&random)
        let inOwnScript = population.scriptNames != nil && random.percent(population.scriptPercent)
        let names = inOwnScript ? population.scriptNames! : population.latinNames // safe: checked just above

        let sex = randomSex(malePercent: population.malePercent)
        let givenName = givenName(sex: sex, from: names)
        let familyName = random.pick(names.family)

        let age: Int
        if random.percent(population.minorPercent) {
            age = random.int(in: 15...17)
        } else if random.percent(12) {
            age = random.int(in: 46...72)
        } else {
            age = 18 + random.below(14) + random.below(14) // 18...44, most around 31
        }
        let birthYear: Int? = random.percent(4) ? nil : year - age

        var languages = [population.firstLanguage.pick(&random)]
        for (code, percent) in population.otherLanguages where !languages.contains(code) && random.percent(percent) {
            languages.append(code)
        }

        let phone: String?
        let phonePercent = population.nationality == "MA" ? 90 : age < 18 ? 50 : 72
        if random.percent(phonePercent) {
            if population.homePhones.isEmpty || random.percent(90) {
                phone = fillDigits(random.percent(80) ? "+212 6## ## ## ##" : "+212 7## ## ## ##")
            } else {
                phone = fillDigits(random.pick(population.homePhones))
            }
        } else {
            phone = nil
        }

        let consent = random.percent(85) ? Self.servicesAndReporting : Self.servicesOnly
        let status = population.statuses.pick(&random)
        let adult = NewVisitor(givenName: givenName, familyName: familyName, sex: sex, birthYear: birthYear,
                               nationality: population.nationality, languages: languages, status: status,
                               phone: phone, consentScopes: consent,
                               birthDate: Self.birthDate(year: birthYear, given: givenName, family: familyName, percent: 40))

        if (24...50).contains(age), random.percent(population.familyPercent) {
            let childFamilyName = population.patronymic && sex == .male ? givenName : familyName
            queueChildren(of: adult, age: age, familyName: childFamilyName, names: names, year: year)
        }
        return adult
    }

    /// A full birth date in `year` for `percent` of people, from a hash of their names rather
    /// than the random sequence (which every later draw of the demo follows, so drawing here
    /// would change the whole center): nil for the others, or when the year is unknown.
    static func birthDate(year: Int?, given: String, family: String, percent: Int) -> LocalDate? {
        guard let year else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a
        for byte in (given + "\u{1F}" + family).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        guard hash % 100 < UInt64(percent) else { return nil }
        return LocalDate(year: year, month: 1, day: 1).adding(days: Int((hash / 100) % 365))
    }

    /// Queues one to three children (0 to 17, born after the parent turned 18), registered after the parent.
    private mutating func queueChildren(of parent: NewVisitor, age: Int, familyName: String, names: DemoNames, year: Int) {
        let count = random.int(in: 1...3)
        var children: [NewVisitor] = []
        for _ in 0..<count {
            let childAge = random.int(in: 0...min(17, age - 19))
            let sex: Sex = random.percent(50) ? .male : .female
            var languages = [parent.languages[0]]
            if childAge >= 6, parent.languages.contains("fr"), !languages.contains("fr") { languages.append("fr") }
            let growsUpHere = parent.nationality == "MA" || (childAge >= 4 && random.percent(40))
            if growsUpHere, !languages.contains("ary") { languages.append("ary") }
            let given = givenName(sex: sex, from: names)
            children.append(NewVisitor(
                givenName: given, familyName: familyName, sex: sex,
                birthYear: year - childAge, nationality: parent.nationality, languages: languages,
                status: parent.status, phone: nil, consentScopes: parent.consentScopes,
                // A child's papers give the day (a newborn's is left out: it could fall after today).
                birthDate: childAge == 0 ? nil : Self.birthDate(year: year - childAge, given: given, family: familyName, percent: 90)))
        }
        // Oldest first at the desk; popped from the end.
        children.sort { ($0.birthYear ?? 0) > ($1.birthYear ?? 0) }
        pendingChildren.append(contentsOf: children)
    }

    private mutating func randomSex(malePercent: Int) -> Sex {
        let roll = random.below(1000)
        if roll < 3 { return .other }
        if roll < 12 { return .unspecified }
        return random.percent(malePercent) ? .male : .female
    }

    private mutating func givenName(sex: Sex, from names: DemoNames) -> String {
        switch sex {
        case .male: random.pick(names.male)
        case .female: random.pick(names.female)
        case .other, .unspecified: random.percent(50) ? random.pick(names.male) : random.pick(names.female)
        }
    }

    /// The pattern with each `#` replaced by a random digit: `+212 6## ## ## ##` → `+212 661 24 08 97`.
    private mutating func fillDigits(_ pattern: String) -> String {
        var bytes = Array(pattern.utf8)
        for i in bytes.indices where bytes[i] == UInt8(ascii: "#") {
            bytes[i] = UInt8(ascii: "0") + UInt8(random.below(10))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension DemoGenerator {
    /// The Latin spelling of a demo name written in Arabic or Ge'ez script (`محمد` → `Mohamed`
    /// for a Moroccan, `ዮናስ` → `Yonas`), as a receptionist would type it; nil for a name the
    /// demo does not use. The demo's lists of names in a population's own script follow its
    /// Latin lists entry by entry (given and family names); where a script list is shorter, its
    /// last entry and the Latin names beyond it have no partner. The desk benchmark types names across
    /// scripts with it.
    public static func latinSpelling(of scriptName: String) -> String? {
        latinSpellings[scriptName]
    }

    private static let latinSpellings: [String: String] = {
        var out: [String: String] = [:]
        for population in DemoPopulation.all {
            guard let script = population.scriptNames else { continue }
            let latin = population.latinNames
            for (scriptList, latinList) in [(script.male, latin.male), (script.female, latin.female), (script.family, latin.family)] {
                // Lists of one length are parallel throughout; of different lengths, the last
                // entry of the shorter one has no partner (Moroccan family names: the first 16
                // are shared, then المهاجر and Ait Lahcen… are each their own).
                let shared = scriptList.count == latinList.count ? scriptList.count : min(scriptList.count, latinList.count) - 1
                for (a, b) in zip(scriptList.prefix(shared), latinList.prefix(shared)) where out[a] == nil { out[a] = b }
            }
        }
        return out
    }()
}
