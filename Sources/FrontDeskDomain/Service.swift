/// The three kinds of service the center offers; each has its own walk-in queue.
public enum ServiceCategory: String, CaseIterable, Codable, Sendable, Comparable {
    case psychological
    case social
    case professional

    /// The letter that starts a queue ticket of this category: `P-003`, `S-014`, `E-002`
    /// (E for *emploi*: P is taken by psychological).
    public var ticketLetter: Character {
        switch self {
        case .psychological: "P"
        case .social: "S"
        case .professional: "E"
        }
    }

    /// The category whose ticket letter this is (case-insensitive), if any.
    public init?(ticketLetter: Character) {
        guard let c = Self.allCases.first(where: { $0.ticketLetter == Character(ticketLetter.uppercased()) }) else { return nil }
        self = c
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! // safe: every case is in allCases
    }
}

/// A service of the center's catalog, such as individual counseling or language classes.
public struct Service: Hashable, Sendable, Codable, Identifiable {
    /// Stable short key used on the command line and in the catalog (`individual-counseling`).
    public var id: String
    /// Display names, French and English.
    public var nameFr: String
    public var nameEn: String
    public var category: ServiceCategory
    /// Length of one appointment or session, in minutes.
    public var durationMinutes: Int
    /// Seats in a group session; nil for an individual service.
    public var groupCapacity: Int?
    public var active: Bool

    public init(id: String, nameFr: String, nameEn: String, category: ServiceCategory,
                durationMinutes: Int, groupCapacity: Int? = nil, active: Bool = true) {
        self.id = id
        self.nameFr = nameFr
        self.nameEn = nameEn
        self.category = category
        self.durationMinutes = durationMinutes
        self.groupCapacity = groupCapacity
        self.active = active
    }

    public var isGroup: Bool { groupCapacity != nil }
}
