import Foundation
import FrontDeskDomain
import GRDB

/// Free slots, booking, rescheduling, cancelling, statuses and listings of appointments.
///
/// Every booking decision reads, inside its IMMEDIATE write transaction, only the rows that can
/// touch the interval (appointments overlapping it, the counselor's absences then, closures of
/// its local days) and calls `BookingRules`: two terminals can never take the same slot
/// (cases/concurrency.md C1).
extension AppDatabase: SchedulingRepository {
    // MARK: Free slots

    /// Days searched per read of rows at first; the span doubles while slots are missing, so a
    /// query that finds its slots in the first days reads only those days' rows.
    static let firstSlotChunkDays = 2

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
    }

    // MARK: Booking

    public func book(_ new: NewAppointment, by actor: Actor, at now: Date) throws -> AppointmentListing {
        let now = now.storedPrecision
        return try writeImmediately { db in
            guard let service = try ServiceRecord.fetchOne(db, key: new.serviceId)?.service else {
                throw SchedulingError.serviceNotFound(new.serviceId)
            }
            guard !service.isGroup else { throw SchedulingError.serviceIsGroup(service.id) }
            guard let visitor = try VisitorRecord.fetchOne(db, key: new.visitorId) else { throw SchedulingError.visitorNotFound(new.visitorId) }
            guard !visitor.archived else { throw SchedulingError.invalid("the visitor \(visitor.code) is archived") }
            let counselor = try Self.counselor(db, id: new.counselorId)
            let interval = UTCInterval(start: new.start.storedPrecision, minutes: service.durationMinutes)
            let context = try bookingContext(db, interval: interval, visitorId: new.visitorId, now: now)
            let seats = BookingRequest.defaultSeats(service: service, interpreter: new.interpreterLanguage != nil)
            let room = try Self.room(db, requested: new.roomId, seats: seats, interval: interval, context: context)
            let request = BookingRequest(service: service, counselor: counselor, room: room, visitorId: new.visitorId,
                                         interval: interval, interpreterLanguage: new.interpreterLanguage)
            try Self.validate(request, context)
            try db.execute(sql: """
                INSERT INTO appointment (visitor_id, service_id, counselor_id, room_id, start_at, end_at, status,
                                         interpreter_language, note, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?)
                """, arguments: [new.visitorId, service.id, counselor.id, room.id, interval.start.epochMilliseconds,
                                 interval.end.epochMilliseconds, new.interpreterLanguage, new.note, actor.name, now.epochMilliseconds])
            let id = db.lastInsertedRowID
            try Self.audit(db, .appointmentBooked, entity: "appointment", entityId: id,
                           detail: "\(visitor.code) \(service.id) counselor \(counselor.id) room \(room.id) \(interval)", by: actor, at: now)
            return try Self.listing(db, id: id, calendar: calendar)
        }
    }

    public func reschedule(appointmentId: Int64, to start: Date, counselorId: Int64?, roomId: Int64?,
                           by actor: Actor, at now: Date) throws -> AppointmentListing {
        let now = now.storedPrecision
        return try writeImmediately { db in
            let old = try Self.appointmentRow(db, id: appointmentId)
            guard old.groupSessionId == nil else {
                throw SchedulingError.invalid("a group session is moved by cancelling it and scheduling another")
            }
            guard old.status == .booked else {
                throw SchedulingError.invalid("only a booked appointment can be moved (this one is \(old.status.rawValue))")
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
            try db.execute(sql: "UPDATE appointment SET counselor_id = ?, room_id = ?, start_at = ?, end_at = ? WHERE id = ?",
                           arguments: [counselor.id, room.id, interval.start.epochMilliseconds, interval.end.epochMilliseconds, old.id])
            try Self.audit(db, .appointmentRescheduled, entity: "appointment", entityId: old.id,
                           detail: "\(old.interval) counselor \(old.counselorId) room \(old.roomId) → \(interval) counselor \(counselor.id) room \(room.id)",
                           by: actor, at: now)
            return try Self.listing(db, id: old.id, calendar: calendar)
        }
    }

    public func cancel(appointmentId: Int64, reason: String, by actor: Actor, at now: Date) throws -> AppointmentListing {
        let now = now.storedPrecision
        return try writeImmediately { db in
            var appointment = try Self.appointmentRow(db, id: appointmentId)
            let before = appointment.status
            do throws(AppointmentStatusError) { try appointment.cancel(reason: reason) } catch { throw SchedulingError.status(error) }
            try db.execute(sql: "UPDATE appointment SET status = 'cancelled', cancel_reason = ? WHERE id = ?",
                           arguments: [appointment.cancelReason, appointment.id])
            try Self.audit(db, .appointmentCancelled, entity: "appointment", entityId: appointment.id,
                           detail: "\(before.rawValue) → cancelled", by: actor, at: now)
            return try Self.listing(db, id: appointment.id, calendar: calendar)
        }
    }

    public func setStatus(appointmentId: Int64, to status: AppointmentStatus, by actor: Actor, at now: Date) throws -> AppointmentListing {
        let now = now.storedPrecision
        return try writeImmediately { db in
            var appointment = try Self.appointmentRow(db, id: appointmentId)
            let before = appointment.status
            do throws(AppointmentStatusError) { try appointment.advance(to: status) } catch { throw SchedulingError.status(error) }
            try Self.updateStatus(db, appointment)
            try Self.audit(db, .appointmentStatusChanged, entity: "appointment", entityId: appointment.id,
                           detail: "\(before.rawValue) → \(status.rawValue)", by: actor, at: now)
            return try Self.listing(db, id: appointment.id, calendar: calendar)
        }
    }

    public func correctStatus(appointmentId: Int64, to status: AppointmentStatus, reason: String,
                              by actor: Actor, at now: Date) throws -> AppointmentListing {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw SchedulingError.invalid("a correction needs a reason") }
        let now = now.storedPrecision
        return try writeImmediately { db in
            var appointment = try Self.appointmentRow(db, id: appointmentId)
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
            return try Self.listing(db, id: appointment.id, calendar: calendar)
        }
    }

    // MARK: Listings

    /// One appointment as `viewer` may see it (`Permissions.redact`), nil when none has the id.
    public func appointment(id: Int64, as viewer: Viewer) throws -> AppointmentListing? {
        try writer.read { db in
            try Self.listings(db, where: "a.id = ?", arguments: [id], calendar: calendar, viewer: viewer).first
        }
    }

    /// Appointments overlapping `interval` (of one counselor, or all), by start, as `viewer` may
    /// see them: a receptionist gets no counselor notes and "appointment" for psychological
    /// services; a counselor sees other counselors' appointments as busy times only.
    public func appointments(counselorId: Int64?, overlapping interval: UTCInterval, as viewer: Viewer) throws -> [AppointmentListing] {
        try writer.read { db in
            var condition = "a.start_at >= ? AND a.start_at < ? AND a.end_at > ?"
            var arguments: StatementArguments = [interval.start.epochMilliseconds - Self.maxAppointmentMillis,
                                                 interval.end.epochMilliseconds, interval.start.epochMilliseconds]
            if let counselorId {
                condition += " AND a.counselor_id = ?"
                arguments += [counselorId]
            }
            return try Self.listings(db, where: condition, arguments: arguments, order: "a.start_at, c.name, a.id", calendar: calendar,
                                     viewer: viewer)
        }
    }

    /// A visitor's appointments and group places, newest first, at most `limit`, as `viewer`
    /// may see them. A counselor who is not among the visitor's counselors gets busy times only.
    public func appointments(visitorId: Int64, limit: Int, as viewer: Viewer) throws -> [AppointmentListing] {
        try writer.read { db in
            try Self.listings(db, where: """
                (a.visitor_id = ? OR a.group_session_id IN (SELECT session_id FROM group_enrollment WHERE visitor_id = ?))
                """, arguments: [visitorId, visitorId], order: "a.start_at DESC, a.id DESC", limit: max(0, limit), calendar: calendar)
            .map { listing in
                var withPlace = listing
                if let sessionId = listing.appointment.groupSessionId {
                    withPlace.place = try Self.session(db, id: sessionId).place(of: visitorId)
                }
                withPlace.appointment.counselorNote = try String.fetchOne(db, sql: "SELECT counselor_note FROM appointment WHERE id = ?",
                                                                          arguments: [listing.id])
                return Permissions.redact(withPlace, for: viewer)
            }
        }
    }

    /// Writes the counselor's notes on an appointment and a `appointment.note_saved` event (the
    /// text stays out of the trail). Only the appointment's own counselor may (or the file owner
    /// on the command line).
    /// - Throws: `SchedulingError.appointmentNotFound`; `AccessError.notAllowed` for anyone else.
    public func saveCounselorNote(appointmentId: Int64, note: String, as viewer: Viewer, by actor: Actor, at now: Date) throws {
        try writeImmediately { db in
            let a = try Self.appointmentRow(db, id: appointmentId)
            guard Permissions.visibility(.counselorNote, for: viewer, counselorIds: [a.counselorId], category: nil) == .shown else {
                throw AccessError.notAllowed("only the appointment's counselor writes its notes")
            }
            try db.execute(sql: "UPDATE appointment SET counselor_note = ? WHERE id = ?",
                           arguments: [note.precomposedStringWithCanonicalMapping, appointmentId])
            try Self.audit(db, .appointmentNoteSaved, entity: "appointment", entityId: appointmentId,
                           detail: "\(note.count) characters", by: actor, at: now)
        }
    }

    // MARK: Internals

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

    /// The full row of one appointment. - Throws: `.appointmentNotFound`.
    static func appointmentRow(_ db: Database, id: Int64) throws -> Appointment {
        guard let r = try Row.fetchOne(db, sql: "SELECT * FROM appointment WHERE id = ?", arguments: [id]) else {
            throw SchedulingError.appointmentNotFound(id)
        }
        return appointment(r)
    }

    static func appointment(_ r: Row) -> Appointment { appointment(r, ColumnIndex(r.columnNames)) }

    /// An appointment from a row holding the `appointment` table's columns (`a.*`).
    static func appointment(_ r: Row, _ c: ColumnIndex) -> Appointment {
        Appointment(id: r[c["id"]], visitorId: r[c["visitor_id"]], serviceId: r[c["service_id"]], counselorId: r[c["counselor_id"]],
                    roomId: r[c["room_id"]], start: Date(epochMilliseconds: r[c["start_at"]]), end: Date(epochMilliseconds: r[c["end_at"]]),
                    status: AppointmentStatus(rawValue: r[c["status"]]) ?? .booked, interpreterLanguage: r[c["interpreter_language"]],
                    note: r[c["note"]], createdBy: r[c["created_by"]], cancelReason: r[c["cancel_reason"]],
                    groupSessionId: r[c["group_session_id"]])
    }

    static func updateStatus(_ db: Database, _ a: Appointment) throws {
        try db.execute(sql: "UPDATE appointment SET status = ?, cancel_reason = ? WHERE id = ?",
                       arguments: [a.status.rawValue, a.cancelReason, a.id])
    }

    static func listing(_ db: Database, id: Int64, calendar: CenterCalendar) throws -> AppointmentListing {
        guard let l = try listings(db, where: "a.id = ?", arguments: [id], calendar: calendar).first else {
            throw SchedulingError.appointmentNotFound(id)
        }
        return l
    }

    /// Appointments joined with what listings show.
    static func listings(_ db: Database, where condition: String, arguments: StatementArguments,
                         order: String = "a.start_at, a.id", limit: Int? = nil, calendar: CenterCalendar,
                         viewer: Viewer? = nil) throws -> [AppointmentListing] {
        let sql = """
            SELECT a.*, s.name_fr, s.name_en, s.category, s.duration_min, s.group_capacity, s.active AS service_active,
                   c.name AS counselor_name, r.name AS room_name,
                   v.code_year, v.code_number, v.given_name, v.family_name, g.capacity AS group_seats,
                   (SELECT COUNT(*) FROM group_enrollment e WHERE e.session_id = a.group_session_id AND NOT e.waitlisted) AS group_enrolled,
                   (SELECT COUNT(*) FROM group_enrollment e WHERE e.session_id = a.group_session_id AND e.waitlisted) AS group_waitlisted
            FROM appointment a
            JOIN service s ON s.id = a.service_id
            JOIN counselor c ON c.id = a.counselor_id
            JOIN room r ON r.id = a.room_id
            LEFT JOIN visitor v ON v.id = a.visitor_id
            LEFT JOIN group_session g ON g.id = a.group_session_id
            WHERE \(condition)
            ORDER BY \(order)\(limit.map { " LIMIT \($0)" } ?? "")
            """
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        guard let first = rows.first else { return [] }
        let c = ColumnIndex(first.columnNames)
        return rows.map { r in
            var a = appointment(r, c)
            // Only a read for a viewer carries the counselor's notes, and then redacted for them.
            if viewer != nil { a.counselorNote = r[c["counselor_note"]] }
            let service = Service(id: a.serviceId, nameFr: r[c["name_fr"]], nameEn: r[c["name_en"]],
                                  category: ServiceCategory(rawValue: r[c["category"]]) ?? .social, durationMinutes: r[c["duration_min"]],
                                  groupCapacity: r[c["group_capacity"]], active: r[c["service_active"]])
            var code: VisitorCode?, name: String?
            if let year: Int = r[c["code_year"]] {
                code = VisitorCode(year: year, number: r[c["code_number"]])
                let given: String = r[c["given_name"]], family: String = r[c["family_name"]]
                name = family.isEmpty ? given : "\(given) \(family)"
            }
            let group = a.groupSessionId.map {
                GroupSeats(sessionId: $0, capacity: r[c["group_seats"]], enrolled: r[c["group_enrolled"]], waitlisted: r[c["group_waitlisted"]])
            }
            let listing = AppointmentListing(appointment: a, localStart: calendar.localDateTime(of: a.start),
                                             localEnd: calendar.localDateTime(of: a.end), visitorCode: code, visitorName: name,
                                             service: service, counselorName: r[c["counselor_name"]], roomName: r[c["room_name"]], group: group)
            return viewer.map { Permissions.redact(listing, for: $0) } ?? listing
        }
    }
}

extension AppDatabase {
    /// Records many appointments at once (demo history, imports), each checked by
    /// `BookingRules` against the rows in the same transaction (not against `now`: history may
    /// lie in the past); those refused are skipped and counted. Batches of `batchSize` share one
    /// IMMEDIATE transaction and one `appointment.booked` audit event.
    /// - Returns: how many were stored and how many the rules refused.
    public func recordAppointments(_ planned: [PlannedAppointment], by actor: Actor, at now: Date,
                                   batchSize: Int = 2_000) throws -> (stored: Int, refused: Int) {
        let now = now.storedPrecision
        var stored = 0, refused = 0
        var start = 0
        while start < planned.count {
            let batch = planned[start..<min(planned.count, start + max(1, batchSize))]
            start += batch.count
            try writeImmediately { db in
                let services = Dictionary(uniqueKeysWithValues: try ServiceRecord.fetchAll(db).map { ($0.id, $0.service) })
                let counselors = Dictionary(uniqueKeysWithValues: try Self.fetchCounselors(db).map { ($0.id, $0) })
                let settings = try Self.settings(db)
                var storedHere = 0
                for p in batch {
                    let a = p.appointment
                    guard let service = services[a.serviceId], !service.isGroup, let counselor = counselors[a.counselorId] else {
                        refused += 1
                        continue
                    }
                    let interval = UTCInterval(start: a.start.storedPrecision, minutes: service.durationMinutes)
                    var context = try bookingContext(db, interval: interval, visitorId: a.visitorId, now: nil)
                    context.openingHours = settings.openingHours
                    let seats = BookingRequest.defaultSeats(service: service, interpreter: a.interpreterLanguage != nil)
                    guard let room = try? Self.room(db, requested: a.roomId, seats: seats, interval: interval, context: context) else {
                        refused += 1
                        continue
                    }
                    let request = BookingRequest(service: service, counselor: counselor, room: room, visitorId: a.visitorId,
                                                 interval: interval, interpreterLanguage: a.interpreterLanguage)
                    guard (try? BookingRules.problems(for: request, in: context))?.isEmpty == true else {
                        refused += 1
                        continue
                    }
                    try db.execute(sql: """
                        INSERT INTO appointment (visitor_id, service_id, counselor_id, room_id, start_at, end_at, status, cancel_reason,
                                                 interpreter_language, note, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [a.visitorId, service.id, counselor.id, room.id, interval.start.epochMilliseconds,
                                         interval.end.epochMilliseconds, p.status.rawValue, p.cancelReason, a.interpreterLanguage,
                                         a.note, actor.name, now.epochMilliseconds])
                    storedHere += 1
                }
                stored += storedHere
                try Self.audit(db, .appointmentBooked, entity: "appointment", entityId: nil,
                               detail: "\(storedHere) appointments recorded in bulk", by: actor, at: now)
            }
        }
        return (stored, refused)
    }
}
