/// Phone numbers as typed at the desk, the international form they are stored in, and the
/// digit keys used to find them.
///
/// **Stored form**: international (ITU-T E.164), `+`, the country code and the national
/// significant number, digits only: `+212610020304`. A number is text, never computed with.
///
/// **Morocco is the default region.** The rule follows Morocco's national numbering plan (ANRT,
/// Agence nationale de réglementation des télécommunications): country code 212; a national
/// significant number (NSN) of 9 digits whose first digit is 5 (fixed lines, `05 22 …` in
/// Casablanca, `05 37 …` in Rabat), 6 or 7 (mobiles) or 8 (non-geographic services); dialled in
/// Morocco with the trunk prefix 0, from abroad with 212 after `+` or the international prefix
/// `00`. So `06 10 02 03 04`, `0610020304`, `610020304`, `212610020304`, `00212610020304`,
/// `+212 6 10 02 03 04` and `+212 (0)6 10 02 03 04` are one number, `+212610020304`: the trunk
/// 0 goes, the zeros inside the NSN stay.
///
/// **Other countries' numbers** are given with `+` or `00` and kept in their international
/// form as typed (`+221 77 000 11 22` → `+221770001122`); a trunk prefix written `(0)` after the
/// country code is dropped, any other digit is kept (Italy's `+39 06…` keeps its 0). E.164
/// limits: a country code never starts with 0; at most 15 digits; 7 at least (Niue's `+683 xxxx`).
///
/// Digits may be typed in any script's decimal digits (Arabic-Indic `٠٦١٠…`, Extended
/// Arabic-Indic `۰۶۱۰…`), with spaces, `-`, `.`, `/` and parentheses between them.
public enum PhoneNumber {
    /// Morocco's country calling code (ITU-T E.164 assignment).
    public static let moroccoCountryCode = "212"
    /// Digits of a Moroccan national significant number (ANRT).
    public static let moroccoNSNLength = 9
    /// Fewest and most digits of an international number, country code included (E.164).
    public static let internationalDigits = 7...15

    /// The number in international form, `+212610020304`, or nil when the text is not a phone
    /// number: a character other than digits and separators, a `+` not in front, a Moroccan
    /// number of the wrong length or first digit, a national number that is not Moroccan, or an
    /// international one outside E.164's limits. See the type's documentation for the rule.
    public static func international(_ text: String) -> String? {
        var body = Substring(normalized(text).trimmingCharacters(in: .whitespaces))
        let plus = body.first == "+"
        if plus { body = body.dropFirst() }
        guard body.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || separators.contains($0) }) else { return nil }
        var digits = self.digits(String(body))
        if plus || digits.hasPrefix("00") {
            // `(0)`: a trunk prefix written inside an international number, dropped.
            digits = self.digits(body.replacingOccurrences(of: "(0)", with: ""))
            return internationalForm(plus ? digits : String(digits.dropFirst(2)))
        }
        // A national number: Morocco's, with or without its trunk 0, or 212 typed without `+`.
        if digits.count == moroccoNSNLength + 1, digits.hasPrefix("0") { return moroccan(nsn: digits.dropFirst()) }
        if digits.count == moroccoNSNLength { return moroccan(nsn: Substring(digits)) }
        if digits.hasPrefix(moroccoCountryCode) { return internationalForm(digits) }
        return nil
    }

    /// What may stand between the digits of a phone number.
    private static let separators: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "-", ".", "/", "(", ")"]

    /// The national form of a Moroccan number in international form (`+212610020304` →
    /// `0610020304`); nil for another country's.
    public static func moroccanNationalForm(_ international: String) -> String? {
        let digits = self.digits(international)
        guard digits.hasPrefix(moroccoCountryCode), digits.count == moroccoCountryCode.count + moroccoNSNLength else { return nil }
        return "0" + digits.dropFirst(moroccoCountryCode.count)
    }

    /// `+` and the digits, checked: Moroccan numbers against ANRT's plan (a trunk 0 typed after
    /// 212 dropped), others against E.164's limits.
    private static func internationalForm(_ digits: String) -> String? {
        if digits.hasPrefix(moroccoCountryCode) {
            var nsn = digits.dropFirst(moroccoCountryCode.count)
            if nsn.count == moroccoNSNLength + 1, nsn.hasPrefix("0") { nsn = nsn.dropFirst() }
            return moroccan(nsn: nsn)
        }
        guard let first = digits.first, first != "0", internationalDigits.contains(digits.count) else { return nil }
        return "+" + digits
    }

    /// `+212` and a national significant number: 9 digits, the first 5, 6, 7 or 8 (ANRT).
    private static func moroccan(nsn: Substring) -> String? {
        guard nsn.count == moroccoNSNLength, let first = nsn.first, ("5"..."8").contains(first) else { return nil }
        return "+" + moroccoCountryCode + nsn
    }

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

    /// The value 0–9 of a character that is one decimal digit of any script (`7`, `٧`, `۷`),
    /// else nil (letters, `½`, Roman numerals).
    public static func digitValue(_ character: Character) -> Int? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
              let d = asciiDigit(scalar) else { return nil }
        return Int(d.value) - 0x30
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

    /// The digits a typed query looks for among phone numbers: a whole number, in any of its
    /// forms, as its international digits (`06 10 02 03 04`, `+212 (0)6…` → `212610020304`);
    /// a part of one as `queryDigits`.
    public static func phoneQueryDigits(_ text: String) -> String {
        if let number = international(text) { return String(number.dropFirst()) }
        return queryDigits(text)
    }

    private static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard scalar.properties.numericType == .decimal, let v = scalar.properties.numericValue,
              v >= 0, v <= 9 else { return nil }
        return Unicode.Scalar(UInt8(ascii: "0") + UInt8(v))
    }
}
