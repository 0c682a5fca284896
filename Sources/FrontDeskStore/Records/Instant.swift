import Foundation

/// Instants are stored as INTEGER milliseconds since 1970-01-01T00:00:00Z (UTC): exact round
/// trips, cheap comparisons, no time zone in the file. Read them in the sqlite3 shell with
/// `strftime('%Y-%m-%dT%H:%M:%fZ', arrived_at / 1000.0, 'unixepoch')`.
extension Date {
    /// This instant in whole milliseconds since the epoch (rounded to the nearest).
    var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(epochMilliseconds ms: Int64) {
        self.init(timeIntervalSince1970: Double(ms) / 1000)
    }

    /// The instant as stored: rounded to the millisecond.
    var storedPrecision: Date { Date(epochMilliseconds: epochMilliseconds) }
}
