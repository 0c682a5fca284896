import Foundation
import Testing
import FrontDeskDomain

/// The benchmark's shape: 30 counselors × 10 rooms, a year of appointments, free slots over the
/// next 30 days. This test checks what the finder finds there; how fast (p99 under 10 ms) is
/// measured by `frontdesk-bench --only slotfinder` on the same year, not here.
@Suite struct SchedulingSlotFinderPerformanceTests {
    struct World {
        var counselors: [Counselor] = []
        var rooms: [Room] = []
        var appointments: [Appointment] = []
    }

    /// Counselors work Mon–Fri 09:00–12:30 and 13:30–17:00 in three shifts of ten, each with three
    /// 45-minute appointments a day in their own room, every working day of 2026.
    static func world() throws -> World {
        var w = World()
        let languages = [["fr", "ar"], ["fr", "en"], ["ar", "ary"], ["fr", "wo"], ["en", "ln"], ["fr", "bm"]]
        for i in 0..<30 {
            w.counselors.append(Counselor(id: Int64(i + 1), name: String(format: "Counselor %02d", i + 1),
                                          serviceIds: ["individual-counseling"], languages: languages[i % languages.count],
                                          hours: try Fx.hours("09:00-12:30", "13:30-17:00")))
        }
        for r in 0..<10 { w.rooms.append(Room(id: Int64(r + 1), name: "Salle \(r + 1)", capacity: 2 + r % 3)) }
        var day = try Fx.date("2026-01-01")
        var id: Int64 = 0
        let clocks = [["09:00", "11:00", "14:00"], ["09:45", "13:30", "15:30"], ["10:30", "14:45", "16:15"]]
        while day.year == 2026 {
            if Weekday.workweek.contains(day.isoWeekday) {
                for i in 0..<30 {
                    for time in clocks[i / 10] {
                        id += 1
                        let start = try Fx.casablanca.instant(day, try Fx.time(time))
                        w.appointments.append(Fx.appointment(id, UTCInterval(start: start, minutes: 45), counselor: Int64(i + 1),
                                                             room: Int64(i % 10 + 1), visitor: 1000 + id % 3000))
                    }
                }
            }
            day = day.adding(days: 1)
        }
        return w
    }

    @Test func freeSlotsOverThirtyDaysOfADenseYear() throws {
        let w = try Self.world()
        #expect(w.appointments.count > 20_000)
        let finder = SlotFinder(calendar: Fx.casablanca, counselors: w.counselors, rooms: w.rooms, appointments: w.appointments)
        for run in 0..<60 {
            let first = try Fx.date("2026-03-02").adding(days: run * 3)
            let now = try Fx.casablanca.instant(first, try Fx.time("08:00"))
            // A short listing, a filtered search and a full listing, the last two walking all 30 days.
            let last = first.adding(days: 29)
            let query = switch run % 3 {
            case 0: SlotQuery(service: Fx.service(), from: first, through: last, languages: ["wo"], limit: 20)
            case 1: SlotQuery(service: Fx.service(), from: first, through: last, visitorId: 1001,
                              languages: ["ln"], languagePolicy: .require, limit: 100_000)
            default: SlotQuery(service: Fx.service(), from: first, through: last, visitorId: 1002, limit: 100_000)
            }
            let slots = finder.freeSlots(query, now: now)
            #expect(!slots.isEmpty, "run \(run)")
            #expect(slots.count <= query.limit)
            #expect(zip(slots, slots.dropFirst()).allSatisfy { $0.interval.start <= $1.interval.start }, "in time order")
            let window = w.appointments.filter { $0.start >= now && $0.start < now.addingTimeInterval(31 * 86_400) }
            for slot in slots.prefix(20) {
                let counselor = w.counselors[Int(slot.counselorId) - 1]
                #expect(slot.interval.start >= now && slot.interval.seconds == 45 * 60)
                if run % 3 == 1 { #expect(counselor.languages.contains("ln")) }
                // Free: no appointment of that counselor or in that room overlaps the slot.
                #expect(!window.contains { ($0.counselorId == slot.counselorId || $0.roomId == slot.roomId)
                    && $0.start < slot.interval.end && slot.interval.start < $0.end }, "run \(run): \(slot)")
            }
        }
    }
}
