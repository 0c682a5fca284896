import Foundation
import FrontDeskDomain

extension DemoGenerator {
    /// Today's walk-in queue up to `now`, in arrival order: a believable morning at the desk.
    ///
    /// Eight to fifteen arrivals per three hours open (a few at the door at opening, the rest
    /// spread until `now` or closing), for social, professional and psychological queues in
    /// about that order of demand. While the center is open the earlier visits are closed
    /// (mostly seen, some redirected, one or two left unseen), the last arrivals still wait and
    /// the one before them is with a desk; after closing every visit is closed. Before opening
    /// the plan is empty. Each visitor comes at most once, and only those aged 16 or more (or of
    /// unknown age) come alone. Closures and weekends are the caller's business.
    ///
    /// Deterministic for a seed and a center-local day; independent of how many visitors were
    /// generated before. - Parameters:
    ///   - visitors: the visitors to choose from (indices refer to this array).
    ///   - opensAt, closesAt: the center's hours, center-local.
    public func walkIns(for visitors: [NewVisitor], now: Date, calendar: CenterCalendar,
                        opensAt: (hour: Int, minute: Int) = (9, 0),
                        closesAt: (hour: Int, minute: Int) = (17, 0), perDay: Int? = nil) -> [WalkInRecord] {
        let today = calendar.localDate(of: now)
        var random = DemoRandom(seed: seed ^ 0x5741_4C4B_494E_5321 ^ UInt64(today.compactKey))
        let opening = Self.instant(on: today, at: opensAt, in: calendar)
        let closing = Self.instant(on: today, at: closesAt, in: calendar)
        let end = min(now, closing)
        guard opening < end else { return [] }
        let isOpen = now < closing

        let year = today.year
        var eligible = visitors.indices.filter { visitors[$0].birthYear.map { year - $0 >= 16 } ?? true }
        let span = end.timeIntervalSince(opening)
        let perThreeHours = Double(random.int(in: 8...15))
        var wanted = Int((perThreeHours * min(2.5, max(0.4, span / 10_800))).rounded())
        if let perDay { wanted = perDay * random.int(in: 80...120) / 100 }
        let count = min(eligible.count, max(1, wanted))
        guard count > 0 else { return [] }

        // Distinct visitors: a partial Fisher–Yates shuffle of the eligible indices.
        for i in 0..<count {
            eligible.swapAt(i, i + random.below(eligible.count - i))
        }
        // While open: the last few wait, the one before them is with a desk, the earlier ones are done.
        let waiting = isOpen ? max(1, min(random.int(in: 2...4), count - 1)) : 0
        let withDesk = isOpen && count > waiting ? 1 : 0
        let done = count - waiting - withDesk

        // Those still waiting came in the last 40 minutes, the one with a desk in the last hour;
        // the others queued at the door at opening or came any time since.
        let spanSeconds = Int(span)
        var arrivals = (0..<count).map { i -> Date in
            let secondsAgo: Int
            if i < waiting {
                secondsAgo = random.below(min(spanSeconds, 40 * 60) + 1)
            } else if i < waiting + withDesk {
                secondsAgo = random.below(min(spanSeconds, 60 * 60) + 1)
            } else if i < waiting + withDesk + done / 4 {
                return opening.addingTimeInterval(TimeInterval(random.below(min(spanSeconds, 600) + 1)))
            } else {
                return opening.addingTimeInterval(TimeInterval(random.below(spanSeconds + 1)))
            }
            return end.addingTimeInterval(-TimeInterval(secondsAgo))
        }
        arrivals.sort()

        let categories: DemoWeighted<ServiceCategory> = [.social: 45, .professional: 33, .psychological: 22]
        var plan = (0..<count).map { i in
            WalkInRecord(visitorIndex: eligible[i], category: categories.pick(&random), arrivedAt: arrivals[i])
        }

        var unseen = Set<Int>()
        if done >= 5 {
            for _ in 0..<random.int(in: 1...2) { unseen.insert(random.int(in: 2...(done - 1))) }
        }

        // Each desk serves one visitor at a time, in arrival order.
        var deskFreeAt: [String: Date] = [:]
        for i in 0..<done {
            let arrived = plan[i].arrivedAt
            let latestEnd = now.addingTimeInterval(-60)
            if unseen.contains(i) {
                let gaveUp = arrived.addingTimeInterval(TimeInterval(random.int(in: 40...100) * 60))
                if gaveUp <= latestEnd {
                    plan[i].leftAt = gaveUp
                    plan[i].outcome = .leftUnseen
                    continue
                }
            }
            let desk = Self.freestDesk(for: plan[i].category, deskFreeAt)
            var called = max(arrived.addingTimeInterval(TimeInterval(random.int(in: 2...20) * 60)),
                             (deskFreeAt[desk] ?? opening).addingTimeInterval(TimeInterval(random.int(in: 1...4) * 60)))
            var left = called.addingTimeInterval(TimeInterval(random.int(in: 10...35) * 60))
            if left > latestEnd {
                // Squeeze a visit that would end after now into the time there was.
                let start = max(arrived, min(called, deskFreeAt[desk] ?? arrived))
                let total = max(0, latestEnd.timeIntervalSince(start))
                called = start.addingTimeInterval((total * Double(random.int(in: 10...40)) / 100).rounded(.down))
                let rest = max(0, latestEnd.timeIntervalSince(called))
                left = called.addingTimeInterval((rest * Double(random.int(in: 50...100)) / 100).rounded(.down))
            }
            plan[i].calledAt = called
            plan[i].calledBy = desk
            plan[i].leftAt = left
            plan[i].outcome = random.percent(88) ? .seen : .redirected
            deskFreeAt[desk] = left
        }
        if withDesk == 1 {
            let i = done
            let arrived = plan[i].arrivedAt
            let desk = Self.freestDesk(for: plan[i].category, deskFreeAt)
            let called = max(arrived.addingTimeInterval(TimeInterval(random.int(in: 2...15) * 60)),
                             (deskFreeAt[desk] ?? opening).addingTimeInterval(TimeInterval(random.int(in: 1...4) * 60)))
            plan[i].calledAt = min(called, now)
            plan[i].calledBy = desk
        }
        return plan
    }

    /// Walk-ins of past days, `first...last`, for a history (occupancy and reports): each open
    /// day is played as `walkIns` after closing, so every visit is closed. `isOpen` says which
    /// days the center opened (opening hours, closures). About `perDay` visits a day (±20 %),
    /// else as many as `walkIns` makes for a day.
    public func walkInHistory(for visitors: [NewVisitor], from first: LocalDate, through last: LocalDate, calendar: CenterCalendar,
                              perDay: Int? = nil, isOpen: (LocalDate) -> Bool) -> [WalkInRecord] {
        var out: [WalkInRecord] = []
        var day = first
        while day <= last {
            defer { day = day.adding(days: 1) }
            guard isOpen(day) else { continue }
            let closing = Self.instant(on: day, at: (17, 0), in: calendar)
            out += walkIns(for: visitors, now: closing, calendar: calendar, perDay: perDay)
        }
        return out
    }

    /// The desks that serve a queue: two for social, one for professional, one for psychological.
    private static func desks(for category: ServiceCategory) -> [String] {
        switch category {
        case .social: ["Desk 1", "Desk 2"]
        case .professional: ["Desk 3"]
        case .psychological: ["Desk 4"]
        }
    }

    /// The queue's desk that is free soonest (never used counts as free), the first on a tie.
    private static func freestDesk(for category: ServiceCategory, _ freeAt: [String: Date]) -> String {
        let desks = desks(for: category)
        return desks.min { (freeAt[$0] ?? .distantPast) < (freeAt[$1] ?? .distantPast) } ?? desks[0]
    }

    /// The instant of a center-local wall-clock time on a day (the first valid time after a gap).
    private static func instant(on day: LocalDate, at time: (hour: Int, minute: Int), in calendar: CenterCalendar) -> Date {
        let wall = LocalTime(minutesSinceMidnight: time.hour * 60 + time.minute)
        return wall.flatMap { calendar.instants(day, $0).first } ?? calendar.startOfDay(day).addingTimeInterval(TimeInterval(time.hour * 3600 + time.minute * 60))
    }
}
