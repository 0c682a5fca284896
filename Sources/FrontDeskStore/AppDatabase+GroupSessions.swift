import Foundation
import FrontDeskDomain
import GRDB

/// Group sessions: scheduling (once or weekly), enrollment, waitlist and promotion.
extension AppDatabase {
    public func groupSessions(serviceId: String?, overlapping interval: UTCInterval) throws -> [GroupSessionListing] {
        try writer.read { db in
            var condition = "a.group_session_id IS NOT NULL AND a.start_at >= ? AND a.start_at < ? AND a.end_at > ?"
            var arguments: StatementArguments = [interval.start.epochMilliseconds - Self.maxAppointmentMillis,
                                                 interval.end.epochMilliseconds, interval.start.epochMilliseconds]
            if let serviceId {
                condition += " AND a.service_id = ?"
                arguments += [serviceId]
            }
            return try Self.listings(db, where: condition, arguments: arguments, calendar: calendar).map { listing in
                GroupSessionListing(session: try Self.session(db, id: listing.appointment.groupSessionId ?? 0), appointment: listing)
            }
        }
    }

    public func groupSession(id: Int64) throws -> GroupSessionListing? {
        try writer.read { db in
            guard let listing = try Self.listings(db, where: "a.group_session_id = ?", arguments: [id], calendar: calendar).first else {
                return nil
            }
            return GroupSessionListing(session: try Self.session(db, id: id), appointment: listing)
        }
    }

    public func scheduleGroupSession(_ new: NewGroupSession, by actor: Actor, at now: Date) throws -> GroupScheduleResult {
        let now = now.storedPrecision
        return try writer.write { db in
            guard let service = try ServiceRecord.fetchOne(db, key: new.serviceId)?.service else {
                throw SchedulingError.serviceNotFound(new.serviceId)
            }
            guard let groupCapacity = service.groupCapacity else { throw SchedulingError.serviceIsNotGroup(service.id) }
            let capacity = new.capacity ?? groupCapacity
            guard capacity > 0 else { throw SchedulingError.invalid(.groupSessionWithoutSeats) }
            let counselor = try Self.counselor(db, id: new.counselorId)
            let room = try Self.room(db, id: new.roomId)
            let recurrence = WeeklyRecurrence(start: new.start, until: new.until ?? new.start.date)
            let closures = try Self.fetchClosures(db, from: new.start.date, through: recurrence.until)
            var scheduled: [GroupSessionListing] = []
            var skipped: [GroupScheduleResult.Skipped] = []
            var seriesId: Int64?
            for occurrence in recurrence.occurrences(durationMinutes: service.durationMinutes, calendar: calendar,
                                                      closures: closures, roomId: room.id) {
                let interval: UTCInterval
                switch occurrence.outcome {
                case .skipped(let reason):
                    skipped.append(.init(date: occurrence.date, reason: .recurrence(reason)))
                    continue
                case .scheduled(let i): interval = i
                }
                let request = BookingRequest(service: service, counselor: counselor, room: room, visitorId: nil,
                                             interval: interval, seats: capacity)
                let context = try bookingContext(db, interval: interval, visitorId: nil, now: now)
                do throws(BookingError) {
                    try BookingRules.validate(request, in: context)
                } catch {
                    skipped.append(.init(date: occurrence.date, reason: .refused(error)))
                    continue
                }
                try db.execute(sql: "INSERT INTO group_session (service_id, capacity, series_id) VALUES (?, ?, ?)",
                               arguments: [service.id, capacity, seriesId])
                let sessionId = db.lastInsertedRowID
                if new.until != nil && seriesId == nil {
                    seriesId = sessionId
                    try db.execute(sql: "UPDATE group_session SET series_id = id WHERE id = ?", arguments: [sessionId])
                }
                try db.execute(sql: """
                    INSERT INTO appointment (group_session_id, service_id, counselor_id, room_id, start_at, end_at, status,
                                             note, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?)
                    """, arguments: [sessionId, service.id, counselor.id, room.id, interval.start.epochMilliseconds,
                                     interval.end.epochMilliseconds, new.note, actor.name, now.epochMilliseconds])
                let appointmentId = db.lastInsertedRowID
                try Self.audit(db, .groupSessionScheduled, entity: "group_session", entityId: sessionId,
                               detail: "\(service.id) \(capacity) seats counselor \(counselor.id) room \(room.id) \(interval)",
                               by: actor, at: now)
                scheduled.append(GroupSessionListing(session: GroupSession(id: sessionId, serviceId: service.id, capacity: capacity),
                                                     appointment: try Self.listing(db, id: appointmentId, calendar: calendar)))
            }
            return GroupScheduleResult(scheduled: scheduled, skipped: skipped)
        }
    }

    public func enroll(visitorId: Int64, sessionId: Int64, by actor: Actor, at now: Date) throws -> EnrollmentOutcome {
        let now = now.storedPrecision
        return try writer.write { db in
            let (session, appointment) = try Self.openSession(db, id: sessionId)
            guard let visitor = try VisitorRecord.fetchOne(db, key: visitorId) else { throw SchedulingError.visitorNotFound(visitorId) }
            guard !visitor.archived else { throw SchedulingError.invalid(.visitorArchived(visitor.code)) }
            // The visitor must be free then (own appointments and other sessions they sit in).
            let context = try bookingContext(db, interval: appointment.interval, visitorId: visitorId, now: nil)
            let busy = context.appointments.filter {
                $0.id != appointment.id && $0.status.holdsResources && $0.interval.overlaps(appointment.interval)
                    && ($0.visitorId == visitorId || $0.groupSessionId.map(context.visitorGroupSessionIds.contains) == true)
            }
            if !busy.isEmpty {
                throw BookingError.refused(busy.map {
                    .conflict(BookingConflict(resource: .visitor(id: visitorId), appointmentId: $0.id, interval: $0.interval))
                })
            }
            let result: (session: GroupSession, outcome: EnrollmentOutcome)
            do throws(GroupSessionError) { result = try session.enrolling(visitorId) } catch { throw SchedulingError.group(error) }
            let waitlisted: Bool
            if case .waitlisted = result.outcome { waitlisted = true } else { waitlisted = false }
            let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM group_enrollment WHERE session_id = ?", arguments: [sessionId]) ?? 0) + 1
            try db.execute(sql: "INSERT INTO group_enrollment (session_id, visitor_id, waitlisted, seq, at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [sessionId, visitorId, waitlisted, seq, now.epochMilliseconds])
            try Self.audit(db, waitlisted ? .groupWaitlisted : .groupEnrolled, entity: "group_session", entityId: sessionId,
                           detail: waitlisted ? "\(visitor.code) waitlisted, position \(result.session.waitlist.count)" : "\(visitor.code) enrolled",
                           by: actor, at: now)
            return result.outcome
        }
    }

    public func groupAttendees(sessionId: Int64) throws -> [GroupAttendee] {
        try writer.read { db in
            _ = try Self.session(db, id: sessionId)
            return try Self.attendees(db, sessionId: sessionId)
        }
    }

    public func markGroupArrival(sessionId: Int64, visitorId: Int64, by actor: Actor, at now: Date) throws -> [GroupAttendee] {
        let now = now.storedPrecision
        return try writer.write { db in
            let (session, _) = try Self.openSession(db, id: sessionId)
            guard session.enrolled.contains(visitorId) else {
                throw SchedulingError.invalid(.noSeatHeld)
            }
            let arrived = try Int64.fetchOne(db, sql: "SELECT arrived_at FROM group_enrollment WHERE session_id = ? AND visitor_id = ?",
                                             arguments: [sessionId, visitorId])
            if arrived == nil {
                try db.execute(sql: "UPDATE group_enrollment SET arrived_at = ? WHERE session_id = ? AND visitor_id = ?",
                               arguments: [now.epochMilliseconds, sessionId, visitorId])
                let code = try VisitorRecord.fetchOne(db, key: visitorId)?.code
                try Self.audit(db, .groupArrived, entity: "group_session", entityId: sessionId,
                               detail: "\(code.map { "\($0)" } ?? "visitor \(visitorId)") arrived", by: actor, at: now)
            }
            return try Self.attendees(db, sessionId: sessionId)
        }
    }

    /// The seated visitors of a session in order of enrollment, with their arrival.
    static func attendees(_ db: Database, sessionId: Int64) throws -> [GroupAttendee] {
        try Row.fetchAll(db, sql: """
            SELECT v.id, v.code_year, v.code_number, v.given_name, v.family_name, e.arrived_at
            FROM group_enrollment e JOIN visitor v ON v.id = e.visitor_id
            WHERE e.session_id = ? AND NOT e.waitlisted ORDER BY e.seq
            """, arguments: [sessionId]).map { row in
            GroupAttendee(visitorId: row["id"], code: VisitorCode(year: row["code_year"], number: row["code_number"]),
                          name: Visitor.fullName(given: row["given_name"], family: row["family_name"]),
                          arrivedAt: (row["arrived_at"] as Int64?).map(Date.init(epochMilliseconds:)))
        }
    }

    public func cancelEnrollment(visitorId: Int64, sessionId: Int64, by actor: Actor, at now: Date) throws -> Int64? {
        let now = now.storedPrecision
        return try writer.write { db in
            let session = try Self.session(db, id: sessionId)
            let result: (session: GroupSession, promoted: Int64?)
            do throws(GroupSessionError) { result = try session.cancelling(visitorId) } catch { throw SchedulingError.group(error) }
            try db.execute(sql: "DELETE FROM group_enrollment WHERE session_id = ? AND visitor_id = ?", arguments: [sessionId, visitorId])
            try Self.audit(db, .groupEnrollmentCancelled, entity: "group_session", entityId: sessionId,
                           detail: "visitor \(visitorId)", by: actor, at: now)
            if let promoted = result.promoted {
                let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM group_enrollment WHERE session_id = ?", arguments: [sessionId]) ?? 0) + 1
                try db.execute(sql: "UPDATE group_enrollment SET waitlisted = 0, seq = ? WHERE session_id = ? AND visitor_id = ?",
                               arguments: [seq, sessionId, promoted])
                try Self.audit(db, .groupPromoted, entity: "group_session", entityId: sessionId,
                               detail: "visitor \(promoted) from the waitlist", by: actor, at: now)
            }
            return result.promoted
        }
    }

    // MARK: Internals

    /// A session with its enrolled visitors and waitlist, each in order.
    static func session(_ db: Database, id: Int64) throws -> GroupSession {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM group_session WHERE id = ?", arguments: [id]) else {
            throw SchedulingError.groupSessionNotFound(id)
        }
        let people = try Row.fetchAll(db, sql: "SELECT visitor_id, waitlisted FROM group_enrollment WHERE session_id = ? ORDER BY seq",
                                      arguments: [id])
        return GroupSession(id: id, serviceId: row["service_id"], capacity: row["capacity"],
                            enrolled: people.filter { !$0["waitlisted"] }.map { $0["visitor_id"] },
                            waitlist: people.filter { $0["waitlisted"] }.map { $0["visitor_id"] })
    }

    /// A session and its appointment, refused when the session is cancelled or over.
    /// - Throws: `SchedulingError.groupSessionNotFound`, `SchedulingError.invalid`.
    static func openSession(_ db: Database, id: Int64) throws -> (GroupSession, Appointment) {
        let session = try Self.session(db, id: id)
        let appointment = try Self.sessionAppointment(db, sessionId: id)
        guard !appointment.status.isFinal else {
            throw SchedulingError.invalid(.sessionClosed(appointment.status))
        }
        return (session, appointment)
    }

    static func sessionAppointment(_ db: Database, sessionId: Int64) throws -> Appointment {
        guard let r = try Row.fetchOne(db, sql: "SELECT * FROM appointment WHERE group_session_id = ?", arguments: [sessionId]) else {
            throw SchedulingError.groupSessionNotFound(sessionId)
        }
        return appointment(r)
    }
}
