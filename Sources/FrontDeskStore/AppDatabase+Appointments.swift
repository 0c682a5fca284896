import Foundation
import FrontDeskDomain
import GRDB

/// Free slots, booking, rescheduling, cancelling and statuses of appointments (listings are in
/// `AppDatabase+AppointmentListings`).
///
/// Every booking decision reads, inside its IMMEDIATE write transaction, only the rows that can
/// touch the interval (appointments overlapping it, the counselor's absences then, closures of
/// its local days) and calls `BookingRules`: two terminals can never take the same slot
/// (of two bookings of it at the same instant, exactly one succeeds).
extension AppDatabase: SchedulingRepository {
    // MARK: Free slots

    /// Days searched per read of rows at first; the span doubles while slots are missing, so a
    /// query that finds its slots in the first days reads only those days' rows.
    static let firstSlotChunkDays = 2

    /// The free slots of `SlotFinder`, tier by tier of `CounselorRanking` (the visitor's
    /// speakers' slots before the others'), each tier over the searched days in chunks.
    public func freeSlots(_ query: SlotQuery, now: Date) throws -> [Slot] {
        guard query.limit > 0, query.firstDay <= query.lastDay else { return [] }
        return try writer.read { db in
            let settings = try Self.settings(db)
            let counselors = try Self.fetchCounselors(db, includeInactive: false, ids: query.counselorId.map { [$0] },
                                                      delivering: query.service.id)
                .filter { c in c.delivers(query.service.id) && (query.counselorId.map { $0 == c.id } ?? true) }
            guard !counselors.isEmpty else { return [] }
            let rooms = try Self.fetchRooms(db, includeInactive: false)
            var result: [Slot] = []
            for tier in CounselorRanking(query).tiers(counselors) where result.count < query.limit {
                var rest = query
                rest.limit = query.limit - result.count
                result += try freeSlots(db, rest, counselors: tier, settings: settings, rooms: rooms, now: now)
            }
            return result
        }
    }

    /// The free slots of these counselors, reading the rows of a few days at a time.
    private func freeSlots(_ db: Database, _ query: SlotQuery, counselors: [Counselor], settings: CenterSettings,
                           rooms: [Room], now: Date) throws -> [Slot] {
        var result: [Slot] = []
        var day = query.firstDay
        var span = Self.firstSlotChunkDays
        while day <= query.lastDay && result.count < query.limit {
            let last = min(day.adding(days: span - 1), query.lastDay)
            let window = UTCInterval(start: calendar.startOfDay(day), end: calendar.startOfDay(last.adding(days: 1)))
            let rows = try Self.busyRows(db, overlapping: window)
            var chunk = query
            chunk.firstDay = day
            chunk.lastDay = last
            chunk.limit = query.limit - result.count
            if let visitor = query.visitorId {
                chunk.visitorGroupSessionIds.formUnion(try Self.enrolledSessionIds(db, visitorId: visitor, overlapping: window))
            }
            let finder = SlotFinder(calendar: calendar, settings: settings, counselors: counselors, rooms: rooms,
                                    appointments: rows,
                                    absences: try Self.fetchAbsences(db, counselorId: nil, overlapping: window),
                                    closures: try Self.fetchClosures(db, from: day, through: last))
            result += finder.freeSlots(chunk, now: now)
            day = last.adding(days: 1)
            span *= 2
        }
        return result
    }

    // MARK: Booking

    /// Books the appointment; with `CounselorChoice.anyFree`, chooses its counselor among the
    /// suitable ones free then, in the same IMMEDIATE transaction as the insert. A program
    /// chosen for it (`programId`) is stored with it and audited (`program.chosen`).
    /// - Throws: `ProgramError.unknownProgram` for a program not in the catalog,
    ///   `ProgramError.notCovered` for one that does not fund the service for this visitor's
    ///   status on its day (`Program.covers`); nothing is written.
    public func book(_ new: NewAppointment, by actor: Actor, at now: Date) throws -> AppointmentListing {
        let now = now.storedPrecision
        return try writer.write { db in
            guard let service = try ServiceRecord.fetchOne(db, key: new.serviceId)?.service else {
                throw SchedulingError.serviceNotFound(new.serviceId)
            }
            guard !service.isGroup else { throw SchedulingError.serviceIsGroup(service.id) }
            guard let visitor = try VisitorRecord.fetchOne(db, key: new.visitorId) else { throw SchedulingError.visitorNotFound(new.visitorId) }
            guard !visitor.archived else { throw SchedulingError.invalid(.visitorArchived(visitor.code)) }
            let interval = UTCInterval(start: new.start.storedPrecision, minutes: service.durationMinutes)
            let context = try bookingContext(db, interval: interval, visitorId: new.visitorId, now: now)
            let seats = BookingRequest.defaultSeats(service: service, interpreter: new.interpreterLanguage != nil)
            let room = try Self.room(db, requested: new.roomId, seats: seats, interval: interval, context: context)
            let request: BookingRequest
            switch new.counselor {
            case .named(let id):
                request = BookingRequest(service: service, counselor: try Self.counselor(db, id: id), room: room, visitorId: new.visitorId,
                                         interval: interval, interpreterLanguage: new.interpreterLanguage)
                try Self.validate(request, context)
            case .anyFree(let preferred, let language):
                let ranking = new.counselor.ranking(visitorLanguages: visitor.visitor.languages, interpreterLanguage: new.interpreterLanguage)
                let candidates = ranking.candidates(try Self.fetchCounselors(db, includeInactive: false, delivering: service.id),
                                                    for: service, preferring: preferred)
                guard let first = candidates.first else {
                    throw SchedulingError.noCounselor(serviceId: service.id, language: new.interpreterLanguage == nil ? language : nil)
                }
                let template = BookingRequest(service: service, counselor: first, room: room, visitorId: new.visitorId,
                                              interval: interval, interpreterLanguage: new.interpreterLanguage)
                do { request = try BookingRules.chooseCounselor(candidates, for: template, in: context) } catch { throw error }
            }
            let counselor = request.counselor
            if let program = new.programId {
                try Self.requireProgram(db, program, covering: [service.id], status: visitor.visitor.status, on: calendar.localDate(of: interval.start))
            }
            try db.execute(sql: """
                INSERT INTO appointment (visitor_id, service_id, counselor_id, room_id, start_at, end_at, status,
                                         interpreter_language, note, created_by, created_at, program_id)
                VALUES (?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?)
                """, arguments: [new.visitorId, service.id, counselor.id, room.id, interval.start.epochMilliseconds,
                                 interval.end.epochMilliseconds, new.interpreterLanguage, new.note, actor.name, now.epochMilliseconds,
                                 new.programId])
            let id = db.lastInsertedRowID
            try Self.audit(db, .appointmentBooked, entity: "appointment", entityId: id,
                           detail: "\(visitor.code) \(service.id) counselor \(counselor.id) room \(room.id) \(interval)", by: actor, at: now)
            if let program = new.programId {
                try Self.audit(db, .programChosen, entity: "appointment", entityId: id, detail: program, by: actor, at: now)
            }
            return try Self.listing(db, id: id, calendar: calendar)
        }
    }

    public func reschedule(appointmentId: Int64, to start: Date, counselorId: Int64?, roomId: Int64?,
                           by actor: Actor, at now: Date) throws -> AppointmentListing {
        try reschedule(appointmentId: appointmentId, to: start, counselorId: counselorId, roomId: roomId, as: .fileOwner, by: actor, at: now)
    }

    /// `reschedule` for a signed-in member. - Throws: `AccessError.notAllowed` when `viewer`
    /// may not change this appointment (`Permissions.mayChange`), checked in the transaction.
    /// - Returns: the listing as `viewer` may see it.
    public func reschedule(appointmentId: Int64, to start: Date, counselorId: Int64?, roomId: Int64?,
                           as viewer: Viewer, by actor: Actor, at now: Date) throws -> AppointmentListing {
        let now = now.storedPrecision
        return try writer.write { db in
            let old = try Self.appointmentRow(db, id: appointmentId)
            try Self.requireChange(old, by: viewer)
            guard old.groupSessionId == nil else {
                throw SchedulingError.invalid(.groupSessionMove)
            }
            guard old.status == .booked else {
                throw SchedulingError.invalid(.notBooked(old.status))
            }
            guard let service = try ServiceRecord.fetchOne(db, key: old.serviceId)?.service else {
                throw SchedulingError.serviceNotFound(old.serviceId)
            }
            let counselor = try Self.counselor(db, id: counselorId ?? old.counselorId)
            let interval = UTCInterval(start: start.storedPrecision, minutes: service.durationMinutes)
            let context = try bookingContext(db, interval: interval, visitorId: old.visitorId, now: now)
            let room = try Self.room(db, requested: roomId ?? old.roomId, seats: 1, interval: interval, context: context)
            let request = BookingRequest(service: service, counselor: counselor, room: room, visitorId: old.visitorId,
                                         interval: interval, interpreterLanguage: old.interpreterLanguage,
                                         replacingAppointmentId: old.id)
            try Self.validate(request, context)
            if let program = old.programId, let visitorId = old.visitorId {
                // A program chosen for it must still fund it on the new day (its period).
                let status = try String.fetchOne(db, sql: "SELECT status FROM visitor WHERE id = ?", arguments: [visitorId])
                try Self.requireProgram(db, program, covering: [service.id], status: status.flatMap(LegalStatus.init(rawValue:)),
                                        on: calendar.localDate(of: interval.start))
            }
            try db.execute(sql: "UPDATE appointment SET counselor_id = ?, room_id = ?, start_at = ?, end_at = ? WHERE id = ?",
                           arguments: [counselor.id, room.id, interval.start.epochMilliseconds, interval.end.epochMilliseconds, old.id])
            try Self.audit(db, .appointmentRescheduled, entity: "appointment", entityId: old.id,
                           detail: "\(old.interval) counselor \(old.counselorId) room \(old.roomId) → \(interval) counselor \(counselor.id) room \(room.id)",
                           by: actor, at: now)
            return Permissions.redact(try Self.listing(db, id: old.id, calendar: calendar), for: viewer)
        }
    }

    public func cancel(appointmentId: Int64, reason: String, by actor: Actor, at now: Date) throws -> AppointmentListing {
        try cancel(appointmentId: appointmentId, reason: reason, as: .fileOwner, by: actor, at: now)
    }

    /// `cancel` for a signed-in member. - Throws: `AccessError.notAllowed` when `viewer` may not
    /// change this appointment (`Permissions.mayChange`). - Returns: the listing as `viewer` sees it.
    public func cancel(appointmentId: Int64, reason: String, as viewer: Viewer, by actor: Actor, at now: Date) throws -> AppointmentListing {
        let now = now.storedPrecision
        return try writer.write { db in
            var appointment = try Self.appointmentRow(db, id: appointmentId)
            try Self.requireChange(appointment, by: viewer)
            let before = appointment.status
            do throws(AppointmentStatusError) { try appointment.cancel(reason: reason) } catch { throw SchedulingError.status(error) }
            try db.execute(sql: "UPDATE appointment SET status = 'cancelled', cancel_reason = ? WHERE id = ?",
                           arguments: [appointment.cancelReason, appointment.id])
            try Self.audit(db, .appointmentCancelled, entity: "appointment", entityId: appointment.id,
                           detail: "\(before.rawValue) → cancelled", by: actor, at: now)
            return Permissions.redact(try Self.listing(db, id: appointment.id, calendar: calendar), for: viewer)
        }
    }

    public func setStatus(appointmentId: Int64, to status: AppointmentStatus, by actor: Actor, at now: Date) throws -> AppointmentListing {
        try setStatus(appointmentId: appointmentId, to: status, as: .fileOwner, by: actor, at: now)
    }

    /// `setStatus` for a signed-in member; with `program`, also the program the appointment
    /// counts for (a check-in where the desk changed it), audited as `program.chosen` in the
    /// same transaction when it differs from the stored choice.
    /// - Throws: `AccessError.notAllowed` when `viewer` may not change this appointment
    ///   (`Permissions.mayChange`); `ProgramError` when the program does not fund the service
    ///   for the visitor's status that day (nothing written). - Returns: the listing as `viewer` sees it.
    public func setStatus(appointmentId: Int64, to status: AppointmentStatus, as viewer: Viewer, by actor: Actor,
                          at now: Date, program: ProgramChoice?) throws -> AppointmentListing {
        let now = now.storedPrecision
        return try writer.write { db in
            var appointment = try Self.appointmentRow(db, id: appointmentId)
            try Self.requireChange(appointment, by: viewer)
            let before = appointment.status
            do throws(AppointmentStatusError) { try appointment.advance(to: status, at: now, calendar: calendar) } catch {
                throw SchedulingError.status(error)
            }
            try Self.updateStatus(db, appointment)
            try Self.audit(db, .appointmentStatusChanged, entity: "appointment", entityId: appointment.id,
                           detail: "\(before.rawValue) → \(status.rawValue)", by: actor, at: now)
            if let program, program.programId != appointment.programId {
                try Self.chooseProgram(db, program.programId, for: .appointment(appointment.id), by: actor, at: now, calendar: calendar)
            }
            return Permissions.redact(try Self.listing(db, id: appointment.id, calendar: calendar), for: viewer)
        }
    }

    public func correctStatus(appointmentId: Int64, to status: AppointmentStatus, reason: String,
                              by actor: Actor, at now: Date) throws -> AppointmentListing {
        try correctStatus(appointmentId: appointmentId, to: status, reason: reason, as: .fileOwner, by: actor, at: now)
    }

    /// `correctStatus` for a signed-in member. - Throws: `AccessError.notAllowed` when `viewer`
    /// may not change this appointment (`Permissions.mayChange`). - Returns: the listing as `viewer` sees it.
    public func correctStatus(appointmentId: Int64, to status: AppointmentStatus, reason: String,
                              as viewer: Viewer, by actor: Actor, at now: Date) throws -> AppointmentListing {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw SchedulingError.invalid(.correctionReasonMissing) }
        let now = now.storedPrecision
        return try writer.write { db in
            var appointment = try Self.appointmentRow(db, id: appointmentId)
            try Self.requireChange(appointment, by: viewer)
            if appointment.status == .cancelled && status.holdsResources {
                // Holding its resources again: nobody may have taken them meanwhile.
                let context = try bookingContext(db, interval: appointment.interval, visitorId: appointment.visitorId, now: nil)
                guard let service = try ServiceRecord.fetchOne(db, key: appointment.serviceId)?.service else {
                    throw SchedulingError.serviceNotFound(appointment.serviceId)
                }
                let request = BookingRequest(service: service, counselor: try Self.counselor(db, id: appointment.counselorId),
                                             room: try Self.room(db, id: appointment.roomId), visitorId: appointment.visitorId,
                                             interval: appointment.interval, replacingAppointmentId: appointment.id)
                let conflicts = BookingRules.conflicts(for: request, among: context.appointments,
                                                       visitorGroupSessionIds: context.visitorGroupSessionIds)
                if !conflicts.isEmpty { throw BookingError.refused(conflicts.map(BookingProblem.conflict)) }
            }
            let change = appointment.correct(to: status)
            if status == .cancelled && appointment.cancelReason == nil { appointment.cancelReason = reason }
            try Self.updateStatus(db, appointment)
            try Self.audit(db, .appointmentStatusCorrected, entity: "appointment", entityId: appointment.id,
                           detail: "\(change.from.rawValue) → \(change.to.rawValue): \(reason.prefix(200))", by: actor, at: now)
            return Permissions.redact(try Self.listing(db, id: appointment.id, calendar: calendar), for: viewer)
        }
    }

    // MARK: Internals

    /// Refuses a change by a viewer who may not see whose appointment it is.
    /// - Throws: `AccessError.notAllowed`.
    static func requireChange(_ appointment: Appointment, by viewer: Viewer) throws {
        guard Permissions.mayChange(appointment, viewer) else {
            throw AccessError.notAllowed("this appointment is not yours to change: it shows to you as busy time only")
        }
    }

    /// The rows `BookingRules` needs for a request over `interval`, read in the transaction.
    func bookingContext(_ db: Database, interval: UTCInterval, visitorId: Int64?, now: Date?) throws -> BookingContext {
        let first = calendar.localDate(of: interval.start)
        let last = calendar.localDate(of: interval.end.addingTimeInterval(-1))
        return BookingContext(
            calendar: calendar,
            appointments: try Self.busyRows(db, overlapping: interval, includeCancelled: false),
            absences: try Self.fetchAbsences(db, counselorId: nil, overlapping: interval),
            closures: try Self.fetchClosures(db, from: first, through: max(first, last)),
            openingHours: try Self.settings(db).openingHours,
            visitorGroupSessionIds: try visitorId.map { try Self.enrolledSessionIds(db, visitorId: $0, overlapping: interval) } ?? [],
            now: now)
    }

    /// Runs the rules, rethrowing their typed error.
    static func validate(_ request: BookingRequest, _ context: BookingContext) throws {
        do { try BookingRules.validate(request, in: context) } catch { throw error }
    }

    /// Appointments overlapping `interval` with only the columns the rules and `SlotFinder`
    /// read (ids, times, status). The lower bound on `start_at` keeps the scan to the window.
    static func busyRows(_ db: Database, overlapping interval: UTCInterval, includeCancelled: Bool = false) throws -> [Appointment] {
        let statement = try db.cachedStatement(sql: """
            SELECT id, visitor_id, service_id, counselor_id, room_id, start_at, end_at, status, group_session_id
            FROM appointment
            WHERE start_at >= ? AND start_at < ? AND end_at > ? AND (? OR status <> 'cancelled')
            """)
        let s = interval.start.epochMilliseconds, e = interval.end.epochMilliseconds
        let cursor = try Row.fetchCursor(statement, arguments: [s - maxAppointmentMillis, e, s, includeCancelled])
        var out: [Appointment] = []
        while let r = try cursor.next() {
            out.append(Appointment(id: r[0], visitorId: r[1], serviceId: r[2], counselorId: r[3], roomId: r[4],
                                   start: Date(epochMilliseconds: r[5]), end: Date(epochMilliseconds: r[6]),
                                   status: AppointmentStatus(rawValue: r[7]) ?? .booked, createdBy: "", groupSessionId: r[8]))
        }
        return out
    }

    /// Group sessions the visitor holds a seat in (not waitlisted) whose appointment overlaps.
    static func enrolledSessionIds(_ db: Database, visitorId: Int64, overlapping interval: UTCInterval) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: """
            SELECT e.session_id FROM group_enrollment e JOIN appointment a ON a.group_session_id = e.session_id
            WHERE e.visitor_id = ? AND NOT e.waitlisted AND a.start_at < ? AND a.end_at > ?
            """, arguments: [visitorId, interval.end.epochMilliseconds, interval.start.epochMilliseconds]))
    }

    static func counselor(_ db: Database, id: Int64) throws -> Counselor {
        guard let c = try fetchCounselors(db, ids: [id]).first else { throw SchedulingError.counselorNotFound(id) }
        return c
    }

    static func room(_ db: Database, id: Int64) throws -> Room {
        guard let r = try Row.fetchOne(db, sql: "SELECT * FROM room WHERE id = ?", arguments: [id]) else {
            throw SchedulingError.roomNotFound(id)
        }
        return Room(id: r["id"], name: r["name"], capacity: r["capacity"], active: r["active"])
    }

    /// The requested room, or the smallest free active room with enough seats (ties by id) that
    /// no closure shuts; when none is free, the smallest such room, so the rules name its conflict.
    /// - Throws: `.roomNotFound`, `.noRoomAvailable` when no active room has the seats.
    static func room(_ db: Database, requested: Int64?, seats: Int, interval: UTCInterval, context: BookingContext) throws -> Room {
        if let requested { return try room(db, id: requested) }
        let days = Set([context.calendar.localDate(of: interval.start), context.calendar.localDate(of: interval.end.addingTimeInterval(-1))])
        let candidates = try fetchRooms(db, includeInactive: false)
            .filter { r in r.capacity >= seats && !context.closures.contains { c in c.applies(toRoom: r.id) && days.contains(where: c.covers) } }
            .sorted { ($0.capacity, $0.id) < ($1.capacity, $1.id) }
        guard let smallest = candidates.first else { throw SchedulingError.noRoomAvailable(seats: seats) }
        let busy = Set(context.appointments.filter { $0.status.holdsResources && $0.interval.overlaps(interval) }.map(\.roomId))
        return candidates.first { !busy.contains($0.id) } ?? smallest
    }
}
