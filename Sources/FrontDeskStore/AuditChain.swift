import Crypto
import Foundation
import GRDB

/// The hash chain over `audit_event` (issue 13 item 8): each row's `hash` covers its own fields
/// and the previous row's hash, so changing, removing or inserting a row breaks every hash after
/// it.
///
/// ```
/// H(0) = genesis = SHA-256("FrontDesk audit_event chain v1")
/// H(n) = SHA-256(H(n-1) ‖ E(id) ‖ E(at) ‖ E(actor_name) ‖ E(actor_terminal) ‖ E(action)
///                        ‖ E(entity) ‖ E(entity_id) ‖ E(detail))
/// ```
/// where row n-1 is the row before in id order and `E` encodes one stored value with its
/// SQLite storage class, so that no two rows encode alike (a NULL is not an empty text, `12`
/// is not `"12"`, a field's end is never ambiguous):
///
/// | value | bytes |
/// |---|---|
/// | NULL | `00` |
/// | integer v | `01` ‖ v, 8 bytes big-endian two's complement |
/// | real r | `02` ‖ IEEE-754 bits of r, 8 bytes big-endian |
/// | text s | `03` ‖ UTF-8 byte count, 8 bytes big-endian ‖ the UTF-8 bytes |
/// | blob b | `04` ‖ byte count, 8 bytes big-endian ‖ the bytes |
///
/// The chain has no secret: whoever can write the file can also recompute it. It shows
/// tampering when checked against a head kept elsewhere (README "Audit").
enum AuditChain {
    /// The hash "before" the first row: SHA-256 of the ASCII text `FrontDesk audit_event chain v1`.
    static let genesis = Data(SHA256.hash(data: Data("FrontDesk audit_event chain v1".utf8)))

    /// The hashed columns, in the order they are hashed.
    static let columns = "id, at, actor_name, actor_terminal, action, entity, entity_id, detail"

    /// The hash of a row whose hashed columns (in `columns` order) hold `fields`, after a row
    /// whose hash is `previous`. 32 bytes.
    static func hash(previous: Data, fields: [DatabaseValue]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(previous.count + 160)
        bytes += previous
        for field in fields { append(field, to: &bytes) }
        return Data(SHA256.hash(data: bytes))
    }

    /// The hash of the row whose hashed columns are the first `fieldCount` of `row`.
    static func hash(previous: Data, row: Row, fieldCount: Int = 8) -> Data {
        hash(previous: previous, fields: (0..<fieldCount).map { row[$0] as DatabaseValue })
    }

    /// Appends `E(value)` to `bytes`.
    ///
    /// Text counts up to its first NUL, if any: GRDB binds a Swift string as a C string, so
    /// that is what SQLite stores, and what a later read returns.
    static func append(_ value: DatabaseValue, to bytes: inout [UInt8]) {
        switch value.storage {
        case .null:
            bytes.append(0)
        case .int64(let v):
            bytes.append(1)
            appendBigEndian(UInt64(bitPattern: v), to: &bytes)
        case .double(let r):
            bytes.append(2)
            appendBigEndian(r.bitPattern, to: &bytes)
        case .string(let s):
            let utf8 = s.utf8.prefix { $0 != 0 }
            bytes.append(3)
            appendBigEndian(UInt64(utf8.count), to: &bytes)
            bytes += utf8
        case .blob(let b):
            bytes.append(4)
            appendBigEndian(UInt64(b.count), to: &bytes)
            bytes += b
        }
    }

    private static func appendBigEndian(_ v: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }
}
