import Foundation
import FrontDeskDomain
import GRDB

/// Reading appointments as a viewer may see them (`Permissions.redact`), counselors' notes,
/// and the joined rows every listing is made of.
extension AppDatabase {
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
        try writer.write { db in
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

    /// See `SchedulingRepository.readCounselorNote`.
    public func readCounselorNote(appointmentId: Int64, as viewer: Viewer, by actor: Actor, at now: Date) throws -> String {
        try writer.write { db in
            let a = try Self.appointmentRow(db, id: appointmentId)
            guard Permissions.visibility(.counselorNote, for: viewer, counselorIds: [a.counselorId], category: nil) == .shown else {
                throw AccessError.notAllowed("only the appointment's counselor reads its notes")
            }
            let note = try String.fetchOne(db, sql: "SELECT counselor_note FROM appointment WHERE id = ?", arguments: [appointmentId]) ?? ""
            try Self.audit(db, .appointmentNoteRead, entity: "appointment", entityId: appointmentId,
                           detail: "\(note.count) characters", by: actor, at: now.storedPrecision)
            return note
        }
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
                    groupSessionId: r[c["group_session_id"]], programId: r[c["program_id"]])
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
                name = Visitor.fullName(given: given, family: family)
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
