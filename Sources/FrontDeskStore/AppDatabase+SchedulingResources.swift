import Foundation
import FrontDeskDomain
import GRDB

/// Counselors, rooms, closures, absences, services and settings: reads and admin saves.
extension AppDatabase {
    // MARK: Reading

    public func centerSettings() throws -> CenterSettings {
        try writer.read(Self.settings)
    }

    public func counselors(includeInactive: Bool) throws -> [Counselor] {
        try writer.read { db in try Self.fetchCounselors(db, includeInactive: includeInactive) }
    }

    public func rooms(includeInactive: Bool) throws -> [Room] {
        try writer.read { db in try Self.fetchRooms(db, includeInactive: includeInactive) }
    }

    public func closures(from first: LocalDate, through last: LocalDate) throws -> [Closure] {
        try writer.read { db in try Self.fetchClosures(db, from: first, through: last) }
    }

    public func absences(counselorId: Int64?, overlapping interval: UTCInterval) throws -> [Absence] {
        try writer.read { db in try Self.fetchAbsences(db, counselorId: counselorId, overlapping: interval) }
    }

    // MARK: Admin saves

    public func saveCounselor(_ counselor: Counselor, by actor: Actor, at now: Date) throws -> Counselor {
        let name = counselor.name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw SchedulingError.invalid(.counselorNameMissing) }
        let now = now.storedPrecision
        return try writer.write { db in
            var saved = counselor
            saved.name = name
            if let other = try Int64.fetchOne(db, sql: "SELECT id FROM counselor WHERE name = ? COLLATE NOCASE", arguments: [name]),
               other != counselor.id {
                throw SchedulingError.nameTaken(name)
            }
            let known = Set(try String.fetchAll(db, sql: "SELECT id FROM service"))
            if let unknown = counselor.serviceIds.first(where: { !known.contains($0) }) { throw SchedulingError.serviceNotFound(unknown) }
            if counselor.id > 0 {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM counselor WHERE id = ?", arguments: [counselor.id]) != nil else {
                    throw SchedulingError.counselorNotFound(counselor.id)
                }
                try db.execute(sql: "UPDATE counselor SET name = ?, active = ? WHERE id = ?",
                               arguments: [name, counselor.active, counselor.id])
                for table in ["counselor_service", "counselor_language", "counselor_hours"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE counselor_id = ?", arguments: [counselor.id])
                }
            } else {
                try db.execute(sql: "INSERT INTO counselor (name, active) VALUES (?, ?)", arguments: [name, counselor.active])
                saved.id = db.lastInsertedRowID
            }
            for (i, s) in Self.unique(counselor.serviceIds).enumerated() {
                try db.execute(sql: "INSERT INTO counselor_service (counselor_id, service_id, position) VALUES (?, ?, ?)",
                               arguments: [saved.id, s, i])
            }
            saved.languages = Self.unique(counselor.languages.map { $0.lowercased() })
            for (i, l) in saved.languages.enumerated() {
                try db.execute(sql: "INSERT INTO counselor_language (counselor_id, language, position) VALUES (?, ?, ?)",
                               arguments: [saved.id, l, i])
            }
            for day in Weekday.allCases {
                for r in counselor.hours.ranges(on: day) {
                    try db.execute(sql: "INSERT INTO counselor_hours (counselor_id, weekday, start_min, end_min) VALUES (?, ?, ?, ?)",
                                   arguments: [saved.id, day.rawValue, r.start.minutesSinceMidnight, r.end.minutesSinceMidnight])
                }
            }
            saved.serviceIds = Self.unique(counselor.serviceIds)
            try Self.audit(db, .counselorSaved, entity: "counselor", entityId: saved.id,
                           detail: "\(saved.serviceIds.count) services, \(saved.languages.joined(separator: ",")), \(saved.active ? "active" : "inactive")",
                           by: actor, at: now)
            return saved
        }
    }

    public func removeCounselor(id: Int64, by actor: Actor, at now: Date) throws -> RemovalOutcome {
        try removeResource(table: "counselor", id: id, notFound: .counselorNotFound(id), action: .counselorRemoved, by: actor, at: now)
    }

    public func saveRoom(_ room: Room, by actor: Actor, at now: Date) throws -> Room {
        let name = room.name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw SchedulingError.invalid(.roomNameMissing) }
        guard room.capacity > 0 else { throw SchedulingError.invalid(.roomWithoutSeats) }
        let now = now.storedPrecision
        return try writer.write { db in
            var saved = room
            saved.name = name
            if let other = try Int64.fetchOne(db, sql: "SELECT id FROM room WHERE name = ? COLLATE NOCASE", arguments: [name]),
               other != room.id {
                throw SchedulingError.nameTaken(name)
            }
            if room.id > 0 {
                try db.execute(sql: "UPDATE room SET name = ?, capacity = ?, active = ? WHERE id = ?",
                               arguments: [name, room.capacity, room.active, room.id])
                if db.changesCount == 0 { throw SchedulingError.roomNotFound(room.id) }
            } else {
                try db.execute(sql: "INSERT INTO room (name, capacity, active) VALUES (?, ?, ?)",
                               arguments: [name, room.capacity, room.active])
                saved.id = db.lastInsertedRowID
            }
            try Self.audit(db, .roomSaved, entity: "room", entityId: saved.id,
                           detail: "capacity \(saved.capacity), \(saved.active ? "active" : "inactive")", by: actor, at: now)
            return saved
        }
    }

    public func removeRoom(id: Int64, by actor: Actor, at now: Date) throws -> RemovalOutcome {
        try removeResource(table: "room", id: id, notFound: .roomNotFound(id), action: .roomRemoved, by: actor, at: now)
    }

    public func saveClosure(_ closure: Closure, by actor: Actor, at now: Date) throws -> Closure {
        let label = closure.label.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        guard closure.first.isValid, closure.last.isValid, closure.first <= closure.last else {
            throw SchedulingError.invalid(.closureDays(first: closure.first, last: closure.last))
        }
        guard !label.isEmpty else { throw SchedulingError.invalid(.closureLabelMissing) }
        let now = now.storedPrecision
        return try writer.write { db in
            var saved = closure
            saved.label = label
            if let room = closure.roomId, try Bool.fetchOne(db, sql: "SELECT 1 FROM room WHERE id = ?", arguments: [room]) == nil {
                throw SchedulingError.roomNotFound(room)
            }
            let args: StatementArguments = [closure.first.description, closure.last.description, closure.roomId, label]
            if closure.id > 0 {
                try db.execute(sql: "UPDATE closure SET first_day = ?, last_day = ?, room_id = ?, label = ? WHERE id = ?",
                               arguments: args + [closure.id])
                if db.changesCount == 0 { throw SchedulingError.closureNotFound(closure.id) }
            } else {
                try db.execute(sql: "INSERT INTO closure (first_day, last_day, room_id, label) VALUES (?, ?, ?, ?)", arguments: args)
                saved.id = db.lastInsertedRowID
            }
            try Self.audit(db, .closureSaved, entity: "closure", entityId: saved.id,
                           detail: "\(saved.first)…\(saved.last)\(saved.roomId.map { " room \($0)" } ?? " center")", by: actor, at: now)
            return saved
        }
    }

    /// Saves the closures of an import all together, or none (`closures import`), in one
    /// transaction; a closure already there (same days, room and label) is left as it is and
    /// counted apart. - Returns: the closures added, and how many were already there.
    /// - Throws: `SchedulingError` as `saveClosure` (for the first bad one; nothing written).
    public func importClosures(_ closures: [Closure], dryRun: Bool, by actor: Actor, at now: Date) throws -> (added: [Closure], alreadyThere: Int) {
        let now = now.storedPrecision
        return try writer.write { db in
            var added: [Closure] = []
            var alreadyThere = 0
            // What this import adds, so that a dry run counts a row repeated in the file (the
            // same day written two ways) as the real import does: already there.
            var seen: Set<[String]> = []
            for closure in closures {
                let label = closure.label.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
                guard closure.first.isValid, closure.last.isValid, closure.first <= closure.last, !label.isEmpty else {
                    throw SchedulingError.invalid(.closureIncomplete)
                }
                if let room = closure.roomId, try Bool.fetchOne(db, sql: "SELECT 1 FROM room WHERE id = ?", arguments: [room]) == nil {
                    throw SchedulingError.roomNotFound(room)
                }
                let args: StatementArguments = [closure.first.description, closure.last.description, closure.roomId, label]
                if try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM closure WHERE first_day = ? AND last_day = ? AND room_id IS ? AND label = ?
                    """, arguments: args) == true {
                    alreadyThere += 1
                    continue
                }
                let key = [closure.first.description, closure.last.description, closure.roomId.map(String.init) ?? "", label]
                guard seen.insert(key).inserted else {
                    alreadyThere += 1
                    continue
                }
                if dryRun { added.append(closure); continue }
                try db.execute(sql: "INSERT INTO closure (first_day, last_day, room_id, label) VALUES (?, ?, ?, ?)", arguments: args)
                var saved = closure
                saved.id = db.lastInsertedRowID
                saved.label = label
                try Self.audit(db, .closureSaved, entity: "closure", entityId: saved.id,
                               detail: "\(saved.first)…\(saved.last)\(saved.roomId.map { " room \($0)" } ?? " center") imported",
                               by: actor, at: now)
                added.append(saved)
            }
            return (added, alreadyThere)
        }
    }

    public func removeClosure(id: Int64, by actor: Actor, at now: Date) throws {
        let now = now.storedPrecision
        try writer.write { db in
            try db.execute(sql: "DELETE FROM closure WHERE id = ?", arguments: [id])
            if db.changesCount == 0 { throw SchedulingError.closureNotFound(id) }
            try Self.audit(db, .closureRemoved, entity: "closure", entityId: id, detail: "deleted", by: actor, at: now)
        }
    }

    public func saveAbsence(_ absence: Absence, by actor: Actor, at now: Date) throws -> Absence {
        guard !absence.interval.isEmpty else { throw SchedulingError.invalid(.absenceEmpty) }
        let now = now.storedPrecision
        return try writer.write { db in
            var saved = absence
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM counselor WHERE id = ?", arguments: [absence.counselorId]) != nil else {
                throw SchedulingError.counselorNotFound(absence.counselorId)
            }
            let args: StatementArguments = [absence.counselorId, absence.interval.start.epochMilliseconds,
                                            absence.interval.end.epochMilliseconds, absence.reason]
            if absence.id > 0 {
                try db.execute(sql: "UPDATE absence SET counselor_id = ?, start_at = ?, end_at = ?, reason = ? WHERE id = ?",
                               arguments: args + [absence.id])
                if db.changesCount == 0 { throw SchedulingError.absenceNotFound(absence.id) }
            } else {
                try db.execute(sql: "INSERT INTO absence (counselor_id, start_at, end_at, reason) VALUES (?, ?, ?, ?)", arguments: args)
                saved.id = db.lastInsertedRowID
            }
            try Self.audit(db, .absenceSaved, entity: "absence", entityId: saved.id,
                           detail: "counselor \(saved.counselorId) \(saved.interval)", by: actor, at: now)
            return saved
        }
    }

    public func removeAbsence(id: Int64, by actor: Actor, at now: Date) throws {
        let now = now.storedPrecision
        try writer.write { db in
            try db.execute(sql: "DELETE FROM absence WHERE id = ?", arguments: [id])
            if db.changesCount == 0 { throw SchedulingError.absenceNotFound(id) }
            try Self.audit(db, .absenceRemoved, entity: "absence", entityId: id, detail: "deleted", by: actor, at: now)
        }
    }

    public func setServiceActive(id: String, active: Bool, by actor: Actor, at now: Date) throws -> Service {
        let now = now.storedPrecision
        return try writer.write { db in
            guard var record = try ServiceRecord.fetchOne(db, key: id) else { throw SchedulingError.serviceNotFound(id) }
            record.active = active
            try record.update(db)
            try Self.audit(db, .serviceSaved, entity: "service", entityId: nil, detail: "\(id) \(active ? "active" : "inactive")",
                           by: actor, at: now)
            return record.service
        }
    }

    public func saveCenterSettings(_ settings: CenterSettings, by actor: Actor, at now: Date) throws {
        guard settings.timeZoneId == calendar.zone.identifier else {
            throw SchedulingError.invalid(.timeZoneChange(zone: calendar.zone.identifier))
        }
        guard (1...240).contains(settings.slotGridMinutes) else { throw SchedulingError.invalid(.slotGrid(1...240)) }
        guard CenterSettings.deskLockRange.contains(settings.deskLockMinutes) else {
            throw SchedulingError.invalid(.deskLock(CenterSettings.deskLockRange))
        }
        let now = now.storedPrecision
        try writer.write { db in
            try db.execute(sql: """
                UPDATE center_setting SET time_zone = ?, opening_hours = ?, first_weekday = ?, slot_grid_min = ?, desk_lock_min = ?,
                  age_bands = ?
                WHERE id = 1
                """, arguments: [settings.timeZoneId, try Self.json(settings.openingHours), settings.firstWeekday.rawValue,
                                 settings.slotGridMinutes, settings.deskLockMinutes, settings.ageBands.description])
            try Self.audit(db, .settingsSaved, entity: "center_setting", entityId: 1,
                           detail: "grid \(settings.slotGridMinutes) min, week starts \(settings.firstWeekday), desk lock \(settings.deskLockMinutes) min, age bands \(settings.ageBands)",
                           by: actor, at: now)
        }
    }

    // MARK: Internals

    /// Deletes a counselor or room that no appointment names, else deactivates it.
    private func removeResource(table: String, id: Int64, notFound: SchedulingError, action: AuditAction,
                                by actor: Actor, at now: Date) throws -> RemovalOutcome {
        let now = now.storedPrecision
        return try writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE id = ?", arguments: [id]) != nil else { throw notFound }
            let used = try Bool.fetchOne(db, sql: "SELECT 1 FROM appointment WHERE \(table)_id = ? LIMIT 1", arguments: [id]) != nil
            let outcome: RemovalOutcome
            if used {
                try db.execute(sql: "UPDATE \(table) SET active = 0 WHERE id = ?", arguments: [id])
                outcome = .deactivated
            } else {
                if table == "room" { try db.execute(sql: "DELETE FROM closure WHERE room_id = ?", arguments: [id]) }
                try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
                outcome = .deleted
            }
            try Self.audit(db, action, entity: table, entityId: id, detail: outcome.rawValue, by: actor, at: now)
            return outcome
        }
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    static func json(_ hours: WeeklyHours) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(hours), as: UTF8.self)
    }

    /// Opening hours as `json(_:)` stores them (`{"days": [[{"start": "08:30", "end": "17:30"}], …]}`,
    /// `WeeklyHours`' encoding), read with `JSONSerialization`: every short command reads the
    /// settings, and `JSONDecoder`'s first use costs milliseconds of its start. Nil when malformed.
    static func storedHours(_ text: String) -> WeeklyHours? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let days = object["days"] as? [[[String: Any]]], days.count == 7 else { return nil }
        var hours = WeeklyHours.none
        for (day, ranges) in zip(Weekday.allCases, days) {
            var parsed: [TimeRange] = []
            for r in ranges {
                guard let a = (r["start"] as? String).flatMap(LocalTime.init), let b = (r["end"] as? String).flatMap(LocalTime.init),
                      let range = TimeRange(a, b) else { return nil }
                parsed.append(range)
            }
            hours.set(parsed, on: day)
        }
        return hours
    }

    static func settings(_ db: Database) throws -> CenterSettings {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM center_setting WHERE id = 1") else { return CenterSettings() }
        let hoursText: String = row["opening_hours"]
        let hours = storedHours(hoursText) ?? CenterSettings.defaultOpeningHours
        return CenterSettings(timeZoneId: row["time_zone"], openingHours: hours,
                              firstWeekday: Weekday(rawValue: row["first_weekday"]) ?? .monday, slotGridMinutes: row["slot_grid_min"],
                              deskLockMinutes: row["desk_lock_min"],
                              ageBands: (row["age_bands"] as String?).flatMap(AgeBands.init(spec:)) ?? .standard)
    }

    /// Counselors with their services, languages and hours, ordered by `sortedByName`.
    /// - Parameter serviceId: only those who deliver it. Filtered in SQL, before the sort: the
    ///   localized name comparison costs microseconds each, and a slot search sorting all 30
    ///   counselors of the benchmark instead of the five who deliver a service spent a fifth of
    ///   its time there.
    static func fetchCounselors(_ db: Database, includeInactive: Bool = true, ids: [Int64]? = nil,
                                delivering serviceId: String? = nil) throws -> [Counselor] {
        var sql = "SELECT id, name, active FROM counselor"
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if !includeInactive { conditions.append("active") }
        if let ids { conditions.append("id IN (\(ids.map(String.init).joined(separator: ",")))") }
        if let serviceId {
            conditions.append("id IN (SELECT counselor_id FROM counselor_service WHERE service_id = ?)")
            arguments += [serviceId]
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        guard !rows.isEmpty else { return [] }
        var services: [Int64: [String]] = [:], languages: [Int64: [String]] = [:], hours: [Int64: [Weekday: [TimeRange]]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT counselor_id, service_id FROM counselor_service ORDER BY counselor_id, position") {
            services[r[0], default: []].append(r[1])
        }
        for r in try Row.fetchAll(db, sql: "SELECT counselor_id, language FROM counselor_language ORDER BY counselor_id, position") {
            languages[r[0], default: []].append(r[1])
        }
        for r in try Row.fetchAll(db, sql: "SELECT counselor_id, weekday, start_min, end_min FROM counselor_hours") {
            guard let day = Weekday(rawValue: r[1]), let s = LocalTime(minutesSinceMidnight: r[2]),
                  let e = LocalTime(minutesSinceMidnight: r[3]), let range = TimeRange(s, e) else { continue }
            hours[r[0], default: [:]][day, default: []].append(range)
        }
        return rows.map { r in
            let id: Int64 = r["id"]
            return Counselor(id: id, name: r["name"], serviceIds: services[id] ?? [], languages: languages[id] ?? [],
                             hours: WeeklyHours(hours[id] ?? [:]), active: r["active"])
        }.sortedByName()
    }

    static func fetchRooms(_ db: Database, includeInactive: Bool = true) throws -> [Room] {
        try Row.fetchAll(db, sql: "SELECT id, name, capacity, active FROM room" + (includeInactive ? "" : " WHERE active"))
            .map { Room(id: $0["id"], name: $0["name"], capacity: $0["capacity"], active: $0["active"]) }
            .sortedByName()
    }

    static func fetchClosures(_ db: Database, from first: LocalDate, through last: LocalDate) throws -> [Closure] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM closure WHERE last_day >= ? AND first_day <= ? ORDER BY first_day, id
            """, arguments: [first.description, last.description]).compactMap { r in
            guard let f = LocalDate(iso: r["first_day"]), let l = LocalDate(iso: r["last_day"]) else { return nil }
            return Closure(id: r["id"], first: f, last: l, roomId: r["room_id"], label: r["label"])
        }
    }

    static func fetchAbsences(_ db: Database, counselorId: Int64?, overlapping interval: UTCInterval) throws -> [Absence] {
        var sql = "SELECT * FROM absence WHERE end_at > ? AND start_at < ?"
        var args: StatementArguments = [interval.start.epochMilliseconds, interval.end.epochMilliseconds]
        if let counselorId {
            sql += " AND counselor_id = ?"
            args += [counselorId]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY start_at, id", arguments: args).map { r in
            Absence(id: r["id"], counselorId: r["counselor_id"],
                    interval: UTCInterval(start: Date(epochMilliseconds: r["start_at"]), end: Date(epochMilliseconds: r["end_at"])),
                    reason: r["reason"])
        }
    }
}

/// A value with a display name and an id, listed by `sortedByName`.
protocol Named: Identifiable where ID == Int64 { var name: String { get } }
extension Counselor: Named {}
extension Room: Named {}

extension Array where Element: Named {
    /// Ordered by name (`NameOrder`: case and accents ignored, numbers by value: Salle 2 before
    /// Salle 10), then id.
    func sortedByName() -> [Element] { NameOrder.sorted(self, name: \.name, tieBreak: \.id) }
}
