import Testing
import FrontDeskDomain

struct WeeklyHoursTextTests {
    @Test(arguments: [
        ("mon-fri 09:00-12:30,13:30-17:00", "mon-fri 09:00-12:30,13:30-17:00"),
        ("mon-thu 09:00-13:00; fri 09:00-12:00", "mon-thu 09:00-13:00; fri 09:00-12:00"),
        ("mon,wed,fri 09:00-12:30", "mon 09:00-12:30; wed 09:00-12:30; fri 09:00-12:30"),
        ("none", "none"),
        ("sat 10:00-12:00; mon 09:00-10:00,10:00-11:00", "mon 09:00-11:00; sat 10:00-12:00"),
    ])
    func roundTrips(text: String, spec: String) throws {
        let hours = try #require(WeeklyHours(spec: text))
        #expect(hours.spec == spec)
        #expect(WeeklyHours(spec: hours.spec) == hours)
    }

    @Test(arguments: ["monday to friday", "mon-fri", "fri-mon 09:00-10:00", "mon 10:00-09:00", "xyz 09:00-10:00"])
    func malformedIsRefused(text: String) {
        #expect(WeeklyHours(spec: text) == nil)
    }
}
