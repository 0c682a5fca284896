import Foundation
import FrontDeskDemo
import FrontDeskDomain
import FrontDeskResources
import FrontDeskTestSupport
import GRDB
import Testing
@testable import FrontDeskStore

/// A tzdata update that changes the zone's offset on days already booked (tzdata 2026f ended
/// Morocco's UTC+1 on 2026-09-20, for appointments booked months before under the old rules):
/// what was booked for 09:00 stays at 09:00; what happened keeps its instants.
struct ZoneChangeStoreTests {
    @Test func aTzdataUpdateKeepsWhatWasBookedAtItsWallClockTime() throws {
        // The rules the file is written under: the system's Casablanca with the return to UTC+1
        // after Ramadan 2026 a week later (2026-03-29 instead of 2026-03-22, 02:00Z).
        let change = Date(timeIntervalSince1970: 1_774_144_800)
        let folder = try TZifPatch.folder(zone: "Africa/Casablanca", movingTransitionAt: change, to: change.addingTimeInterval(7 * 86_400))
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = CenterCalendar(zone: try #require(ZoneRules.named("Africa/Casablanca", directory: folder.path)))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zone-change-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        func at(_ calendar: CenterCalendar, _ day: String, _ time: String) throws -> Int64 {
            try calendar.instant(try #require(LocalDate(iso: day)), try #require(LocalTime(time))).epochMilliseconds
        }
        let now = Date(timeIntervalSince1970: 1_772_000_000) // 2026-02-25
        let ids: (booked: Int64, completed: Int64, earlier: Int64)
        do {
            let db = try AppDatabase.open(path: path, calendar: old)
            let catalog = try Catalog.decodeServices(from: try #require(FrontDeskResources.data(named: "services.json")))
            try db.loadCatalog(catalog, by: desk, at: now)
            let counselor = try db.saveCounselor(DemoGenerator.counselors(count: 1)[0], by: desk, at: now)
            let room = try db.saveRoom(DemoGenerator.rooms(count: 1)[0], by: desk, at: now)
            let visitor = try db.register(newVisitor("Karim", "Alaoui"), by: desk, at: now)
            let service = try #require(counselor.serviceIds.first)
            func insert(_ day: String, _ status: String) throws -> Int64 {
                let start = try at(old, day, "09:00")
                return try db.writer.write { db in
                    try db.execute(sql: """
                        INSERT INTO appointment (visitor_id, service_id, counselor_id, room_id, start_at, end_at, status, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'test', ?)
                        """, arguments: [visitor.id, service, counselor.id, room.id, start, start + 2_700_000, status, now.epochMilliseconds])
                    return db.lastInsertedRowID
                }
            }
            // Under the old rules 2026-03-24 is still at UTC+0: 09:00 local is 09:00Z.
            ids = (try insert("2026-03-24", "booked"), try insert("2026-03-24", "completed"), try insert("2026-03-10", "booked"))
            try db.writer.write { db in
                try db.execute(sql: "INSERT INTO absence (counselor_id, start_at, end_at, reason) VALUES (?, ?, ?, 'training')",
                               arguments: [counselor.id, try at(old, "2026-03-25", "00:00"), try at(old, "2026-03-26", "00:00")])
            }
        }
        #expect(try at(old, "2026-03-24", "09:00") == 1_774_342_800_000, "2026-03-24T09:00Z")

        // The system's rules put 2026-03-24 at UTC+1: opened under them, the file follows.
        let db = try AppDatabase.open(path: path, calendar: rabat)
        let (starts, absence, audited) = try db.writer.read { db in
            (try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, start_at, end_at FROM appointment").map { ($0[0] as Int64, [$0[1] as Int64, $0[2] as Int64]) }),
             try Row.fetchOne(db, sql: "SELECT start_at, end_at FROM absence").map { [$0[0] as Int64, $0[1] as Int64] },
             try String.fetchAll(db, sql: "SELECT entity_id || ' ' || actor_name || ' ' || detail FROM audit_event WHERE action = 'appointment.rescheduled'"))
        }
        #expect(starts[ids.booked] == [try at(rabat, "2026-03-24", "09:00"), try at(rabat, "2026-03-24", "09:45")], "08:00Z: still 09:00 in Rabat")
        #expect(rabat.localDateTime(of: Date(epochMilliseconds: starts[ids.booked]?[0] ?? 0)).time == LocalTime("09:00"))
        #expect(starts[ids.completed] == [1_774_342_800_000, 1_774_345_500_000], "what happened keeps its instants")
        #expect(starts[ids.earlier]?[0] == (try at(old, "2026-03-10", "09:00")), "a day both rules agree on does not move")
        #expect(absence == [try at(rabat, "2026-03-25", "00:00"), try at(rabat, "2026-03-26", "00:00")])
        #expect(audited.count == 1 && audited[0].hasPrefix("\(ids.booked) system ") && audited[0].contains("the same wall-clock time"), "\(audited)")
        // Opened again under the same rules: nothing moves twice.
        #expect(try db.refreshZoneOffsets() == false)
    }
}
