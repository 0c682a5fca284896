import Foundation

/// The order of names in lists (counselors, rooms): case and accents ignored ("Élodie" between
/// "Ella" and "Emma"), runs of digits compared by value ("Salle 2" before "Salle 10"), then the
/// exact text, so that the order is total.
///
/// Foundation's `localizedStandardCompare` orders the same way for these names, but its first
/// call starts ICU's collator: about 2.5 ms of every short command (`frontdesk schedule
/// --counselor …`), more than the query. Scripts other than Latin order by code point after
/// folding, which keeps Arabic and Ge'ez names in a stable, if not dictionary, order.
public enum NameOrder {
    /// A name prepared for comparing: folded once (folding goes through Foundation's NSString,
    /// microseconds each), then compared as often as a sort needs.
    public struct Key: Comparable, Sendable {
        let folded: [Unicode.Scalar]
        let text: String

        public init(_ name: String) {
            text = name
            folded = Array(name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars)
        }

        public static func < (a: Key, b: Key) -> Bool {
            let c = NameOrder.compare(a.folded[...], b.folded[...])
            return c == .orderedSame ? a.text < b.text : c == .orderedAscending
        }

        public static func == (a: Key, b: Key) -> Bool { a.text == b.text }
    }

    /// `items` in name order, ties by `tieBreak` (ids); each name is folded once.
    public static func sorted<T, I: Comparable>(_ items: [T], name: (T) -> String, tieBreak: (T) -> I) -> [T] {
        let keyed: [(key: Key, tie: I, item: T)] = items.map { (Key(name($0)), tieBreak($0), $0) }
        let ordered = keyed.sorted { (a, b) -> Bool in a.key == b.key ? a.tie < b.tie : a.key < b.key }
        return ordered.map { $0.item }
    }

    /// True when `a` sorts before `b` (folds both: for sorting many, use `sorted` or `Key`).
    public static func precedes(_ a: String, _ b: String) -> Bool { Key(a) < Key(b) }

    /// Compares folded names, digit runs by value.
    static func compare(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>) -> ComparisonResult {
        var x = a, y = b
        while let p = x.first, let q = y.first {
            if p.properties.numericType == .decimal, q.properties.numericType == .decimal {
                let dx = x.prefix { $0.properties.numericType == .decimal }, dy = y.prefix { $0.properties.numericType == .decimal }
                let vx = dx.drop { $0.properties.numericValue == 0 }, vy = dy.drop { $0.properties.numericValue == 0 }
                if vx.count != vy.count { return vx.count < vy.count ? .orderedAscending : .orderedDescending }
                for (m, n) in zip(vx, vy) where m.properties.numericValue != n.properties.numericValue {
                    return (m.properties.numericValue ?? 0) < (n.properties.numericValue ?? 0) ? .orderedAscending : .orderedDescending
                }
                x = x.dropFirst(dx.count)
                y = y.dropFirst(dy.count)
                continue
            }
            if p != q { return p.value < q.value ? .orderedAscending : .orderedDescending }
            x = x.dropFirst()
            y = y.dropFirst()
        }
        return x.isEmpty && y.isEmpty ? .orderedSame : (x.isEmpty ? .orderedAscending : .orderedDescending)
    }
}
