import Foundation

/// The name of a terminal's desk ("Guichet 2", "Desk 4"): called tickets, the public board and
/// the audit trail show it, so each terminal must have its own, readable one.
public enum DeskName {
    /// Longest accepted name, in characters (the board shows `P-002 → ` and the name).
    public static let maxLength = 30

    /// Why a desk name is refused.
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case tooLong(max: Int)
        /// A control character, a line break, a bidi override, or no letter or digit at all.
        case invalid
    }

    /// The name as kept: trimmed, inner runs of spaces made one space, Unicode NFC.
    /// - Throws: `Problem.empty`, `.tooLong`, `.invalid` (the rules of visitor names for
    ///   forbidden scalars, `VisitorRules.isForbiddenInName`).
    public static func normalized(_ raw: String) throws(Problem) -> String {
        guard raw.unicodeScalars.count <= maxLength * VisitorRules.maxScalarsPerCharacter else { throw .tooLong(max: maxLength) }
        guard !raw.unicodeScalars.contains(where: VisitorRules.isForbiddenInName) else { throw .invalid }
        let name = raw.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !name.isEmpty else { throw .empty }
        guard name.count <= maxLength else { throw .tooLong(max: maxLength) }
        guard !name.contains(where: { $0.unicodeScalars.count > VisitorRules.maxScalarsPerCharacter }),
              name.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
            throw .invalid
        }
        return name
    }
}
