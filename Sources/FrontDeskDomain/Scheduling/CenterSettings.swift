/// The center's scheduling settings, kept by the store and edited by an admin.
public struct CenterSettings: Hashable, Sendable, Codable {
    /// IANA zone identifier; `Africa/Casablanca` by default.
    public var timeZoneId: String
    /// When the center is open, center-local; bookings and slots must lie inside it as well as
    /// inside the counselor's hours. Default Monday to Friday 08:30–17:30 (the admin sets the
    /// real hours; the issue fixes only the days).
    public var openingHours: WeeklyHours
    /// The first day of a week in week views; Monday by default.
    public var firstWeekday: Weekday
    /// Slot grid in minutes: free slots start at local times that are multiples of it since
    /// midnight (15 → 09:00, 09:15, …). Default 15.
    public var slotGridMinutes: Int
    /// Minutes without a key before a receptionist's session at a desk locks (the screen then
    /// shows no name); `deskLockRange`, default 2. Set by the admin (`frontdesk settings set
    /// --desk-lock-minutes`); a terminal's `--idle-minutes` overrides it.
    public var deskLockMinutes: Int
    /// The age bands of funder reports (`AgeBands`; the standard ones by default). Set by the
    /// admin (`frontdesk settings set --age-bands 0-17,18-59,60+`); a report may ask for others.
    public var ageBands: AgeBands

    /// The accepted desk lock times, in minutes.
    public static let deskLockRange = 1...60

    public init(timeZoneId: String = "Africa/Casablanca",
                openingHours: WeeklyHours = CenterSettings.defaultOpeningHours,
                firstWeekday: Weekday = .monday,
                slotGridMinutes: Int = 15,
                deskLockMinutes: Int = 2,
                ageBands: AgeBands = .standard) {
        self.timeZoneId = timeZoneId
        self.openingHours = openingHours
        self.firstWeekday = firstWeekday
        self.slotGridMinutes = slotGridMinutes
        self.deskLockMinutes = deskLockMinutes
        self.ageBands = ageBands
    }

    /// Monday to Friday, 08:30–17:30.
    public static let defaultOpeningHours = WeeklyHours(
        Weekday.workweek, [TimeRange(LocalTime(hour: 8, minute: 30)!, LocalTime(hour: 17, minute: 30)!)!]) // safe: literals

    /// The calendar of `timeZoneId`, or nil when the zone is unknown to this system.
    public var calendar: CenterCalendar? { CenterCalendar(identifier: timeZoneId) }

    /// The first day of the week that contains `date` (by `firstWeekday`).
    public func weekStart(containing date: LocalDate) -> LocalDate {
        let back = (date.isoWeekday.rawValue - firstWeekday.rawValue + 7) % 7
        return date.adding(days: -back)
    }
}
