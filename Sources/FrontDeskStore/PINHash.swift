import _CryptoExtras
import Crypto
import Foundation

/// A salted slow hash of a staff PIN, stored as a PHC-like string that records its parameters:
/// `$pbkdf2-sha256$i=1200000$<salt base64>$<hash base64>` (base64 without padding).
///
/// PBKDF2 with HMAC-SHA256 (RFC 8018 §5.2) through swift-crypto's `_CryptoExtras` (BoringSSL on
/// Linux). Each hash has its own random 16-byte salt and stores its iteration count, so the
/// default can be raised later and old hashes still verify. Verification recomputes the hash
/// with the stored parameters and compares in constant time.
public struct PINHash: Hashable, Sendable {
    /// PBKDF2 iterations of new hashes. Chosen so one check takes about 150–250 ms on the
    /// center's machine (measured by `frontdesk-bench`): slow for guessing, quick at a desk.
    public static let defaultIterations = 1_200_000
    /// Bytes of salt and of derived key.
    static let saltBytes = 16, keyBytes = 32
    static let scheme = "pbkdf2-sha256"

    public var iterations: Int
    public var salt: [UInt8]
    public var hash: [UInt8]

    /// Hashes `pin` with a fresh random salt.
    ///
    /// - Parameter iterations: the cost; only tests pass a lower one (`PINHash.testIterations`),
    ///   production code uses the default.
    public static func make(pin: String, iterations: Int = defaultIterations) throws -> PINHash {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<saltBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return PINHash(iterations: iterations, salt: salt, hash: try derive(pin, salt: salt, iterations: iterations))
    }

    /// A cheap cost for tests that create many logins; never used by the product.
    public static let testIterations = 1_000

    static func derive(_ pin: String, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(pin.utf8), salt: salt, using: .sha256,
                                                    outputByteCount: keyBytes, unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }

    /// True when `pin` hashes to this hash with its salt and iterations. Constant-time compare.
    public func verify(_ pin: String) -> Bool {
        guard let candidate = try? Self.derive(pin, salt: salt, iterations: iterations), candidate.count == hash.count else {
            return false
        }
        var difference: UInt8 = 0
        for (a, b) in zip(candidate, hash) { difference |= a ^ b }
        return difference == 0
    }

    /// The stored form, `$pbkdf2-sha256$i=N$salt$hash`.
    public var encoded: String {
        "$\(Self.scheme)$i=\(iterations)$\(Self.base64(salt))$\(Self.base64(hash))"
    }

    /// Parses the stored form; nil for anything else (an unknown scheme, a bad number).
    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == Self.scheme, parts[2].hasPrefix("i="),
              let iterations = Int(parts[2].dropFirst(2)), iterations > 0,
              let salt = Self.unbase64(String(parts[3])), let hash = Self.unbase64(String(parts[4])), !hash.isEmpty
        else { return nil }
        self.init(iterations: iterations, salt: salt, hash: hash)
    }

    public init(iterations: Int, salt: [UInt8], hash: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    private static func unbase64(_ text: String) -> [UInt8]? {
        let padded = text + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: padded).map(Array.init)
    }
}
