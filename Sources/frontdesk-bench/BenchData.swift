import Foundation
import FrontDeskStore

/// The demo databases the bench measures: made once by the real `frontdesk demo` in
/// `/tmp/frontdesk-bench/` and reused by later runs.
///
/// A file is named by every demo parameter and by `AppDatabase.schemaVersion`
/// (`schedule-30counselors-10rooms-365days-…-schema2.sqlite`): after a schema change the bench
/// makes a new file instead of reusing (or being refused by) one of an older schema. A file is
/// written under a `.partial` name and renamed when `frontdesk demo` succeeds, so an interrupted
/// run leaves nothing that looks complete.
struct BenchData {
    /// The release `frontdesk` binary.
    let frontdesk: String
    let directory: String

    /// A demo database: its path, and the seconds it took to make when this run made it.
    struct File {
        var path: String
        var createdSeconds: Double?
    }

    /// The reception bench's file: `visitors` demo visitors and today's walk-in queue.
    func reception(visitors: Int, seed: UInt64) throws -> File {
        try demo(name: "reception-\(visitors)visitors-seed\(seed)",
                 arguments: ["--visitors", "\(visitors)", "--seed", "\(seed)"], environment: [:])
    }

    /// The desk bench's file (issue 12): `visitors` demo visitors, 30 counselors and 10 rooms
    /// (a busy day: about 150 people expected or queued today), the demo's default history (21
    /// days of appointments and walk-ins), today's queue and 28 days of bookings, made with
    /// `FRONTDESK_NOW` = `now` so that "today" is fixed.
    func desk(visitors: Int, seed: UInt64, now: String) throws -> File {
        let stamp = now.filter(\.isNumber).prefix(8)
        return try demo(name: "desk-\(visitors)visitors-30counselors-seed\(seed)-at\(stamp)",
                        arguments: ["--visitors", "\(visitors)", "--seed", "\(seed)", "--counselors", "30", "--rooms", "10"],
                        environment: ["FRONTDESK_NOW": now])
    }

    /// A scheduling file: `counselors` × `rooms`, `pastDays` of appointment history before the
    /// day of `now` and `futureDays` booked from it, 2,000 visitors, no walk-ins. The demo runs
    /// with `FRONTDESK_NOW` = `now`, so the same parameters always give the same data.
    func schedule(counselors: Int, rooms: Int, pastDays: Int, futureDays: Int, seed: UInt64, now: String) throws -> File {
        let stamp = now.filter(\.isNumber).prefix(8)
        return try demo(name: "schedule-\(counselors)counselors-\(rooms)rooms-\(pastDays)days-\(futureDays)ahead-seed\(seed)-at\(stamp)",
                        arguments: ["--visitors", "2000", "--seed", "\(seed)", "--no-walk-ins", "--counselors", "\(counselors)",
                                    "--rooms", "\(rooms)", "--appointments-days", "\(pastDays)", "--future-days", "\(futureDays)"],
                        environment: ["FRONTDESK_NOW": now])
    }

    /// The reporting file (issue 4; issue 15 asks for 100,000 appointments): `visitors` visitors,
    /// `counselors` × `rooms`, `appointmentDays` of appointments and `walkInDays` of walk-ins
    /// (about `walkInsPerDay` each open day) before the day of `now`, `futureDays` booked from it.
    func reporting(visitors: Int, counselors: Int, rooms: Int, appointmentDays: Int, walkInDays: Int, futureDays: Int, walkInsPerDay: Int,
                   seed: UInt64, now: String) throws -> File {
        let stamp = now.filter(\.isNumber).prefix(8)
        return try demo(name: "reporting-\(visitors)visitors-\(counselors)counselors-\(rooms)rooms-\(appointmentDays)days-\(futureDays)ahead-"
                            + "\(walkInDays)walkindays-\(walkInsPerDay)walkins-seed\(seed)-at\(stamp)",
                        arguments: ["--visitors", "\(visitors)", "--seed", "\(seed)", "--no-walk-ins", "--counselors", "\(counselors)",
                                    "--rooms", "\(rooms)", "--appointments-days", "\(appointmentDays)", "--future-days", "\(futureDays)",
                                    "--walk-in-days", "\(walkInDays)", "--walk-ins-per-day", "\(walkInsPerDay)"],
                        environment: ["FRONTDESK_NOW": now])
    }

    private func demo(name: String, arguments: [String], environment: [String: String]) throws -> File {
        let path = "\(directory)/\(name)-schema\(AppDatabase.schemaVersion).sqlite"
        if FileManager.default.fileExists(atPath: path) { return File(path: path) }
        let partial = path + ".partial"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        let started = Date()
        let r = try Spawn.run(frontdesk, ["demo", "--db", partial] + arguments, environment: env)
        guard r.status == 0 else {
            throw BenchError("frontdesk demo for \(name) failed: " + String(decoding: r.stderr.suffix(400), as: UTF8.self))
        }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        return File(path: path, createdSeconds: Date().timeIntervalSince(started))
    }
}
