import Foundation
import FrontDeskDomain

/// A weekly group series of the demo.
public struct PlannedGroupSeries: Hashable, Sendable {
    public var serviceId: String
    /// Index in `DemoGenerator.counselors()`.
    public var counselorIndex: Int
    public var weekday: Weekday
    public var time: LocalTime
}

/// The center's resources and schedule for demos: counselors with realistic hours and
/// languages, rooms, Moroccan public holidays, weekly group sessions, and appointments.
extension DemoGenerator {
    /// Ten counselors (more, up to `count`, from combined name pools): services, languages and
    /// working hours with a lunch break; some part-time. Ids are 0 (new).
    public static func counselors(count: Int = 10) -> [Counselor] {
        let full = "mon-fri 09:00-12:30,13:30-17:00"
        let named: [(String, [String], [String], String)] = [
            ("Leila Amrani", ["individual-counseling", "psychological-first-aid", "trauma-follow-up", "psychosocial-support-group"], ["fr", "ar", "ary"], full),
            ("Karim Bennani", ["social-orientation", "rights-mediation", "emergency-aid-assessment", "legal-information-session"], ["fr", "ar", "ary", "en"], full),
            ("Aminata Diop", ["individual-counseling", "women-discussion-group", "child-family-support"], ["fr", "wo", "en"], "mon-thu 09:00-12:30,13:30-17:00"),
            ("Mamadou Coulibaly", ["social-orientation", "voluntary-return-counseling", "emergency-aid-assessment"], ["fr", "bm", "en"], full),
            ("Nadia Berrada", ["job-coaching", "vocational-training-orientation", "cv-job-search-workshop"], ["fr", "ar", "ary", "es"], "mon-wed 09:00-12:30,13:30-17:00"),
            ("Jean-Pierre Mbemba", ["individual-counseling", "trafficking-survivor-support", "trauma-follow-up"], ["fr", "ln", "en"], "tue-fri 09:00-13:00,14:00-17:00"),
            ("Sara Haddad", ["french-class", "arabic-class", "intercultural-workshop"], ["fr", "ar", "en"], full),
            ("Carmen López Ruiz", ["scholarship-orientation", "rights-mediation", "social-orientation"], ["es", "fr", "en"], "mon,wed,fri 09:00-12:30,13:30-16:00"),
            ("Ousmane Ndiaye", ["job-coaching", "entrepreneurship-workshop", "digital-skills-class"], ["fr", "wo", "ff"], full),
            ("فاطمة الزهراء الإدريسي", ["darija-class", "psychological-first-aid", "child-family-support"], ["ar", "ary", "fr"], "mon-fri 09:00-13:00"),
        ]
        var out = named.map { Counselor(id: 0, name: $0.0, serviceIds: $0.1, languages: $0.2, hours: WeeklyHours(spec: $0.3) ?? .none) }
        let given = ["Hicham", "Salma", "Yassine", "Khadija", "Omar", "Imane", "Ibrahima", "Fatou", "Christelle", "Samuel", "Meryem", "Adama"]
        let family = ["Alaoui", "Tazi", "Cissé", "Kouassi", "Benjelloun", "Mokoena", "El Fassi", "Traoré", "Nkemelu", "Chraibi"]
        let individual = ["individual-counseling", "social-orientation", "job-coaching", "rights-mediation", "psychological-first-aid",
                          "vocational-training-orientation", "emergency-aid-assessment", "trauma-follow-up"]
        var i = 0
        while out.count < count {
            let name = "\(given[i % given.count]) \(family[(i * 7 + i / given.count) % family.count])"
            if !out.contains(where: { $0.name == name }) {
                out.append(Counselor(id: 0, name: name, serviceIds: [individual[i % individual.count], individual[(i + 3) % individual.count]],
                                     languages: ["fr", ["ar", "en", "es", "wo", "bm", "ln"][i % 6]],
                                     hours: WeeklyHours(spec: i % 4 == 3 ? "mon-wed 09:00-12:30,13:30-17:00" : full) ?? .none))
            }
            i += 1
        }
        return Array(out.prefix(count))
    }

    /// Salle 1–5 (2 to 4 seats), Salle de groupe (20), Bureau d'accueil (2), then Salle 6… up to `count`.
    public static func rooms(count: Int = 7) -> [Room] {
        var out = [Room(id: 0, name: "Salle 1", capacity: 2), Room(id: 0, name: "Salle 2", capacity: 3), Room(id: 0, name: "Salle 3", capacity: 3),
                   Room(id: 0, name: "Salle 4", capacity: 4), Room(id: 0, name: "Salle 5", capacity: 2),
                   Room(id: 0, name: "Salle de groupe", capacity: 20), Room(id: 0, name: "Bureau d'accueil", capacity: 2)]
        var n = 6
        while out.count < count {
            out.append(Room(id: 0, name: "Salle \(n)", capacity: 3))
            n += 1
        }
        return Array(out.prefix(count))
    }

    /// Moroccan public holidays of the years: the fixed ones, and for 2026 (and an estimate for
    /// 2027) Eid al-Fitr and Eid al-Adha, whose dates are set each year on the sighting of the moon.
    public static func closures(years: ClosedRange<Int>) -> [Closure] {
        var out: [Closure] = []
        func add(_ y: Int, _ m: Int, _ d: Int, _ days: Int, _ label: String) {
            let first = LocalDate(year: y, month: m, day: d)
            out.append(Closure(id: 0, first: first, last: first.adding(days: days - 1), label: label))
        }
        for y in years {
            add(y, 1, 1, 1, "Nouvel An")
            add(y, 1, 11, 1, "Manifeste de l'Indépendance")
            add(y, 1, 14, 1, "Nouvel An amazigh (Yennayer)")
            add(y, 5, 1, 1, "Fête du Travail")
            add(y, 7, 30, 1, "Fête du Trône")
            add(y, 8, 14, 1, "Allégeance Oued Eddahab")
            add(y, 8, 20, 1, "Révolution du Roi et du Peuple")
            add(y, 8, 21, 1, "Fête de la Jeunesse")
            add(y, 11, 6, 1, "Marche Verte")
            add(y, 11, 18, 1, "Fête de l'Indépendance")
            switch y {
            case 2026:
                add(y, 3, 20, 2, "Aïd al-Fitr (date fixée chaque année)")
                add(y, 5, 27, 2, "Aïd al-Adha (date fixée chaque année)")
            case 2027:
                add(y, 3, 10, 2, "Aïd al-Fitr (estimation, date fixée chaque année)")
                add(y, 5, 17, 2, "Aïd al-Adha (estimation, date fixée chaque année)")
            default: break
            }
        }
        return out.sorted { $0.first < $1.first }
    }

    /// Weekly group series: French, Darija and Arabic classes, the psychosocial support group,
    /// the women's discussion group, the CV workshop (counselor indexes into `counselors()`).
    public static let groupSeries: [PlannedGroupSeries] = [
        PlannedGroupSeries(serviceId: "french-class", counselorIndex: 6, weekday: .tuesday, time: LocalTime(hour: 10, minute: 0)!),
        PlannedGroupSeries(serviceId: "arabic-class", counselorIndex: 6, weekday: .thursday, time: LocalTime(hour: 14, minute: 0)!),
        PlannedGroupSeries(serviceId: "darija-class", counselorIndex: 9, weekday: .monday, time: LocalTime(hour: 10, minute: 0)!),
        PlannedGroupSeries(serviceId: "psychosocial-support-group", counselorIndex: 0, weekday: .wednesday, time: LocalTime(hour: 14, minute: 0)!),
        PlannedGroupSeries(serviceId: "women-discussion-group", counselorIndex: 2, weekday: .monday, time: LocalTime(hour: 14, minute: 0)!),
        PlannedGroupSeries(serviceId: "cv-job-search-workshop", counselorIndex: 4, weekday: .wednesday, time: LocalTime(hour: 9, minute: 30)!),
    ] // safe: literal times

    /// How many visitors to enroll in a demo session: 60–100 % of the seats, or the seats and
    /// three more (a waitlist) for the next week's sessions.
    public mutating func enrollmentCount(capacity: Int, nextWeek: Bool) -> Int {
        nextWeek ? capacity + 3 : capacity * random.int(in: 6...10) / 10
    }

    /// A visitor of the list, chosen by the seeded sequence. - Precondition: not empty.
    public mutating func pickVisitor(_ ids: [Int64]) -> Int64 { random.pick(ids) }

    /// Individual appointments from `first` to `last` (center-local days): each counselor's
    /// working ranges are walked on the grid, about half of the time booked with a service
    /// they deliver, for a random visitor. Days before `today` get their outcome (completed,
    /// no-show, cancelled); later ones stay booked (a few cancelled). The store checks each
    /// with the booking rules and skips those that conflict.
    ///
    /// - Parameter counselors: saved counselors (with ids); `services` the catalog.
    public mutating func appointmentPlan(counselors: [Counselor], services: [Service], visitorIds: [Int64], from first: LocalDate,
                                         through last: LocalDate, today: LocalDate, calendar: CenterCalendar) -> [PlannedAppointment] {
        guard !visitorIds.isEmpty else { return [] }
        let individual = Dictionary(uniqueKeysWithValues: services.filter { !$0.isGroup && $0.active }.map { ($0.id, $0) })
        var out: [PlannedAppointment] = []
        var day = first
        let reasons = ["le visiteur est malade", "visiteur injoignable", "conflit avec un rendez-vous administratif", "demande du visiteur"]
        while day <= last {
            defer { day = day.adding(days: 1) }
            for c in counselors where c.active {
                let offered = c.serviceIds.compactMap { individual[$0] }
                guard !offered.isEmpty else { continue }
                for range in c.hours.ranges(on: day.isoWeekday) {
                    var minute = range.start.minutesSinceMidnight
                    while minute < range.end.minutesSinceMidnight {
                        let service = random.pick(offered)
                        guard minute + service.durationMinutes <= range.end.minutesSinceMidnight else { break }
                        if random.percent(55), let time = LocalTime(minutesSinceMidnight: minute), let start = try? calendar.instant(day, time) {
                            var status = AppointmentStatus.booked
                            var reason: String?
                            let roll = random.below(100)
                            if day < today {
                                status = roll < 74 ? .completed : roll < 87 ? .noShow : .cancelled
                            } else if roll < 7 {
                                status = .cancelled
                            }
                            if status == .cancelled { reason = random.pick(reasons) }
                            out.append(PlannedAppointment(
                                appointment: NewAppointment(visitorId: random.pick(visitorIds), serviceId: service.id, counselorId: c.id,
                                                            start: start, interpreterLanguage: random.percent(5) ? "ti" : nil),
                                status: status, cancelReason: reason))
                            minute += (service.durationMinutes + 14) / 15 * 15
                        } else {
                            minute += 30
                        }
                    }
                }
            }
        }
        return out
    }
}
