import Foundation
import Testing
import FrontDeskDomain

@Suite struct SchedulingLocalTimeTests {
    /// Casablanca's clock changes of 2026 (tzdata 2025b), checked against this machine's zone data
    /// before anything relies on them: back from +01 to +00 on 2026-02-15 (02:00–02:59 happens
    /// twice), forward on 2026-03-22 (02:00–02:59 does not exist).
    @Test func casablancaClockChangesAreWhereTheCasesSay() throws {
        let zone = try #require(TimeZone(identifier: "Africa/Casablanca"))
        // Back: 03:00 +01 → 02:00 +00 at 2026-02-15T02:00Z.
        #expect(zone.secondsFromGMT(for: try Fx.utc("2026-02-15T01:59:59Z")) == 3600)
        #expect(zone.secondsFromGMT(for: try Fx.utc("2026-02-15T02:00:00Z")) == 0)
        // Forward: 02:00 +00 → 03:00 +01 at 2026-03-22T02:00Z.
        #expect(zone.secondsFromGMT(for: try Fx.utc("2026-03-22T01:59:59Z")) == 0)
        #expect(zone.secondsFromGMT(for: try Fx.utc("2026-03-22T02:00:00Z")) == 3600)
        #expect(zone.nextDaylightSavingTimeTransition(after: try Fx.utc("2026-02-01T00:00:00Z")) == (try Fx.utc("2026-02-15T02:00:00Z")))
        #expect(zone.nextDaylightSavingTimeTransition(after: try Fx.utc("2026-02-16T00:00:00Z")) == (try Fx.utc("2026-03-22T02:00:00Z")))
    }

    struct Resolution: Sendable, CustomTestStringConvertible {
        var zone: String, date: String, time: String
        /// Expected instants, earliest first: [] skipped, one normal, two repeated.
        var instants: [String]
        var testDescription: String { "\(zone) \(date) \(time)" }
    }

    static let resolutions: [Resolution] = [
        // Africa/Casablanca, back on 2026-02-15: 02:00–02:59 twice.
        .init(zone: "Africa/Casablanca", date: "2026-02-15", time: "01:59", instants: ["2026-02-15T00:59:00Z"]),
        .init(zone: "Africa/Casablanca", date: "2026-02-15", time: "02:00", instants: ["2026-02-15T01:00:00Z", "2026-02-15T02:00:00Z"]),
        .init(zone: "Africa/Casablanca", date: "2026-02-15", time: "02:30", instants: ["2026-02-15T01:30:00Z", "2026-02-15T02:30:00Z"]),
        .init(zone: "Africa/Casablanca", date: "2026-02-15", time: "02:59", instants: ["2026-02-15T01:59:00Z", "2026-02-15T02:59:00Z"]),
        .init(zone: "Africa/Casablanca", date: "2026-02-15", time: "03:00", instants: ["2026-02-15T03:00:00Z"]),
        // Africa/Casablanca, forward on 2026-03-22: 02:00–02:59 skipped.
        .init(zone: "Africa/Casablanca", date: "2026-03-22", time: "01:59", instants: ["2026-03-22T01:59:00Z"]),
        .init(zone: "Africa/Casablanca", date: "2026-03-22", time: "02:00", instants: []),
        .init(zone: "Africa/Casablanca", date: "2026-03-22", time: "02:30", instants: []),
        .init(zone: "Africa/Casablanca", date: "2026-03-22", time: "02:59", instants: []),
        .init(zone: "Africa/Casablanca", date: "2026-03-22", time: "03:00", instants: ["2026-03-22T02:00:00Z"]),
        // Ordinary days either side: +01 before Ramadan, +00 during, +01 after.
        .init(zone: "Africa/Casablanca", date: "2026-02-13", time: "09:00", instants: ["2026-02-13T08:00:00Z"]),
        .init(zone: "Africa/Casablanca", date: "2026-02-16", time: "09:00", instants: ["2026-02-16T09:00:00Z"]),
        .init(zone: "Africa/Casablanca", date: "2026-03-23", time: "09:00", instants: ["2026-03-23T08:00:00Z"]),
        .init(zone: "Africa/Casablanca", date: "2026-03-22", time: "24:00", instants: ["2026-03-22T23:00:00Z"]),
        // Another zone, other direction of the year: New York.
        .init(zone: "America/New_York", date: "2026-03-08", time: "02:30", instants: []),
        .init(zone: "America/New_York", date: "2026-11-01", time: "01:30", instants: ["2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z"]),
        .init(zone: "UTC", date: "2026-03-22", time: "02:30", instants: ["2026-03-22T02:30:00Z"]),
    ]

    @Test(arguments: resolutions)
    func localTimesResolveToTheirInstants(_ c: Resolution) throws {
        let calendar = try #require(CenterCalendar(identifier: c.zone))
        let expected = try c.instants.map(Fx.utc)
        let date = try Fx.date(c.date), time = try Fx.time(c.time)
        #expect(calendar.instants(date, time) == expected)
        if let earliest = expected.first {
            // The documented rule: a repeated time is its earlier occurrence.
            #expect(try calendar.instant(date, time) == earliest)
        } else {
            #expect(throws: LocalTimeError.nonexistent(LocalDateTime(date, time), zone: c.zone)) {
                try calendar.instant(date, time)
            }
        }
    }

    @Test func aSkippedTimeIsRefusedWithAMessage() throws {
        let date = try Fx.date("2026-03-22"), time = try Fx.time("02:30")
        do {
            _ = try Fx.casablanca.instant(date, time)
            Issue.record("02:30 on 2026-03-22 was accepted")
        } catch {
            #expect(error == .nonexistent(LocalDateTime(date, time), zone: "Africa/Casablanca"))
            #expect(error.description == "02:30 does not exist on 2026-03-22 in Africa/Casablanca: the clocks move forward over it; choose another time")
        }
    }

    @Test func aRepeatedTimeTakesItsEarlierOccurrence() throws {
        // 02:30 on 2026-02-15 happens at 01:30Z (UTC+1) and again at 02:30Z (UTC+0).
        let instant = try Fx.at("2026-02-15", "02:30")
        #expect(instant == (try Fx.utc("2026-02-15T01:30:00Z")))
        #expect(Fx.casablanca.localDateTime(of: instant).description == "2026-02-15 02:30")
        #expect(Fx.casablanca.localDateTime(of: try Fx.utc("2026-02-15T02:30:00Z")).description == "2026-02-15 02:30")
    }

    @Test func anImpossibleDateIsRefused() throws {
        let bad = LocalDate(year: 2026, month: 2, day: 30)
        #expect(throws: LocalTimeError.invalidDate(bad)) { try Fx.casablanca.instant(bad, try Fx.time("09:00")) }
    }

    /// Every quarter hour around both changes: reading an instant's local time and resolving it
    /// again gives the instant back, except the second pass of the repeated hour, which gives the
    /// first (the documented rule).
    @Test(arguments: ["2026-02-14T12:00:00Z", "2026-03-21T12:00:00Z"])
    func localReadingRoundTrips(from startText: String) throws {
        let start = try Fx.utc(startText)
        let secondPass = UTCInterval(start: try Fx.utc("2026-02-15T02:00:00Z"), end: try Fx.utc("2026-02-15T03:00:00Z"))
        for step in 0..<(48 * 4) {
            let u = start.addingTimeInterval(TimeInterval(step * 900))
            let local = Fx.casablanca.localDateTime(of: u)
            let back = try Fx.casablanca.instant(local)
            #expect(back == (secondPass.contains(u) ? u.addingTimeInterval(-3600) : u), "\(u) read as \(local)")
        }
    }

    struct DayLength: Sendable { var date: String; var hours: Double }

    /// A day is a calendar day; the changes make 25- and 23-hour days.
    @Test(arguments: [DayLength(date: "2026-02-14", hours: 24), DayLength(date: "2026-02-15", hours: 25),
                      DayLength(date: "2026-02-16", hours: 24), DayLength(date: "2026-03-22", hours: 23),
                      DayLength(date: "2026-03-23", hours: 24)])
    func daysAreCalendarDays(_ c: DayLength) throws {
        let date = try Fx.date(c.date)
        let day = Fx.casablanca.interval(of: date)
        #expect(day.upperBound.timeIntervalSince(day.lowerBound) == c.hours * 3600)
        #expect(Fx.casablanca.localDateTime(of: day.lowerBound) == LocalDateTime(date, .midnight))
        #expect(Fx.casablanca.localDateTime(of: day.upperBound) == LocalDateTime(date.adding(days: 1), .midnight))
    }

    /// `LocalDate.adding(days:)` (pure calendar arithmetic) agrees with `CenterCalendar.adding` in
    /// several zones over two years, and weekdays follow Monday = 1.
    @Test(arguments: ["Africa/Casablanca", "America/New_York", "Pacific/Kiritimati", "UTC"])
    func dayArithmeticAgreesWithTheCalendar(_ zone: String) throws {
        let calendar = try #require(CenterCalendar(identifier: zone))
        var date = try Fx.date("2025-12-25")
        var weekday = Weekday.thursday
        for _ in 0..<800 {
            let next = date.adding(days: 1)
            #expect(next == calendar.adding(days: 1, to: date), "\(zone) after \(date)")
            #expect(date.isoWeekday == weekday, "\(date)")
            #expect(date.isValid)
            weekday = Weekday(rawValue: weekday.rawValue % 7 + 1)!
            date = next
        }
        #expect(date == (try Fx.date("2028-03-04"))) // 7 + 365 + 365 + 31 + 29 + 3 days
        #expect(try Fx.date("2026-03-01").adding(days: -1) == (try Fx.date("2026-02-28")))
        #expect(try Fx.date("2024-03-01").adding(days: -1) == (try Fx.date("2024-02-29")))
    }

    /// `CenterCalendar` maps days and instants through the zone's offsets, without
    /// `Foundation.Calendar`; it must still agree with `Calendar` (ICU) on the start of every day,
    /// the day and weekday of an instant, in zones whose clocks change at or near midnight
    /// (Santiago, Havana, Beirut, São Paulo, Asunción), skip a whole day (Apia, 2011-12-30) or move
    /// by half an hour (Lord Howe), from 2005 to 2035.
    ///
    /// `Calendar` reads ICU's copy of the zone data, built into the binary; the center's
    /// calendar reads the system's tzdata (held to `zdump` by `ZoneRulesTests`). Where the two
    /// copies differ, because a country changed its clocks after ICU's copy was made (tzdata
    /// 2026f ends Morocco's UTC+1 on 2026-09-20, Cuba's 2026 summer time ends earlier), the day
    /// is not compared: what this test checks is the arithmetic, not the data.
    @Test(arguments: ["Africa/Casablanca", "America/Santiago", "America/Havana", "Asia/Beirut", "America/Sao_Paulo",
                      "America/Asuncion", "Pacific/Apia", "Australia/Lord_Howe", "Europe/Paris"])
    func dayStartsAgreeWithFoundationsCalendar(_ zone: String) throws {
        let center = try #require(CenterCalendar(identifier: zone))
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = try #require(TimeZone(identifier: zone))
        var date = LocalDate(year: 2005, month: 1, day: 1)
        var mismatches: [String] = []
        var compared = 0
        while date.year <= 2035 && mismatches.count < 5 {
            let parts = DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)
            let noon = try #require(gregorian.date(from: parts))
            let expected = gregorian.startOfDay(for: noon)
            let probes = [expected.addingTimeInterval(-7_200), expected.addingTimeInterval(-1), expected, noon]
            guard probes.allSatisfy({ gregorian.timeZone.secondsFromGMT(for: $0) == center.zone.secondsFromGMT(for: $0) }) else {
                date = date.adding(days: 1)
                continue // the two copies of the zone's data differ here
            }
            compared += 1
            if center.startOfDay(date) != expected, gregorian.component(.day, from: noon) == date.day {
                mismatches.append("\(date): \(center.startOfDay(date)) ≠ \(expected)")
            }
            for instant in [expected.addingTimeInterval(-1), expected, noon] {
                let c = gregorian.dateComponents([.year, .month, .day, .weekday], from: instant)
                let local = center.localDate(of: instant)
                if local != LocalDate(year: c.year!, month: c.month!, day: c.day!) || center.weekday(of: local) != c.weekday! {
                    mismatches.append("\(instant) read as \(local)")
                }
            }
            date = date.adding(days: 1)
        }
        #expect(mismatches.isEmpty, "\(zone): \(mismatches)")
        // Most of the 31 years are compared: where ICU's data and the system's agree.
        #expect(compared > 365 * 20, "\(zone): \(compared) days compared")
    }

    /// A skipped day has no instants of its own: its start is the next day's (Apia, UTC−10 to
    /// UTC+14 at the end of 2011-12-29), and it lasts no time at all.
    @Test func aSkippedDayStartsWhereTheNextDayStarts() throws {
        let apia = try #require(CenterCalendar(identifier: "Pacific/Apia"))
        let skipped = LocalDate(year: 2011, month: 12, day: 30)
        #expect(apia.startOfDay(skipped) == apia.startOfDay(skipped.adding(days: 1)))
        #expect(apia.interval(of: skipped).isEmpty)
        #expect(apia.localDate(of: apia.startOfDay(skipped)) == LocalDate(year: 2011, month: 12, day: 31))
    }

    struct Parse: Sendable { var text: String; var minutes: Int? }

    @Test(arguments: [Parse(text: "09:00", minutes: 540), Parse(text: "9:05", minutes: 545), Parse(text: "00:00", minutes: 0),
                      Parse(text: "23:59", minutes: 1439), Parse(text: "24:00", minutes: 1440), Parse(text: "24:01", minutes: nil),
                      Parse(text: "12:60", minutes: nil), Parse(text: "1200", minutes: nil), Parse(text: "-1:00", minutes: nil),
                      Parse(text: "09:0", minutes: nil), Parse(text: "٠٩:٠٠", minutes: nil)])
    func localTimesParse(_ c: Parse) {
        #expect(LocalTime(c.text)?.minutesSinceMidnight == c.minutes)
    }

    @Test func timesAndRangesPrintAndCode() throws {
        let r = try Fx.range("09:00-12:30")
        #expect(r.description == "09:00–12:30")
        #expect(r.durationMinutes == 210)
        #expect(TimeRange(try Fx.time("10:00"), try Fx.time("10:00")) == nil)
        #expect(TimeRange("10:00–09:00") == nil)
        #expect(LocalDateTime(iso: "2026-04-14 10:00")?.description == "2026-04-14 10:00")
        #expect(LocalDateTime(iso: "2026-04-14T10:00") == LocalDateTime(iso: "2026-04-14 10:00"))
        #expect(LocalDateTime(iso: "2026-04-14 24:00") == nil)
        let hours = try Fx.hours("13:30-17:00", "09:00-12:30")
        let json = try JSONEncoder().encode(hours)
        #expect(try JSONDecoder().decode(WeeklyHours.self, from: json) == hours)
        #expect(String(decoding: try JSONEncoder().encode(r), as: UTF8.self).contains("\"09:00\""))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TimeRange.self, from: Data(#"{"start":"10:00","end":"09:00"}"#.utf8))
        }
    }

    @Test func weeklyHoursSortAndMergeRanges() throws {
        let hours = try Fx.hours("13:30-17:00", "09:00-12:30", "12:00-12:45", on: [.monday])
        #expect(hours.ranges(on: .monday) == [try Fx.range("09:00-12:45"), try Fx.range("13:30-17:00")])
        #expect(hours.ranges(on: .tuesday).isEmpty)
        #expect(hours.workingDays == [.monday])
        #expect(hours.covers(try Fx.range("13:30-14:00"), on: .monday))
        #expect(!hours.covers(try Fx.range("12:30-13:45"), on: .monday))
    }

    @Test func settingsDefaultsAndWeekStart() throws {
        let s = CenterSettings()
        #expect(s.timeZoneId == "Africa/Casablanca")
        #expect(s.calendar == Fx.casablanca)
        #expect(s.openingHours.workingDays == Weekday.workweek)
        #expect(s.firstWeekday == .monday)
        #expect(s.slotGridMinutes == 15)
        #expect(s.weekStart(containing: try Fx.date("2026-03-22")) == (try Fx.date("2026-03-16")))
        #expect(s.weekStart(containing: try Fx.date("2026-03-23")) == (try Fx.date("2026-03-23")))
        var sunday = s
        sunday.firstWeekday = .sunday
        #expect(sunday.weekStart(containing: try Fx.date("2026-03-21")) == (try Fx.date("2026-03-15")))
    }
}
