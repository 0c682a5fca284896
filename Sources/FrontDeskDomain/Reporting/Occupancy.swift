import Foundation

/// Booked minutes against available minutes: a room's or a counselor's utilization.
///
/// Booked minutes are the elapsed minutes of non-cancelled appointments (booked, arrived, in
/// session, completed, no-show: a no-show held the slot) that fall on the day, clipped to the
/// day. They are not clipped to the available time, so a booking made before a closure or an
/// absence was recorded shows as more than 100 %: the desk should see it. With nothing
/// available the ratio is nil ("—").
public struct Utilization: Hashable, Sendable, Codable {
    public var bookedMinutes: Int
    public var availableMinutes: Int

    public init(bookedMinutes: Int = 0, availableMinutes: Int = 0) {
        self.bookedMinutes = bookedMinutes
        self.availableMinutes = availableMinutes
    }

    /// booked ÷ available; nil when nothing was available.
    public var ratio: Double? { Statistics.ratio(bookedMinutes, availableMinutes) }

    public static func + (a: Self, b: Self) -> Self {
        Utilization(bookedMinutes: a.bookedMinutes + b.bookedMinutes, availableMinutes: a.availableMinutes + b.availableMinutes)
    }

    public static let zero = Utilization()
}

/// One room's or counselor's utilization per day of the period and over it.
public struct ResourceOccupancy: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var active: Bool
    /// Aligned with `ReportingPeriod.days`.
    public var days: [Utilization]

    public init(id: Int64, name: String, active: Bool, days: [Utilization]) {
        self.id = id
        self.name = name
        self.active = active
        self.days = days
    }

    public var total: Utilization { days.reduce(.zero, +) }
}

/// Appointments of a service (or a category) in the period, by what became of them.
///
/// Counted by the local day of their start. For a group service each count is of sessions.
public struct AppointmentCounts: Hashable, Sendable, Codable {
    /// Still `booked` (in the future, or nobody recorded the outcome yet).
    public var booked = 0
    /// Arrived or in session, not completed yet.
    public var arrived = 0
    public var completed = 0
    public var noShows = 0
    public var cancelled = 0

    public init(booked: Int = 0, arrived: Int = 0, completed: Int = 0, noShows: Int = 0, cancelled: Int = 0) {
        self.booked = booked
        self.arrived = arrived
        self.completed = completed
        self.noShows = noShows
        self.cancelled = cancelled
    }

    /// Adds `count` appointments of a status.
    public mutating func add(_ status: AppointmentStatus, _ count: Int = 1) {
        switch status {
        case .booked: booked += count
        case .checkedIn, .inSession: arrived += count
        case .completed: completed += count
        case .noShow: noShows += count
        case .cancelled: cancelled += count
        }
    }

    /// Appointments that were not cancelled.
    public var appointments: Int { booked + arrived + completed + noShows }

    /// No-shows ÷ appointments whose outcome is known (the visitor came: arrived, in session or
    /// completed; or did not: no-show). Still-booked ones are left out, since their outcome is
    /// not known; cancelled ones are not appointments any more. Nil when none is known.
    public var noShowRate: Double? { Statistics.ratio(noShows, arrived + completed + noShows) }

    public static func + (a: Self, b: Self) -> Self {
        AppointmentCounts(booked: a.booked + b.booked, arrived: a.arrived + b.arrived, completed: a.completed + b.completed,
                          noShows: a.noShows + b.noShows, cancelled: a.cancelled + b.cancelled)
    }
}

/// What became of a queue ticket, for the waits (shared case P2: every ticket issued is
/// counted, and each wait figure says which tickets it covers).
///
/// A ticket's **cutoff** is the close of its center-local day (the end of the day's last
/// opening range, `CenterSettings.openingHours`), or the start of the next day when it was
/// issued after the close or the center has no hours that day (`QueueCutoffs`).
public enum TicketFate: String, Hashable, Sendable, Codable, CaseIterable {
    /// Called (wait: arrival → call), or closed seen or redirected without a call on its day
    /// (wait: arrival → closing).
    case served
    /// Closed as left unseen before the cutoff, never called (wait: arrival → leaving).
    case leftUnseen = "left_unseen"
    /// Never called and still open at the cutoff, whether still open now or closed later (the
    /// next check-in closes a forgotten ticket of an earlier day): wait arrival → cutoff.
    case unservedAtClose = "unserved_at_close"
    /// Never called, still open, and its cutoff is still to come: no wait yet.
    case waiting
}

extension Visit {
    /// What became of the ticket (`TicketFate`) and its wait in whole minutes (never negative;
    /// nil while `.waiting`), given its cutoff (UTC) and the present instant.
    public func fate(cutoff: Date, now: Date) -> (fate: TicketFate, minutes: Int?) {
        Self.fate(arrivedAt: arrivedAt, calledAt: calledAt, leftAt: leftAt, outcome: outcome, cutoff: cutoff, now: now)
    }

    /// `fate(cutoff:now:)` of a ticket's instants (UTC) and outcome.
    public static func fate(arrivedAt: Date, calledAt: Date?, leftAt: Date?, outcome: VisitOutcome?,
                            cutoff: Date, now: Date) -> (fate: TicketFate, minutes: Int?) {
        func minutes(_ end: Date) -> Int { max(0, Int(end.timeIntervalSince(arrivedAt) / 60)) }
        if let calledAt { return (.served, minutes(calledAt)) }
        if let leftAt, leftAt <= cutoff {
            return (outcome == .leftUnseen ? .leftUnseen : .served, minutes(leftAt))
        }
        if leftAt == nil, cutoff > now { return (.waiting, nil) }
        return (.unservedAtClose, minutes(cutoff))
    }
}

/// The cutoff of the tickets of each center-local day (`TicketFate`): the close of the day's
/// opening hours, and the start of the next day for tickets issued after it.
public struct QueueCutoffs: Sendable {
    /// Per day: (close, start of the next day), UTC.
    public let days: [LocalDate: (close: Date, nextDay: Date)]

    /// - Parameters: `days`: the days wanted; `openingHours`: the center's weekly hours.
    public init(days: [LocalDate], openingHours: WeeklyHours, calendar: CenterCalendar) {
        var out: [LocalDate: (close: Date, nextDay: Date)] = [:]
        for day in days {
            let next = calendar.startOfDay(day.adding(days: 1))
            let close = openingHours.ranges(on: day.isoWeekday).map { calendar.interval(day, $0).end }.max() ?? next
            out[day] = (min(close, next), next)
        }
        self.days = out
    }

    /// The cutoff of a ticket of `day` issued at `arrivedAt`.
    public func cutoff(day: LocalDate, arrivedAt: Date) -> Date? {
        guard let d = days[day] else { return nil }
        return arrivedAt < d.close ? d.close : d.nextDay
    }
}

/// Walk-ins (queue tickets) of a category, or of all, in the period (shared case P2).
///
/// Every ticket issued is one of `served`, `leftUnseen`, `unservedAtClose` or `waiting`
/// (`TicketFate`): `arrivals` is their sum. The median, 90th percentile and mean waits cover the
/// served tickets only (arrival → call); the tickets that left unseen and those unserved at the
/// close have their own mean waits. Median and 90th percentile by the nearest-rank method
/// (`Statistics.nearestRank`); means in whole minutes, rounded half up.
public struct WalkInStats: Hashable, Sendable, Codable {
    /// Tickets issued.
    public var arrivals: Int
    public var served: Int
    public var leftUnseen: Int
    public var unservedAtClose: Int
    /// Still waiting, before their cutoff.
    public var waiting: Int
    /// Of the served tickets.
    public var medianWaitMinutes: Int?
    /// Of the served tickets.
    public var p90WaitMinutes: Int?
    /// Of the served tickets.
    public var meanWaitMinutes: Int?
    /// Mean wait before leaving, of the tickets that left unseen.
    public var leftUnseenMeanMinutes: Int?
    /// Mean wait until the close, of the tickets unserved at close.
    public var unservedMeanMinutes: Int?

    public init(arrivals: Int = 0, served: Int = 0, leftUnseen: Int = 0, unservedAtClose: Int = 0, waiting: Int = 0,
                medianWaitMinutes: Int? = nil, p90WaitMinutes: Int? = nil, meanWaitMinutes: Int? = nil,
                leftUnseenMeanMinutes: Int? = nil, unservedMeanMinutes: Int? = nil) {
        self.arrivals = arrivals
        self.served = served
        self.leftUnseen = leftUnseen
        self.unservedAtClose = unservedAtClose
        self.waiting = waiting
        self.medianWaitMinutes = medianWaitMinutes
        self.p90WaitMinutes = p90WaitMinutes
        self.meanWaitMinutes = meanWaitMinutes
        self.leftUnseenMeanMinutes = leftUnseenMeanMinutes
        self.unservedMeanMinutes = unservedMeanMinutes
    }

    /// From the visits themselves (tests and small sets; the store aggregates in SQL).
    /// - Parameters: `cutoffs`: the visits' days (a visit of another day counts as waiting);
    ///   `now`: the present instant.
    public init(visits: [Visit], cutoffs: QueueCutoffs, now: Date) {
        var waits: [TicketFate: [Int]] = [:]
        var count: [TicketFate: Int] = [:]
        for v in visits {
            let cutoff = cutoffs.cutoff(day: v.day, arrivedAt: v.arrivedAt) ?? .distantFuture
            let (fate, minutes) = v.fate(cutoff: cutoff, now: now)
            count[fate, default: 0] += 1
            if let minutes { waits[fate, default: []].append(minutes) }
        }
        let served = waits[.served] ?? []
        self.init(arrivals: visits.count, served: count[.served] ?? 0, leftUnseen: count[.leftUnseen] ?? 0,
                  unservedAtClose: count[.unservedAtClose] ?? 0, waiting: count[.waiting] ?? 0,
                  medianWaitMinutes: Statistics.percentile(served, percent: 50), p90WaitMinutes: Statistics.percentile(served, percent: 90),
                  meanWaitMinutes: Statistics.mean(served.reduce(0, +), served.count),
                  leftUnseenMeanMinutes: Statistics.mean((waits[.leftUnseen] ?? []).reduce(0, +), count[.leftUnseen] ?? 0),
                  unservedMeanMinutes: Statistics.mean((waits[.unservedAtClose] ?? []).reduce(0, +), count[.unservedAtClose] ?? 0))
    }

    /// Tickets whose fate is known: served, left unseen or unserved at close.
    public var finished: Int { served + leftUnseen + unservedAtClose }

    /// Left unseen ÷ finished tickets; nil when none is finished.
    public var leftUnseenShare: Double? { Statistics.ratio(leftUnseen, finished) }
}

/// A service's appointments and its demand against capacity in the period.
///
/// - Individual service: demand = appointments not cancelled (no-shows included: they asked);
///   capacity = sessions of the service's length that fit in the available minutes of the
///   counselors who deliver it, `Σ ⌊available ÷ duration⌋`. A counselor who delivers several
///   services counts fully for each, so capacity is what the service could have had on its
///   own: an upper bound.
/// - Group service: demand = seats taken plus waitlist places of its sessions; capacity = the
///   seats of its (non-cancelled) sessions.
public struct ServiceOccupancy: Hashable, Sendable {
    public var service: Service
    public var counts: AppointmentCounts
    public var demand: Int
    public var capacity: Int

    public init(service: Service, counts: AppointmentCounts, demand: Int, capacity: Int) {
        self.service = service
        self.counts = counts
        self.demand = demand
        self.capacity = capacity
    }

    /// demand ÷ capacity; nil when there was no capacity.
    public var demandRatio: Double? { Statistics.ratio(demand, capacity) }
}

/// A service category: its services' appointments, its walk-ins, and demand against capacity.
///
/// Demand = the services' demand plus the category's walk-ins. Capacity = for each counselor
/// who delivers an individual service of the category, the sessions of the shortest such
/// service that fit in their available minutes, plus the seats of the category's group
/// sessions (each counselor counted once per category).
public struct CategoryOccupancy: Hashable, Sendable {
    public var category: ServiceCategory
    public var counts: AppointmentCounts
    public var walkIns: WalkInStats
    public var demand: Int
    public var capacity: Int

    public init(category: ServiceCategory, counts: AppointmentCounts, walkIns: WalkInStats, demand: Int, capacity: Int) {
        self.category = category
        self.counts = counts
        self.walkIns = walkIns
        self.demand = demand
        self.capacity = capacity
    }

    public var demandRatio: Double? { Statistics.ratio(demand, capacity) }
}

/// What the store aggregates in SQL for an occupancy view; `OccupancyReport.init` does the rest.
public struct OccupancyAggregates: Hashable, Sendable {
    /// A resource on a day of the period (index into `ReportingPeriod.days`).
    public struct DayKey: Hashable, Sendable {
        public var id: Int64
        public var day: Int
        public init(id: Int64, day: Int) {
            self.id = id
            self.day = day
        }
    }

    /// Group sessions of a service: seats offered, taken, waitlisted.
    public struct GroupSeatsTotal: Hashable, Sendable {
        public var seats = 0
        public var enrolled = 0
        public var waitlisted = 0
        public init(seats: Int = 0, enrolled: Int = 0, waitlisted: Int = 0) {
            self.seats = seats
            self.enrolled = enrolled
            self.waitlisted = waitlisted
        }
    }

    public var counselorMinutes: [DayKey: Int] = [:]
    public var roomMinutes: [DayKey: Int] = [:]
    /// Appointments by service id.
    public var serviceCounts: [String: AppointmentCounts] = [:]
    /// Group seats by service id.
    public var groupSeats: [String: GroupSeatsTotal] = [:]
    public var walkIns: [ServiceCategory: WalkInStats] = [:]
    /// All categories together (median and p90 are not sums, so they come separately).
    public var walkInsAll = WalkInStats()

    public init() {}
}

/// The coordinator's occupancy view of a period: rooms × days and counselors × days
/// utilization, services and categories with demand against capacity, walk-ins and waits.
/// Aggregate only: names of rooms, counselors and services, never of visitors.
public struct OccupancyReport: Hashable, Sendable {
    public var period: ReportingPeriod
    public var rooms: [ResourceOccupancy]
    public var counselors: [ResourceOccupancy]
    public var services: [ServiceOccupancy]
    public var categories: [CategoryOccupancy]
    public var walkIns: WalkInStats

    public var days: [LocalDate] { period.days }

    /// All rooms (or counselors) together over the period.
    public var roomUtilization: Utilization { rooms.map(\.total).reduce(.zero, +) }
    public var counselorUtilization: Utilization { counselors.map(\.total).reduce(.zero, +) }

    /// Individual and group appointments of every service.
    public var appointments: AppointmentCounts { categories.map(\.counts).reduce(AppointmentCounts(), +) }

    public init(period: ReportingPeriod, rooms: [ResourceOccupancy], counselors: [ResourceOccupancy], services: [ServiceOccupancy],
                categories: [CategoryOccupancy], walkIns: WalkInStats) {
        self.period = period
        self.rooms = rooms
        self.counselors = counselors
        self.services = services
        self.categories = categories
        self.walkIns = walkIns
    }

    /// Builds the view from the store's aggregates and the resources.
    ///
    /// Rows: active rooms and counselors, and inactive ones that have bookings in the period,
    /// in the order given (the store gives them by name). Services: those with appointments or
    /// seats in the period, and the active ones (a service nobody asked for is worth seeing), in
    /// catalog order.
    public init(period: ReportingPeriod, available: AvailableTime, rooms: [Room], counselors: [Counselor], services: [Service],
                aggregates: OccupancyAggregates) {
        let days = period.days
        func row(_ id: Int64, _ name: String, _ active: Bool, _ booked: [OccupancyAggregates.DayKey: Int],
                 _ available: (LocalDate) -> Int) -> ResourceOccupancy? {
            let cells = days.enumerated().map { i, d in
                Utilization(bookedMinutes: booked[.init(id: id, day: i)] ?? 0, availableMinutes: available(d))
            }
            guard active || cells.contains(where: { $0.bookedMinutes > 0 }) else { return nil }
            return ResourceOccupancy(id: id, name: name, active: active, days: cells)
        }
        let roomRows = rooms.compactMap { r in row(r.id, r.name, r.active, aggregates.roomMinutes) { available.minutes(of: r, on: $0) } }
        var counselorAvailable: [Int64: Int] = [:]
        let counselorRows = counselors.compactMap { c -> ResourceOccupancy? in
            let r = row(c.id, c.name, c.active, aggregates.counselorMinutes) { available.minutes(of: c, on: $0) }
            counselorAvailable[c.id] = r?.total.availableMinutes ?? 0
            return r
        }

        var serviceRows: [ServiceOccupancy] = []
        for s in services {
            let counts = aggregates.serviceCounts[s.id] ?? AppointmentCounts()
            let seats = aggregates.groupSeats[s.id] ?? .init()
            guard s.active || counts != AppointmentCounts() || seats != .init() else { continue }
            if s.isGroup {
                serviceRows.append(ServiceOccupancy(service: s, counts: counts, demand: seats.enrolled + seats.waitlisted, capacity: seats.seats))
            } else {
                let capacity = counselors.filter { $0.delivers(s.id) }
                    .reduce(0) { $0 + (counselorAvailable[$1.id] ?? 0) / max(1, s.durationMinutes) }
                serviceRows.append(ServiceOccupancy(service: s, counts: counts, demand: counts.appointments, capacity: capacity))
            }
        }

        let byId = Dictionary(uniqueKeysWithValues: services.map { ($0.id, $0) })
        let categoryRows = ServiceCategory.allCases.map { category -> CategoryOccupancy in
            let rows = serviceRows.filter { $0.service.category == category }
            let counts = rows.map(\.counts).reduce(AppointmentCounts(), +)
            let walkIns = aggregates.walkIns[category] ?? WalkInStats()
            var capacity = rows.filter(\.service.isGroup).reduce(0) { $0 + $1.capacity }
            for c in counselors {
                let durations = c.serviceIds.compactMap { byId[$0] }.filter { $0.category == category && !$0.isGroup }.map(\.durationMinutes)
                if let shortest = durations.min() { capacity += (counselorAvailable[c.id] ?? 0) / max(1, shortest) }
            }
            return CategoryOccupancy(category: category, counts: counts, walkIns: walkIns,
                                     demand: rows.reduce(0) { $0 + $1.demand } + walkIns.arrivals, capacity: capacity)
        }
        self.init(period: period, rooms: roomRows, counselors: counselorRows, services: serviceRows, categories: categoryRows,
                  walkIns: aggregates.walkInsAll)
    }
}
