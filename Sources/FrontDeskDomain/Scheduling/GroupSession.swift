/// A group session: one appointment of a group service (`Appointment.groupSessionId`), with
/// seats up to `capacity`, the enrolled visitors and a waitlist, both in order of arrival.
///
/// Pure value: each change returns the new session and what happened; the store saves it in
/// the same transaction that read it.
public struct GroupSession: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var serviceId: String
    /// Seats (the service's `groupCapacity` unless changed for this session).
    public var capacity: Int
    /// Visitor ids holding a seat, in enrollment order.
    public private(set) var enrolled: [Int64]
    /// Visitor ids waiting for a seat, first come first served.
    public private(set) var waitlist: [Int64]

    public init(id: Int64, serviceId: String, capacity: Int, enrolled: [Int64] = [], waitlist: [Int64] = []) {
        self.id = id
        self.serviceId = serviceId
        self.capacity = capacity
        self.enrolled = enrolled
        self.waitlist = waitlist
    }

    /// Seats still free (never negative).
    public var seatsLeft: Int { max(0, capacity - enrolled.count) }

    /// The visitor's place: enrolled, waitlisted at a 1-based position, or nil.
    public func place(of visitorId: Int64) -> EnrollmentOutcome? {
        if enrolled.contains(visitorId) { return .enrolled }
        if let i = waitlist.firstIndex(of: visitorId) { return .waitlisted(position: i + 1) }
        return nil
    }

    /// Enrolls the visitor if a seat is free, else appends them to the waitlist.
    /// - Throws: `.alreadyEnrolled`, `.alreadyWaitlisted(position:)`.
    public func enrolling(_ visitorId: Int64) throws(GroupSessionError) -> (session: GroupSession, outcome: EnrollmentOutcome) {
        switch place(of: visitorId) {
        case .enrolled: throw .alreadyEnrolled
        case .waitlisted(let p): throw .alreadyWaitlisted(position: p)
        case nil: break
        }
        var next = self
        if seatsLeft > 0 {
            next.enrolled.append(visitorId)
            return (next, .enrolled)
        }
        next.waitlist.append(visitorId)
        return (next, .waitlisted(position: next.waitlist.count))
    }

    /// Cancels the visitor's enrollment or waitlist place. Freeing a seat promotes the first on
    /// the waitlist (if any) when a seat is then free; leaving the waitlist promotes nobody.
    /// - Returns: the new session and the promoted visitor id, if any.
    /// - Throws: `.notEnrolled` when the visitor holds neither a seat nor a waitlist place.
    public func cancelling(_ visitorId: Int64) throws(GroupSessionError) -> (session: GroupSession, promoted: Int64?) {
        var next = self
        if let i = next.enrolled.firstIndex(of: visitorId) {
            next.enrolled.remove(at: i)
            let promoted = next.promoteWhileSeatsFree()
            return (next, promoted.first)
        }
        if let i = next.waitlist.firstIndex(of: visitorId) {
            next.waitlist.remove(at: i)
            return (next, nil)
        }
        throw .notEnrolled
    }

    /// Changes the capacity. Growing promotes from the waitlist in order; shrinking below the
    /// enrolled count keeps everyone enrolled (nobody loses a seat they were given).
    /// - Returns: the new session and the promoted visitor ids, in order.
    public func resized(to capacity: Int) -> (session: GroupSession, promoted: [Int64]) {
        var next = self
        next.capacity = max(0, capacity)
        let promoted = next.promoteWhileSeatsFree()
        return (next, promoted)
    }

    private mutating func promoteWhileSeatsFree() -> [Int64] {
        var promoted: [Int64] = []
        while seatsLeft > 0, !waitlist.isEmpty {
            let v = waitlist.removeFirst()
            enrolled.append(v)
            promoted.append(v)
        }
        return promoted
    }
}

/// Where an enrollment put the visitor.
public enum EnrollmentOutcome: Hashable, Sendable, Codable {
    case enrolled
    /// 1-based position on the waitlist.
    case waitlisted(position: Int)
}

/// An enrollment change that cannot be made.
public enum GroupSessionError: Error, Hashable, Sendable {
    case alreadyEnrolled
    case alreadyWaitlisted(position: Int)
    case notEnrolled
}
