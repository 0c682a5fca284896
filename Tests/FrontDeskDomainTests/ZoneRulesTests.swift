import Foundation
import Testing
@testable import FrontDeskDomain
import FrontDeskTestSupport

/// The center's zone rules come from the system's tzdata (TZif files), so a tzdata update
/// reaches FrontDesk without a rebuild (issue 13, item 4).
@Suite struct ZoneRulesTests {
    static let zoneinfo = "/usr/share/zoneinfo"

    /// The zone is read from the system's TZif file, not from the ICU data in the binary.
    @Test func casablancaComesFromTheSystemsTzdata() throws {
        let rules = try #require(ZoneRules.named("Africa/Casablanca", directory: Self.zoneinfo))
        guard case .tzdata(let path, let version) = rules.source else {
            Issue.record("Africa/Casablanca did not come from \(Self.zoneinfo): \(rules.source)")
            return
        }
        #expect(path == Self.zoneinfo + "/Africa/Casablanca")
        #expect(version != nil && version!.count >= 5) // 2025b
        #expect(CenterCalendar().zone.source == rules.source) // the default calendar reads it too
    }

    /// A copy of `Africa/Casablanca` whose return to UTC+1 after Ramadan 2026 (2026-03-22,
    /// 02:00Z) is moved a week later: the offsets follow the file, and the calendar's readings
    /// of local time with them. A past change, so that the test holds whatever later tzdata
    /// says of Morocco's clocks (2026f ends UTC+1 on 2026-09-20; earlier releases went on with
    /// the Ramadan changes).
    @Test func aMovedClockChangeInTheFileIsFollowed() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: Self.zoneinfo + "/Africa/Casablanca"))
        let change = try Self.utc("2026-03-22T02:00:00Z")
        let moved = change.addingTimeInterval(7 * 86_400)
        let patched = try TZifPatch.movingTransition(in: original, from: Int64(change.timeIntervalSince1970),
                                                to: Int64(moved.timeIntervalSince1970))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tzdir-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Africa"), withIntermediateDirectories: true)
        try patched.write(to: folder.appendingPathComponent("Africa/Casablanca"))
        try Data("# version 2099z\n".utf8).write(to: folder.appendingPathComponent("tzdata.zi"))

        let system = try #require(ZoneRules.named("Africa/Casablanca", directory: Self.zoneinfo))
        let copy = try #require(ZoneRules.named("Africa/Casablanca", directory: folder.path))
        #expect(copy.source == .tzdata(path: folder.path + "/Africa/Casablanca", version: "2099z"))
        let between = try Self.utc("2026-03-24T10:00:00Z")
        #expect(system.secondsFromGMT(for: between) == 3600)
        #expect(copy.secondsFromGMT(for: between) == 0)
        #expect(copy.secondsFromGMT(for: moved) == 3600)
        #expect(copy.nextTransition(after: change) == moved)

        // The calendar built on the copy reads 09:00 on Tuesday 2026-03-24 as 09:00Z.
        let calendar = CenterCalendar(zone: copy)
        let tuesday = LocalDate(year: 2026, month: 3, day: 24)
        let nine = try #require(LocalTime("09:00"))
        #expect(try calendar.instant(tuesday, nine) == (try Self.utc("2026-03-24T09:00:00Z")))
        #expect(try CenterCalendar(zone: system).instant(tuesday, nine) == (try Self.utc("2026-03-24T08:00:00Z")))
        // The skipped hour moved too: 02:30 on 2026-03-29 no longer exists, on 03-22 it does.
        let twoThirty = try #require(LocalTime("02:30"))
        #expect(calendar.instants(LocalDate(year: 2026, month: 3, day: 29), twoThirty).isEmpty)
        #expect(calendar.instants(LocalDate(year: 2026, month: 3, day: 22), twoThirty).count == 1)
    }

    /// Every change `zdump` (which reads the same files through the C library) lists from 1970
    /// to 2045 is where the rules say, in zones with Ramadan changes, a footer rule after 2037,
    /// southern summers, half-hour offsets and a skipped day.
    @Test(arguments: ["Africa/Casablanca", "Europe/Paris", "America/New_York", "America/Santiago", "Australia/Lord_Howe",
                      "Pacific/Apia", "America/Asuncion", "Asia/Tehran", "UTC"])
    func offsetsAgreeWithZdump(_ zone: String) throws {
        let rules = try #require(ZoneRules.named(zone, directory: Self.zoneinfo))
        guard case .tzdata = rules.source else { Issue.record("\(zone) not read from tzdata"); return }
        let lines = try Self.zdump(zone)
        var checked = 0
        var mismatches: [String] = []
        var previous: (instant: Date, offset: Int)?
        for line in lines {
            if rules.secondsFromGMT(for: line.instant) != line.offset {
                mismatches.append("\(line.instant): \(rules.secondsFromGMT(for: line.instant)) ≠ \(line.offset)")
            }
            if let p = previous, line.instant.timeIntervalSince(p.instant) == 1, p.offset != line.offset,
               rules.nextTransition(after: p.instant) != line.instant {
                mismatches.append("next change after \(p.instant): \(String(describing: rules.nextTransition(after: p.instant)))")
            }
            previous = line
            checked += 1
        }
        #expect(mismatches.isEmpty, "\(zone): \(mismatches.prefix(5))")
        if zone != "UTC" { #expect(checked >= 4, "\(zone): zdump listed \(checked) lines") }
    }

    @Test(arguments: ["../etc/passwd", "/etc/passwd", "Africa/../../x", "", "Africa//Casablanca", "Africa/Casa blanca", "Åfrica/X"])
    func identifiersThatLeaveTheFolderAreNotRead(_ id: String) {
        #expect(!ZoneRules.isSafeIdentifier(id))
    }

    @Test func footerRulesAreRead() throws {
        let paris = try #require(PosixTZRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(paris.standardOffset == 3600 && paris.alternate?.offset == 7200)
        #expect(paris.offset(at: Int64(try Self.utc("2040-07-01T00:00:00Z").timeIntervalSince1970)) == 7200)
        #expect(paris.nextTransition(after: Int64(try Self.utc("2040-01-01T00:00:00Z").timeIntervalSince1970))
                == Int64(try Self.utc("2040-03-25T01:00:00Z").timeIntervalSince1970))
        #expect(PosixTZRule("<+01>-1")?.offset(at: 0) == 3600)
        #expect(PosixTZRule("<-03>3")?.offset(at: 0) == -10_800)
        for bad in ["", "C", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.5.0", "CET-200", "<+01"] {
            #expect(PosixTZRule(bad) == nil, "\(bad)")
        }
    }

    @Test func damagedFilesAreRefused() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: Self.zoneinfo + "/Africa/Casablanca"))
        #expect(throws: TZifError.notTZif) { try ZoneRules(identifier: "x", tzif: Data("not a zone".utf8 + [UInt8](repeating: 0, count: 60)), source: .builtIn) }
        #expect(throws: TZifError.truncated) { try ZoneRules(identifier: "x", tzif: original.prefix(200), source: .builtIn) }
    }

    // MARK: Helpers

    static func utc(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    /// `zdump -v -c 1970,2045 zone`: each listed instant with its offset in seconds.
    static func zdump(_ zone: String) throws -> [(instant: Date, offset: Int)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zdump")
        process.arguments = ["-v", "-c", "1970,2045", zone]
        process.environment = ["TZDIR": zoneinfo, "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM d HH:mm:ss yyyy"
        var result: [(Date, Int)] = []
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            // "Africa/Casablanca  Sun Feb 15 01:59:59 2026 UT = Sun Feb 15 02:59:59 2026 +01 isdst=0 gmtoff=3600"
            guard let ut = line.range(of: " UT = "), let g = line.range(of: "gmtoff=") else { continue }
            let stamp = line[line.index(line.startIndex, offsetBy: zone.count)..<ut.lowerBound]
                .split(separator: " ").joined(separator: " ")
            guard let instant = formatter.date(from: stamp), let offset = Int(line[g.upperBound...]) else { continue }
            result.append((instant, offset))
        }
        return result
    }
}
