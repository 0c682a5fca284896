import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Records many appointments at once (history imports, the demo), each checked by
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
            try writer.write { db in
                let services = Dictionary(uniqueKeysWithValues: try Self.fetchServices(db).map { ($0.id, $0) })
                let counselors = Dictionary(uniqueKeysWithValues: try Self.fetchCounselors(db).map { ($0.id, $0) })
                let settings = try Self.settings(db)
                var storedHere = 0
                for p in batch {
                    let a = p.appointment
                    // History names its counselor. (Written as a plain `switch`: Swift 6.3.1's
                    // optimizer crashed on `a.counselorId.flatMap { counselors[$0] }` here in
                    // release builds, "Found ownership error" in CopyPropagation.)
                    let counselorId: Int64
                    switch a.counselor {
                    case .named(let id): counselorId = id
                    case .anyFree:
                        refused += 1
                        continue
                    }
                    guard let service = services[a.serviceId], !service.isGroup, let counselor = counselors[counselorId] else {
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
