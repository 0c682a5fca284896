import Foundation
import Testing
import FrontDeskDemo
import FrontDeskDomain

struct DemoSchedulingTests {
    @Test func counselorsHaveRealisticHoursAndLanguages() {
        let counselors = DemoGenerator.counselors()
        #expect(counselors.count == 10)
        #expect(Set(counselors.map(\.name)).count == 10)
        let leila = counselors[0]
        #expect(leila.hours.spec == "mon-fri 09:00-12:30,13:30-17:00")
        #expect(counselors.contains { $0.hours.workingDays.count < 5 }) // some part-time
        let languages = Set(counselors.flatMap(\.languages))
        #expect(languages.isSuperset(of: ["fr", "ar", "ary", "en", "es", "wo", "bm", "ln"]))
        #expect(DemoGenerator.counselors(count: 30).count == 30)
        #expect(Set(DemoGenerator.counselors(count: 30).map(\.name)).count == 30)
    }

    @Test func holidaysOf2026() {
        let days = DemoGenerator.closures(years: 2026...2026).map { "\($0.first)…\($0.last)" }
        #expect(days == ["2026-01-01…2026-01-01", "2026-01-11…2026-01-11", "2026-01-14…2026-01-14", "2026-03-20…2026-03-21",
                         "2026-05-01…2026-05-01", "2026-05-27…2026-05-28", "2026-07-30…2026-07-30", "2026-08-14…2026-08-14",
                         "2026-08-20…2026-08-20", "2026-08-21…2026-08-21", "2026-11-06…2026-11-06", "2026-11-18…2026-11-18"])
    }

    @Test func appointmentPlanIsDeterministicAndInsideHours() {
        let calendar = CenterCalendar()
        let counselors = DemoGenerator.counselors().enumerated().map { i, c in var c = c; c.id = Int64(i + 1); return c }
        let services = [Service(id: "individual-counseling", nameFr: "E", nameEn: "E", category: .psychological, durationMinutes: 60)]
        func plan() -> [PlannedAppointment] {
            var g = DemoGenerator(seed: 5)
            return g.appointmentPlan(counselors: counselors, services: services, visitorIds: [1, 2, 3], from: LocalDate(year: 2026, month: 4, day: 13),
                                     through: LocalDate(year: 2026, month: 4, day: 17), today: LocalDate(year: 2026, month: 4, day: 15), calendar: calendar)
        }
        let a = plan()
        #expect(a == plan())
        #expect(!a.isEmpty)
        for p in a {
            let local = calendar.localDateTime(of: p.appointment.start)
            let c = counselors.first { $0.id == p.appointment.counselorId }!
            let end = LocalTime(minutesSinceMidnight: local.time.minutesSinceMidnight + 60)!
            #expect(c.hours.covers(TimeRange(local.time, end)!, on: local.date.isoWeekday))
            if local.date < LocalDate(year: 2026, month: 4, day: 15) { #expect(p.status != .booked) }
        }
    }
}
