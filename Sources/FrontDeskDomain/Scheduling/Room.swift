/// A room where appointments and sessions take place.
public struct Room: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    /// `Salle 2`.
    public var name: String
    /// Seats for attendees (the counselor not counted).
    public var capacity: Int
    /// An inactive room keeps its history but gets no new bookings or slots.
    public var active: Bool

    public init(id: Int64, name: String, capacity: Int, active: Bool = true) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.active = active
    }
}

/// Whole days when the center, or one room, is closed: public holidays, Eid al-Fitr and Eid
/// al-Adha (set each year), works in a room.
///
/// The span is in center-local calendar days, `first...last` inclusive; a closure has no time
/// and no zone, so it is the same days wherever it is shown or exported (iCalendar writes it as
/// `VALUE=DATE` with an exclusive end, whatever the process's time zone).
public struct Closure: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var first: LocalDate
    /// Last closed day, inclusive (equal to `first` for one day).
    public var last: LocalDate
    /// The closed room, or nil when the whole center is closed.
    public var roomId: Int64?
    /// `Fermeture — Aïd`.
    public var label: String

    public init(id: Int64, first: LocalDate, last: LocalDate, roomId: Int64? = nil, label: String) {
        self.id = id
        self.first = first
        self.last = last
        self.roomId = roomId
        self.label = label
    }

    /// True when `date` lies in `first...last` (never when `last < first`).
    public func covers(_ date: LocalDate) -> Bool { first <= date && date <= last }

    /// True when the closure shuts this room: a whole-center closure or one of this room.
    public func applies(toRoom id: Int64) -> Bool { roomId == nil || roomId == id }

    /// True for a whole-center closure.
    public var isCenterWide: Bool { roomId == nil }
}
