import Foundation

/// A staff member who delivers services: what, in which languages, and when.
public struct Counselor: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    /// Display name, any script, NFC.
    public var name: String
    /// `Service.id`s this counselor delivers (`individual-counseling`).
    public var serviceIds: [String]
    /// Languages spoken, ISO 639 codes (639-1 where one exists, else 639-3: `ary` for Darija).
    public var languages: [String]
    /// Weekly working hours in center-local time; breaks are the gaps.
    public var hours: WeeklyHours
    /// An inactive counselor keeps their history but gets no new bookings or slots.
    public var active: Bool

    public init(id: Int64, name: String, serviceIds: [String], languages: [String], hours: WeeklyHours, active: Bool = true) {
        self.id = id
        self.name = name
        self.serviceIds = serviceIds
        self.languages = languages
        self.hours = hours
        self.active = active
    }

    /// True when `serviceIds` lists the service.
    public func delivers(_ serviceId: String) -> Bool { serviceIds.contains(serviceId) }

    /// True when the counselor speaks the language (codes compared case-insensitively).
    public func speaks(_ language: String) -> Bool {
        languages.contains { $0.caseInsensitiveCompare(language) == .orderedSame }
    }

    /// The first of `preferred` that the counselor speaks, and its position in `preferred`.
    public func firstSpoken(of preferred: [String]) -> (language: String, rank: Int)? {
        for (i, l) in preferred.enumerated() where speaks(l) { return (l, i) }
        return nil
    }
}

/// A time a counselor is away (leave, training, sickness): no bookings or slots overlap it.
public struct Absence: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var counselorId: Int64
    /// UTC instants, half-open.
    public var interval: UTCInterval
    /// Free text for staff (`Formation`, `Congé`); not shown to visitors.
    public var reason: String

    public init(id: Int64, counselorId: Int64, interval: UTCInterval, reason: String) {
        self.id = id
        self.counselorId = counselorId
        self.interval = interval
        self.reason = reason
    }
}
