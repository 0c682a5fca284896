import Foundation

/// When a new registration may be a person already registered: the center must never hold two
/// records of one person (their history, appointments and reports would split).
///
/// A record resembles a registration when
/// - the same phone number is given (international form, `PhoneNumber.international`), or
/// - the names match word for word in any order, in any script, and the nationality is the
///   same, and the birth years (when both are known) are at most one year apart.
///
/// Names match word for word when, once the Arabic article standing alone (`al`, `el`) is left
/// out, both have the same number of words and each word of one meets a word of the other by
/// its folded form (`Aïssatou` = `Aissatou`, with or without the Arabic article: `المهاجر` =
/// `Mouhajir`) or by its consonant skeleton (`محمد` = `Mohamed`, see `SearchText.skeleton(of:)`).
/// Known limit: a name written in one word in one record and two in the other (`Abdallah`,
/// `عبد الله`) does not match.
public enum DuplicateRule {
    /// True when `existing` may be the person `new` describes (see the type's rule).
    public static func resembles(_ new: NewVisitor, _ existing: Visitor) -> Bool {
        if let phone = new.phone.flatMap(PhoneNumber.international), let other = existing.phone.flatMap(PhoneNumber.international),
           phone == other {
            return true
        }
        guard new.nationality.uppercased() == existing.nationality.uppercased() else { return false }
        if let a = new.birthYear, let b = existing.birthYear, abs(a - b) > 1 { return false }
        return namesMatch(Visitor.fullName(given: new.givenName, family: new.familyName), existing.fullName)
    }

    /// True when two registrations may be one person (the same rule, both sides new: rows of
    /// one import file).
    public static func resembles(_ a: NewVisitor, _ b: NewVisitor) -> Bool {
        if let p = a.phone.flatMap(PhoneNumber.international), let q = b.phone.flatMap(PhoneNumber.international), p == q {
            return true
        }
        guard a.nationality.uppercased() == b.nationality.uppercased() else { return false }
        if let x = a.birthYear, let y = b.birthYear, abs(x - y) > 1 { return false }
        return namesMatch(Visitor.fullName(given: a.givenName, family: a.familyName),
                          Visitor.fullName(given: b.givenName, family: b.familyName))
    }

    /// `namesMatch` on keys already computed with `wordKeys` (an import compares many rows).
    public static func keysMatch(_ left: [Set<String>], _ right: [Set<String>]) -> Bool {
        guard !left.isEmpty, left.count == right.count else { return false }
        return pairs(left[...], right)
    }

    /// True when two full names match word for word, in any order and any script.
    public static func namesMatch(_ a: String, _ b: String) -> Bool {
        let left = wordKeys(a), right = wordKeys(b)
        guard !left.isEmpty, left.count == right.count else { return false }
        return pairs(left[...], right)
    }

    /// The keys of each word of a name: its folded forms (with and without the Arabic article)
    /// and their skeletons. A lone article (`al`, `el`) is left out.
    public static func wordKeys(_ name: String) -> [Set<String>] {
        SearchText.positions(name).flatMap { $0.split() }.compactMap { position in
            let variants = position.variants.filter { !articles.contains($0) }
            guard !variants.isEmpty else { return nil }
            var keys = Set(variants)
            for v in variants { keys.formUnion(SearchText.skeletons(of: v).filter { $0.count > 1 }) }
            return keys
        }
    }

    private static let articles: Set<String> = ["al", "el"]

    /// Whether each word of `left` meets a distinct word of `right` (backtracking; names have
    /// a handful of words).
    private static func pairs(_ left: ArraySlice<Set<String>>, _ right: [Set<String>]) -> Bool {
        guard let first = left.first else { return right.isEmpty }
        for (i, keys) in right.enumerated() where !keys.isDisjoint(with: first) {
            var rest = right
            rest.remove(at: i)
            if pairs(left.dropFirst(), rest) { return true }
        }
        return false
    }
}

/// A registration refused because existing records resemble it.
public enum DuplicateError: Error, Equatable, Sendable {
    /// The resembling records, best first (same phone, then by code).
    case possibleDuplicates([Visitor])
}
