import FrontDeskDomain

/// The `visitor.search_text` column: all of a visitor's search terms in one text,
/// ` w:aissatou w:diallo s:st t:mhmd p:0612345678 c:2026-00042 c:00042 ` (kind letter, colon, term;
/// spaces around each; terms never hold spaces).
///
/// A search checks a candidate against a query word with `instr`: a prefix `moh` of a word is
/// the needle ` w:moh`, an exact word ` w:mohamed ` (with the closing space).
enum SearchTextColumn {
    static func letter(_ kind: SearchTermKind) -> String {
        switch kind {
        case .word: "w"
        case .skeleton: "s"
        case .phone: "p"
        case .code: "c"
        case .scriptSkeleton: "t"
        case .pairPrefix: "q"
        case .skeletonPair: "k"
        case .scriptSkeletonPair: "r"
        }
    }

    static func kind(_ letter: Substring) -> SearchTermKind? {
        switch letter {
        case "w": .word
        case "s": .skeleton
        case "p": .phone
        case "c": .code
        case "t": .scriptSkeleton
        case "q": .pairPrefix
        case "k": .skeletonPair
        case "r": .scriptSkeletonPair
        default: nil
        }
    }

    /// `kind(_:)` of a letter given as its ASCII byte.
    static func kind(byte: UInt8) -> SearchTermKind? {
        switch byte {
        case UInt8(ascii: "w"): .word
        case UInt8(ascii: "s"): .skeleton
        case UInt8(ascii: "p"): .phone
        case UInt8(ascii: "c"): .code
        case UInt8(ascii: "t"): .scriptSkeleton
        case UInt8(ascii: "q"): .pairPrefix
        case UInt8(ascii: "k"): .skeletonPair
        case UInt8(ascii: "r"): .scriptSkeletonPair
        default: nil
        }
    }

    /// The column's text for a set of terms (sorted, so equal sets give equal texts).
    static func encode(_ terms: Set<SearchTerm>) -> String {
        let parts = terms.map { "\(letter($0.kind)):\($0.text)" }.sorted()
        return " " + parts.joined(separator: " ") + " "
    }

    /// The terms a column's text holds.
    static func decode(_ text: String) -> [SearchTerm] {
        text.split(separator: " ").compactMap { part in
            guard let colon = part.firstIndex(of: ":"), let kind = kind(part[..<colon]) else { return nil }
            return SearchTerm(kind, String(part[part.index(after: colon)...]))
        }
    }

    /// What `instr` looks for: ` k:text` for a prefix, ` k:text ` for an exact term.
    static func needle(kind: SearchTermKind, text: String, exact: Bool) -> String {
        " \(letter(kind)):\(text)" + (exact ? " " : "")
    }
}
