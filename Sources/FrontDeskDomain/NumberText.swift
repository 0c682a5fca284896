import Foundation

/// Numbers written as text the way C's `printf` writes them, without `String(format:)`.
///
/// `String(format:)` goes through Foundation's format parser and, on first use in a process,
/// its locale set-up: a measurable share of a short command's run (a month's occupancy is timed
/// as a whole process). These give the same characters as `%0Nd` and `%.Nf`.
public enum NumberText {
    /// `n` in decimal, left-padded with zeros to at least `width` characters, a minus sign
    /// counted in the width: like `printf("%0*d", width, n)` (`zeroPadded(7, width: 3)` is
    /// `"007"`, `zeroPadded(-7, width: 3)` is `"-07"`, `zeroPadded(12345, width: 3)` is `"12345"`).
    public static func zeroPadded(_ n: Int, width: Int) -> String {
        let digits = String(n.magnitude)
        let sign = n < 0 ? "-" : ""
        let zeros = max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }

    /// `value` with `places` digits after the point, rounded as C's `printf("%.*f")` rounds
    /// the binary value (the C library's `snprintf` writes it): `fixed(2.25, places: 1)` is
    /// `"2.2"`, `fixed(1.0 / 3, places: 2)` is `"0.33"`. `places` below 0 counts as 0;
    /// non-finite values give `"nan"`, `"inf"` or `"-inf"`, as C does.
    public static func fixed(_ value: Double, places: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let written = withVaList([Int32(max(0, min(places, 40))), value]) { args in
            vsnprintf(&buffer, buffer.count, "%.*f", args)
        }
        if written >= buffer.count { // a huge magnitude: ask again with room for every digit
            buffer = [CChar](repeating: 0, count: Int(written) + 1)
            _ = withVaList([Int32(max(0, min(places, 40))), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
        }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
