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
