/// Phone numbers as typed at the desk, and the digit keys used to find them.
///
/// Numbers are kept as text (`+212 6 12 34 56 78`): they are never computed with, and a
/// leading `+` or `0` matters. Search works on their digits only.
public enum PhoneNumber {
    /// The text with every decimal digit (Arabic-Indic `٠١٢`, Devanagari, ...) made ASCII.
    public static func normalized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let d = asciiDigit(scalar) { out.append(d) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// The ASCII digits of a text, in order: `+212 (0)6-12` → `2120612`.
    public static func digits(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let d = asciiDigit(scalar) { out.append(d) }
        }
        return String(out)
    }

    /// Shortest run of typed digits that searches phone numbers.
    public static let minimumSearchDigits = 3

    /// The digit strings under which a stored number is found: every suffix of at least
    /// `minimumSearchDigits` digits, so that any run of typed digits is a prefix of one of
    /// them (a "contains" search answered by an index).
    ///
    /// Moroccan numbers are indexed in both forms, national (`06…`) and international
    /// (`212 6…`, also when typed `00212 6…`), so either form typed finds the other.
    public static func searchTerms(digits: String) -> Set<String> {
        var forms: Set<String> = [digits]
        var national = Substring(digits)
        if national.hasPrefix("00") { national = national.dropFirst(2); forms.insert(String(national)) }
        if national.hasPrefix("212"), national.count == 12 {
            forms.insert("0" + national.dropFirst(3))
        } else if national.hasPrefix("0"), !national.hasPrefix("00"), national.count == 10 {
            forms.insert("212" + national.dropFirst())
        }
        var terms: Set<String> = []
        for form in forms {
            var s = Substring(form)
            while s.count >= minimumSearchDigits {
                terms.insert(String(s))
                s = s.dropFirst()
            }
        }
        return terms
    }

    /// The digits of a typed query as matched against `searchTerms`: an international prefix
    /// `00` is dropped (so `00212 6…` matches like `212 6…`).
    public static func queryDigits(_ text: String) -> String {
        let d = digits(text)
        return d.hasPrefix("00") ? String(d.dropFirst(2)) : d
    }

    private static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard scalar.properties.numericType == .decimal, let v = scalar.properties.numericValue,
              v >= 0, v <= 9 else { return nil }
        return Unicode.Scalar(UInt8(ascii: "0") + UInt8(v))
    }
}
