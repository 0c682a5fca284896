import Foundation
import FrontDeskDomain
import GRDB
@testable import FrontDeskStore

/// A fresh directory under the system's temporary directory; removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("frontdesk-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

let rabat = CenterCalendar()
let desk = Actor(name: "Desk 1", terminal: "test")

/// 2026-04-14 10:00 in Rabat (UTC+1 on that day), plus `minutes`.
func apr14(minutes: Double = 0) -> Date {
    Date(timeIntervalSince1970: 1_776_157_200 + minutes * 60)
}

func newVisitor(_ given: String, _ family: String = "", phone: String? = nil,
                consent: Set<ConsentScope> = [.services]) -> NewVisitor {
    NewVisitor(givenName: given, familyName: family, sex: .unspecified, birthYear: nil, nationality: "MA",
               languages: ["ar", "fr"], status: .migrant, phone: phone, consentScopes: consent)
}

/// Registers visitors named `Visitor 1` … `Visitor n` and returns their ids.
func registerNumbered(_ db: AppDatabase, count: Int, at now: Date = apr14()) throws -> [Int64] {
    try db.registerMany((1...count).map { newVisitor("Visitor", "N\($0)") }, by: desk, at: now).map(\.id)
}

/// Reads a whole file's bytes (nil when missing).
func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

/// Values shared between test threads under a lock.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func update<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    var current: Value { update { $0 } }
}

/// Runs today's writers (`AppDatabase.insert`…) on a file of a schema older than the audit
/// chain (v11), leaving its audit rows as an older binary wrote them: today's writers hash each
/// row, so the `hash` column is there while `body` runs and dropped after.
func writingAsBeforeTheAuditChain(_ db: Database, _ body: () throws -> Void) throws {
    try db.execute(sql: "ALTER TABLE audit_event ADD COLUMN hash BLOB")
    try body()
    try db.execute(sql: "ALTER TABLE audit_event DROP COLUMN hash")
}
