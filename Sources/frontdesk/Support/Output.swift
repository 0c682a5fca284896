@preconcurrency import Glibc
import Foundation
import TerminalKit
import FrontDeskDomain
import FrontDeskUI

/// Text-format output for a terminal: data never drives the terminal (a name holding `ESC[2J` or an
/// OSC 52 clipboard sequence is printed with visible placeholders).
enum TextOutput {
    /// The text with control characters, ESC and bidi controls replaced by visible placeholders.
    static func safe(_ text: String) -> String { DisplayText.sanitized(text) }
}

/// JSON output: sorted keys, ISO 8601 UTC instants, one document and a final newline.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "null\n" }
        return text + "\n"
    }
}

extension Service {
    /// The service's name in the command's language (`--lang`, else the locale).
    func name(in language: UILanguage) -> String { language == .en ? nameEn : nameFr }
}

/// Standard output written so that its failures are told, not crashed on or hidden (issue 13
/// item 6): `FileHandle.write` stopped the program with a stack trace on a full disk, and
/// `print` exited 0 having written nothing.
enum StandardOutput {
    /// Writes the text to standard output now (after what `print` buffered). On a closed pipe
    /// (a reader such as `head` that stopped reading) the command ends quietly with status 141,
    /// as SIGPIPE's default would; on any other failure it says so in one line and exits 1.
    static func write(_ text: String) {
        flush()
        let failure = writeAll(1, Data(text.utf8))
        if failure != 0 { fail(failure) }
    }

    /// Flushes what `print` buffered and checks that every earlier write reached its file.
    static func flush() {
        errno = 0
        if fflush(stdout) != 0 || ferror(stdout) != 0 {
            fail(errno)
        }
    }

    /// Ends the command after a failed write to standard output.
    static func fail(_ error: Int32) -> Never {
        if error == EPIPE { Foundation.exit(141) }
        let reason = error == ENOSPC ? "disk full: the output was not written whole"
            : error == 0 ? "cannot write the output: it was not written whole (a full disk?)"
            : "cannot write the output: \(String(cString: strerror(error)))"
        FrontDeskCommand.writeError("frontdesk: \(reason)")
        Foundation.exit(1)
    }
}

/// Writes all of `data` to the file descriptor, retrying short writes and interruptions.
/// - Returns: 0, or the `errno` of the write that failed (`ENOSPC`, `EPIPE`, …).
func writeAll(_ fd: Int32, _ data: Data) -> Int32 {
    data.withUnsafeBytes { buffer -> Int32 in
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }
}
