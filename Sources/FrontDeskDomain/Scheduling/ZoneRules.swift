import Foundation
import Synchronization

/// The UTC offsets of one time zone over time, read from the system's tzdata when it is there.
///
/// Morocco's clock changes follow Ramadan and are published year by year, so the rules must come
/// from the system's time-zone database (Debian's `tzdata` package: TZif files under
/// `/usr/share/zoneinfo`, or under `$TZDIR`), not from data frozen into the binary: an update of
/// the package then takes effect at the program's next start, without a rebuild. Only when no
/// TZif file is found for the zone do the rules come from the ICU data built into Foundation
/// (`source` says which).
///
/// Only UTC offsets and the instants they change are exposed: nothing here reads a
/// daylight-saving flag (it is set during Ramadan in `Africa/Casablanca`, whose "standard" time
/// is UTC+1).
public struct ZoneRules: Sendable {
    /// Where a zone's rules come from.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        /// A TZif file of the system's tzdata. `version` is the release (`2025b`) when the
        /// database says it, nil otherwise.
        case tzdata(path: String, version: String?)
        /// The ICU data built into the binary (no TZif file was found for the zone).
        case builtIn

        /// `tzdata 2025b (/usr/share/zoneinfo/Africa/Casablanca)`, or `built-in (ICU)`.
        public var description: String {
            switch self {
            case .tzdata(let path, let version): "tzdata \(version ?? "(version unknown)") (\(path))"
            case .builtIn: "built-in (ICU), no tzdata file found"
            }
        }
    }

    /// The zone's identifier, such as `Africa/Casablanca`.
    public let identifier: String
    /// Where the rules were read from.
    public let source: Source
    private let backing: Backing

    private enum Backing: Sendable {
        case table(TZifRules)
        case foundation(TimeZone)
    }

    /// Rules parsed from the bytes of a TZif file (RFC 8536).
    /// - Throws: `TZifError` when the bytes are not a TZif file this reader understands.
    public init(identifier: String, tzif: Data, source: Source) throws(TZifError) {
        self.identifier = identifier
        self.source = source
        backing = .table(try TZifRules(data: tzif))
    }

    private init(identifier: String, foundation zone: TimeZone) {
        self.identifier = identifier
        source = .builtIn
        backing = .foundation(zone)
    }

    /// The zone's offset from UTC in seconds at an instant (UTC+1 is 3600).
    public func secondsFromGMT(for instant: Date) -> Int {
        switch backing {
        case .table(let rules): rules.offset(at: Self.seconds(instant))
        case .foundation(let zone): zone.secondsFromGMT(for: instant)
        }
    }

    /// The first instant after `instant` at which the offset changes, nil when it never changes
    /// again.
    public func nextTransition(after instant: Date) -> Date? {
        switch backing {
        case .table(let rules):
            rules.nextTransition(after: Self.seconds(instant)).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        case .foundation(let zone):
            zone.nextDaylightSavingTimeTransition(after: instant)
        }
    }

    private static func seconds(_ instant: Date) -> Int64 {
        let t = instant.timeIntervalSince1970.rounded(.down)
        return t >= 9e15 ? Int64(9e15) : t <= -9e15 ? Int64(-9e15) : Int64(t)
    }

    // MARK: Finding a zone

    /// The system's time-zone folder: `$TZDIR` when set and not empty, else `/usr/share/zoneinfo`.
    public static var systemDirectory: String {
        if let dir = ProcessInfo.processInfo.environment["TZDIR"], !dir.isEmpty { return dir }
        return "/usr/share/zoneinfo"
    }

    /// The rules of a zone: from `directory/identifier` when that is a TZif file, else from the
    /// built-in ICU data; nil when neither knows the zone.
    ///
    /// Zones are cached per process (keyed by folder and identifier): a tzdata update is read at
    /// the program's next start.
    /// - Parameter directory: the tzdata folder; `systemDirectory` by default.
    public static func named(_ identifier: String, directory: String = systemDirectory) -> ZoneRules? {
        let key = directory + "\u{0}" + identifier
        if let cached = cache.withLock({ $0[key] }) { return cached }
        guard let rules = load(identifier, directory: directory) else { return nil }
        cache.withLock { $0[key] = rules }
        return rules
    }

    private static let cache = Mutex<[String: ZoneRules]>([:])

    private static func load(_ identifier: String, directory: String) -> ZoneRules? {
        if isSafeIdentifier(identifier) {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + identifier
            if let data = FileManager.default.contents(atPath: path),
               let rules = try? ZoneRules(identifier: identifier, tzif: data,
                                          source: .tzdata(path: path, version: version(in: directory))) {
                return rules
            }
        }
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        return ZoneRules(identifier: identifier, foundation: zone)
    }

    /// A zone identifier that names a file inside the tzdata folder: letters, digits, `_ - + /`,
    /// no empty, `.` or `..` component, not absolute.
    static func isSafeIdentifier(_ identifier: String) -> Bool {
        guard !identifier.isEmpty, identifier.utf8.count <= 255 else { return false }
        let allowed = identifier.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-+/".unicodeScalars.contains($0))
        }
        return allowed && identifier.split(separator: "/", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The tzdata release of a folder: the first line of `tzdata.zi` (`# version 2025b`), else
    /// the file `+VERSION`; nil when neither says.
    public static func version(in directory: String) -> String? {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        if let handle = FileHandle(forReadingAtPath: base + "tzdata.zi") {
            defer { try? handle.close() }
            if let head = try? handle.read(upToCount: 64), let text = String(data: head, encoding: .utf8),
               let line = text.split(separator: "\n").first, line.hasPrefix("# version ") {
                let version = line.dropFirst("# version ".count).trimmingCharacters(in: .whitespaces)
                if !version.isEmpty { return version }
            }
        }
        if let data = FileManager.default.contents(atPath: base + "+VERSION"), data.count < 64,
           let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            return text
        }
        return nil
    }
}

/// Why bytes could not be read as TZif rules.
public enum TZifError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a TZif file (no `TZif` magic), or a version this reader does not know.
    case notTZif
    /// The file ends before the counts in its header say, or a count is out of range.
    case truncated
    /// The footer's POSIX TZ rule could not be read.
    case badFooter(String)

    public var description: String {
        switch self {
        case .notTZif: "not a TZif time-zone file"
        case .truncated: "the time-zone file is cut short or inconsistent"
        case .badFooter(let rule): "the time-zone file's rule '\(rule)' is not understood"
        }
    }
}

/// The offsets of a TZif file (RFC 8536): its transition table, then its footer's POSIX TZ rule
/// for instants after the table's last transition. Times are seconds since 1970 UTC; offsets
/// are seconds east of UTC.
struct TZifRules: Sendable {
    /// Instants at which the offset changes, ascending, each with the offset from then on.
    /// Transitions that leave the offset unchanged (only the abbreviation or the DST flag moves)
    /// are dropped.
    let transitions: [Int64]
    let offsets: [Int]
    /// The offset before the first transition (the file's time type 0).
    let initialOffset: Int
    /// The rule after the last transition, nil when the file has no footer.
    let footer: PosixTZRule?

    init(data: Data) throws(TZifError) {
        let bytes = [UInt8](data)
        var reader = ByteReader(bytes: bytes)
        let header = try reader.header()
        var block = header
        var timeSize = 4
        if header.version >= 2 {
            // Skip the version-1 block; the version-2 block that follows has 64-bit times.
            try reader.skip(header.v1BlockLength)
            block = try reader.header()
            timeSize = 8
        }
        var times: [Int64] = []
        times.reserveCapacity(block.timeCount)
        for _ in 0..<block.timeCount { times.append(timeSize == 8 ? try reader.int64() : Int64(try reader.int32())) }
        var typeIndices: [Int] = []
        for _ in 0..<block.timeCount { typeIndices.append(Int(try reader.byte())) }
        var typeOffsets: [Int] = []
        for _ in 0..<block.typeCount {
            typeOffsets.append(Int(try reader.int32()))
            try reader.skip(2) // isdst, abbreviation index: unused
        }
        guard !typeOffsets.isEmpty, typeIndices.allSatisfy({ $0 < typeOffsets.count }) else { throw .truncated }
        try reader.skip(block.charCount + block.leapCount * (timeSize + 4) + block.isStdCount + block.isUTCCount)
        var footer: PosixTZRule?
        if header.version >= 2, let text = try reader.footer(), !text.isEmpty {
            guard let rule = PosixTZRule(text) else { throw .badFooter(text) }
            footer = rule
        }
        initialOffset = typeOffsets[0]
        var keptTimes: [Int64] = []
        var keptOffsets: [Int] = []
        var current = initialOffset
        var previousTime = Int64.min
        for (time, index) in zip(times, typeIndices) {
            guard time > previousTime else { throw .truncated } // times must ascend
            previousTime = time
            let offset = typeOffsets[index]
            if offset != current {
                keptTimes.append(time)
                keptOffsets.append(offset)
                current = offset
            }
        }
        transitions = keptTimes
        offsets = keptOffsets
        self.footer = footer
        lastTableTime = times.last
    }

    /// The table's last transition (kept or not): the footer rules from there on.
    private let lastTableTime: Int64?

    func offset(at t: Int64) -> Int {
        if let footer, let last = lastTableTime, t >= last { return footer.offset(at: t) }
        // Last transition at or before t.
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if transitions[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? initialOffset : offsets[lo - 1]
    }

    func nextTransition(after t: Int64) -> Int64? {
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if transitions[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        if lo < transitions.count { return transitions[lo] }
        // Past the table: the footer's rule goes on from the table's last transition (RFC 8536
        // requires the two to agree there, so the hand-over itself changes nothing).
        guard let footer, let last = lastTableTime else { return nil }
        return footer.nextTransition(after: max(t, last))
    }
}

/// A POSIX TZ rule as written in a TZif footer (RFC 8536 §3.3 with its extensions):
/// `<+01>-1`, `CET-1CEST,M3.5.0,M10.5.0/3`, `EST5EDT,M3.2.0,M11.1.0`.
struct PosixTZRule: Sendable, Equatable {
    /// Seconds east of UTC in standard time and, when the zone has a second time, in it.
    let standardOffset: Int
    let alternate: Alternate?

    struct Alternate: Sendable, Equatable {
        let offset: Int
        let start: DateRule
        let startTime: Int
        let end: DateRule
        let endTime: Int
    }

    enum DateRule: Sendable, Equatable {
        /// `Jn`: day 1…365, February 29 never counted.
        case julian(Int)
        /// `n`: day 0…365, February 29 counted in leap years.
        case zeroBased(Int)
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = last) of month `m`.
        case monthWeek(month: Int, week: Int, weekday: Int)
    }

    init?(_ text: String) {
        var scanner = Scanner(Array(text.unicodeScalars))
        guard scanner.name(), let std = scanner.offset() else { return nil }
        standardOffset = -std
        if scanner.atEnd { alternate = nil; return }
        guard scanner.name() else { return nil }
        var dst = standardOffset + 3600
        if !scanner.peek(",") {
            guard let given = scanner.offset() else { return nil }
            dst = -given
        }
        guard scanner.take(","), let start = scanner.dateRule() else { return nil }
        var startTime = 7200
        if scanner.take("/") { guard let t = scanner.offset() else { return nil }; startTime = t }
        guard scanner.take(","), let end = scanner.dateRule() else { return nil }
        var endTime = 7200
        if scanner.take("/") { guard let t = scanner.offset() else { return nil }; endTime = t }
        guard scanner.atEnd else { return nil }
        alternate = Alternate(offset: dst, start: start, startTime: startTime, end: end, endTime: endTime)
    }

    /// The offset at instant `t` (seconds since 1970 UTC).
    func offset(at t: Int64) -> Int {
        guard let alternate else { return standardOffset }
        let year = LocalDate(dayNumber: Int(floorDiv64(t + Int64(standardOffset), 86_400))).year
        // Check the year before, this year and the next, so a rule whose alternate time spans
        // the new year is read right.
        var state = standardOffset
        var latest = Int64.min
        for y in (year - 1)...(year + 1) {
            let (start, end) = changes(in: y, alternate)
            if start <= t, start >= latest { latest = start; state = alternate.offset } // a tie: all-year rules
            if end <= t, end > latest { latest = end; state = standardOffset }
        }
        return state
    }

    /// The first instant after `t` at which the offset changes.
    func nextTransition(after t: Int64) -> Int64? {
        guard let alternate else { return nil }
        let year = LocalDate(dayNumber: Int(floorDiv64(t + Int64(standardOffset), 86_400))).year
        var candidates: [Int64] = []
        for y in (year - 1)...(year + 2) {
            let (start, end) = changes(in: y, alternate)
            candidates.append(start)
            candidates.append(end)
        }
        for c in candidates.sorted() where c > t && offset(at: c - 1) != offset(at: c) { return c }
        return nil
    }

    /// The UTC instants at which the alternate time starts and ends in a year.
    private func changes(in year: Int, _ alt: Alternate) -> (start: Int64, end: Int64) {
        let startDay = alt.start.dayNumber(in: year)
        let endDay = alt.end.dayNumber(in: year)
        let start = Int64(startDay) * 86_400 + Int64(alt.startTime) - Int64(standardOffset)
        let end = Int64(endDay) * 86_400 + Int64(alt.endTime) - Int64(alt.offset)
        return (start, end)
    }
}

extension PosixTZRule.DateRule {
    /// Days since 1970-01-01 of the rule's day in `year`.
    func dayNumber(in year: Int) -> Int {
        let january1 = LocalDate(year: year, month: 1, day: 1).dayNumber
        switch self {
        case .zeroBased(let n):
            return january1 + n
        case .julian(let n):
            let leap = LocalDate(year: year, month: 2, day: 29).isValid
            return january1 + n - 1 + (leap && n >= 60 ? 1 : 0)
        case .monthWeek(let month, let week, let weekday):
            let first = LocalDate(year: year, month: month, day: 1).dayNumber
            // 1970-01-01 was a Thursday (weekday 4 with Sunday = 0).
            let firstWeekday = ((first % 7) + 7 + 4) % 7
            var day = first + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
            let nextMonth = month == 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: month + 1, day: 1)
            while day >= nextMonth.dayNumber { day -= 7 }
            return day
        }
    }
}

private func floorDiv64(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

/// Reads the parts of a POSIX TZ string.
private struct Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0
    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var atEnd: Bool { index == scalars.count }
    func peek(_ c: Unicode.Scalar) -> Bool { index < scalars.count && scalars[index] == c }
    mutating func take(_ c: Unicode.Scalar) -> Bool {
        guard peek(c) else { return false }
        index += 1
        return true
    }

    /// A zone abbreviation: three or more letters, or `<…>` with letters, digits, `+` and `-`.
    mutating func name() -> Bool {
        if take("<") {
            let start = index
            while index < scalars.count, scalars[index] != ">" { index += 1 }
            guard index - start >= 3, take(">") else { return false }
            return true
        }
        let start = index
        while index < scalars.count, scalars[index].isASCII, scalars[index].properties.isAlphabetic { index += 1 }
        return index - start >= 3
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, hours up to 167 (RFC 8536 §3.3.1); POSIX's sign (west
    /// positive) is kept as written.
    mutating func offset() -> Int? {
        var sign = 1
        if take("-") { sign = -1 } else { _ = take("+") }
        guard let hours = number(maxDigits: 3), hours <= 167 else { return nil }
        var seconds = hours * 3600
        if take(":") {
            guard let minutes = number(maxDigits: 2), minutes < 60 else { return nil }
            seconds += minutes * 60
            if take(":") {
                guard let secs = number(maxDigits: 2), secs < 60 else { return nil }
                seconds += secs
            }
        }
        return sign * seconds
    }

    mutating func number(maxDigits: Int) -> Int? {
        var value = 0, digits = 0
        while index < scalars.count, digits < maxDigits, ("0"..."9").contains(scalars[index]) {
            value = value * 10 + Int(scalars[index].value - 48)
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : value
    }

    mutating func dateRule() -> PosixTZRule.DateRule? {
        if take("J") {
            guard let n = number(maxDigits: 3), (1...365).contains(n) else { return nil }
            return .julian(n)
        }
        if take("M") {
            guard let m = number(maxDigits: 2), (1...12).contains(m), take("."),
                  let w = number(maxDigits: 1), (1...5).contains(w), take("."),
                  let d = number(maxDigits: 1), (0...6).contains(d) else { return nil }
            return .monthWeek(month: m, week: w, weekday: d)
        }
        guard let n = number(maxDigits: 3), (0...365).contains(n) else { return nil }
        return .zeroBased(n)
    }
}

/// Big-endian reads over a TZif file's bytes.
private struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    struct Header {
        var version: Int
        var isUTCCount, isStdCount, leapCount, timeCount, typeCount, charCount: Int
        /// The length of the version-1 data block that follows this header.
        var v1BlockLength: Int {
            timeCount * 5 + typeCount * 6 + charCount + leapCount * 8 + isStdCount + isUTCCount
        }
    }

    mutating func header() throws(TZifError) -> Header {
        guard position + 44 <= bytes.count else { throw .truncated }
        guard bytes[position..<position + 4].elementsEqual("TZif".utf8) else { throw .notTZif }
        let versionByte = bytes[position + 4]
        let version: Int
        switch versionByte {
        case 0: version = 1
        case UInt8(ascii: "2"): version = 2
        case UInt8(ascii: "3"): version = 3
        case UInt8(ascii: "4"): version = 4
        default: throw .notTZif
        }
        position += 20
        var counts: [Int] = []
        for _ in 0..<6 {
            let c = try int32()
            guard c >= 0, c < 1_000_000 else { throw .truncated }
            counts.append(Int(c))
        }
        return Header(version: version, isUTCCount: counts[0], isStdCount: counts[1], leapCount: counts[2],
                      timeCount: counts[3], typeCount: counts[4], charCount: counts[5])
    }

    mutating func skip(_ n: Int) throws(TZifError) {
        guard n >= 0, position + n <= bytes.count else { throw .truncated }
        position += n
    }

    mutating func byte() throws(TZifError) -> UInt8 {
        guard position < bytes.count else { throw .truncated }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func int32() throws(TZifError) -> Int32 { Int32(truncatingIfNeeded: Int64(bitPattern: try bigEndian(4) << 32) >> 32) }

    mutating func int64() throws(TZifError) -> Int64 { Int64(bitPattern: try bigEndian(8)) }

    /// The next `count` bytes (4 or 8) as a big-endian number.
    private mutating func bigEndian(_ count: Int) throws(TZifError) -> UInt64 {
        guard position + count <= bytes.count else { throw .truncated }
        var v: UInt64 = 0
        for i in 0..<count { v = v << 8 | UInt64(bytes[position + i]) }
        position += count
        return v
    }

    /// The footer `\n<rule>\n`; nil when the file stops before it.
    mutating func footer() throws(TZifError) -> String? {
        guard position < bytes.count else { return nil }
        guard bytes[position] == UInt8(ascii: "\n") else { throw .truncated }
        let start = position + 1
        guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { throw .truncated }
        position = end + 1
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
