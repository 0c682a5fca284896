import Foundation

/// Copies of the system's zone files with one clock change moved: how tests play a tzdata
/// update (the rules a file was written under, then the system's).
public enum TZifPatch {
    /// Where the system's zone files are.
    public static let zoneinfo = "/usr/share/zoneinfo"

    /// Why a zone file could not be patched.
    public struct NotFound: Error, CustomStringConvertible {
        public let description: String
    }

    /// `data` (a TZif file of version 2 or later) with the 64-bit transition at `old` (UTC
    /// seconds) moved to `new`.
    /// - Throws: `NotFound` when the file has no transition at `old`.
    public static func movingTransition(in data: Data, from old: Int64, to new: Int64) throws -> Data {
        var bytes = [UInt8](data)
        func int32(at i: Int) -> Int { Int(UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])) }
        func counts(at h: Int) -> [Int] { (0..<6).map { int32(at: h + 20 + 4 * $0) } }
        let v1 = counts(at: 0)
        let v1Length = v1[3] * 5 + v1[4] * 6 + v1[5] + v1[2] * 8 + v1[1] + v1[0]
        let header2 = 44 + v1Length
        let timeCount = counts(at: header2)[3]
        let target = withUnsafeBytes(of: old.bigEndian, Array.init)
        let replacement = withUnsafeBytes(of: new.bigEndian, Array.init)
        for i in 0..<timeCount {
            let at = header2 + 44 + 8 * i
            if Array(bytes[at..<at + 8]) == target {
                bytes.replaceSubrange(at..<at + 8, with: replacement)
                return Data(bytes)
            }
        }
        throw NotFound(description: "no transition at \(old) in the file")
    }

    /// A folder holding `zone`'s system file with the transition at `old` moved to `new`, and
    /// a `tzdata.zi` naming `version`; the caller removes it.
    public static func folder(zone: String, movingTransitionAt old: Date, to new: Date, version: String = "2099z") throws -> URL {
        let original = try Data(contentsOf: URL(fileURLWithPath: zoneinfo + "/" + zone))
        let patched = try movingTransition(in: original, from: Int64(old.timeIntervalSince1970), to: Int64(new.timeIntervalSince1970))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tzdir-\(UUID().uuidString)")
        let file = folder.appendingPathComponent(zone)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try patched.write(to: file)
        try Data("# version \(version)\n".utf8).write(to: folder.appendingPathComponent("tzdata.zi"))
        return folder
    }
}
