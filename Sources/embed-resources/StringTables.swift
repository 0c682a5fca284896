import Foundation

/// The UI's string tables (`strings/<language>.json` under the data folder) as Swift dictionary
/// literals: `EmbeddedResources.stringTable("fr")`. A command that speaks reads its table at
/// each run; parsing 60 KB of JSON twice (the language and the English fallback) took about
/// 2 ms of CPU of a 30 ms `report`, a literal takes a few microseconds.
///
/// The JSON files stay the source (translators edit them, tests read them). A file that is not
/// one JSON object of strings stops the build with a message on standard error (exit 1): it
/// would otherwise fail on every run of the program.
func stringTablesSource(entries paths: [String]) -> String {
    var tables: [(language: String, pairs: [(String, String)])] = []
    for path in paths where path.hasSuffix(".json") && URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent == "strings" {
        let language = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard language.allSatisfy({ $0.isASCII && $0.isLetter }),
              let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            fail("embed-resources: \(path) is not one JSON object of strings")
        }
        var pairs: [(String, String)] = []
        for (key, value) in object {
            guard let text = value as? String else { fail("embed-resources: \(path): the value of \(key) is not a string") }
            pairs.append((key, text))
        }
        tables.append((language, pairs.sorted { $0.0 < $1.0 }))
    }
    var source = "\n    /// The UI's string table of `language` (`\"fr\"`), from `strings/<language>.json`, or nil.\n"
    source += "    static func stringTable(_ language: String) -> [String: String]? {\n        switch language {\n"
    for table in tables.sorted(by: { $0.language < $1.language }) {
        source += "        case \"\(table.language)\": return strings_\(table.language)\n"
    }
    source += "        default: return nil\n        }\n    }\n"
    for table in tables.sorted(by: { $0.language < $1.language }) {
        source += "\n    private static let strings_\(table.language): [String: String] = [\n"
        for (key, text) in table.pairs {
            source += "        \(swiftLiteral(key)): \(swiftLiteral(text)),\n"
        }
        source += "    ]\n"
    }
    return source
}

/// `text` as a Swift string literal: quotes, backslashes and every scalar below U+0020 or in
/// the bidi-control and line-separator ranges escaped as `\u{…}`, so that no text can end the
/// literal, run code, or look in an editor like something it is not.
func swiftLiteral(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value) || (0x200E...0x200F).contains(scalar.value):
            out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// Writes `message` on standard error and exits 1: the build stops there.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

/// The reference lists (`countries.json`, `languages.json` at the top of the data folder) as
/// Swift array literals of `ReferenceEntry`: `EmbeddedResources.referenceEntries("countries")`.
/// Decoding the countries' 32 KB of JSON took about 3 ms of CPU of each `report` (11 million
/// instructions, measured with callgrind); a literal takes a few microseconds.
///
/// Each entry is an object with `code`, `nameEn`, `nameFr` (strings), and optionally `nameAr`
/// (string), `common` (boolean), `otherCodes` and `aliases` (arrays of strings): anything else
/// stops the build with a message on standard error (exit 1). The codes themselves are checked
/// where the lists are used (`ReferenceData`).
func referenceTablesSource(root: String, entries paths: [String]) -> String {
    let known: Set<String> = ["code", "nameEn", "nameFr", "nameAr", "common", "otherCodes", "aliases"]
    var tables: [(name: String, rows: [String])] = []
    for name in ["countries", "languages"] {
        let path = root + "/" + name + ".json"
        guard paths.contains(path) else { continue }
        guard let data = FileManager.default.contents(atPath: path),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            fail("embed-resources: \(path) is not one JSON array of objects")
        }
        var rows: [String] = []
        for (i, item) in list.enumerated() {
            func text(_ key: String, required: Bool) -> String {
                switch item[key] {
                case let value as String: return value
                case nil where !required: return ""
                default: fail("embed-resources: \(path): entry \(i + 1) needs \(key) as a string")
                }
            }
            func texts(_ key: String) -> [String] {
                switch item[key] {
                case let value as [String]: return value
                case nil: return []
                default: fail("embed-resources: \(path): entry \(i + 1): \(key) must be an array of strings")
                }
            }
            if let unknown = item.keys.first(where: { !known.contains($0) }) {
                fail("embed-resources: \(path): entry \(i + 1) has an unknown field \(unknown)")
            }
            var common = false
            if let flag = item["common"] {
                guard let value = flag as? Bool else { fail("embed-resources: \(path): entry \(i + 1): common must be true or false") }
                common = value
            }
            let list: ([String]) -> String = { "[" + $0.map(swiftLiteral).joined(separator: ", ") + "]" }
            rows.append("ReferenceEntry(code: \(swiftLiteral(text("code", required: true))), nameEn: \(swiftLiteral(text("nameEn", required: true))), "
                + "nameFr: \(swiftLiteral(text("nameFr", required: true))), nameAr: \(swiftLiteral(text("nameAr", required: false))), "
                + "common: \(common), otherCodes: \(list(texts("otherCodes"))), aliases: \(list(texts("aliases"))))")
        }
        tables.append((name, rows))
    }
    var source = "\n    /// The entries of `<name>.json` (`\"countries\"`, `\"languages\"`) in file order, or nil.\n"
    source += "    static func referenceEntries(_ name: String) -> [ReferenceEntry]? {\n        switch name {\n"
    for table in tables { source += "        case \"\(table.name)\": return reference_\(table.name)\n" }
    source += "        default: return nil\n        }\n    }\n"
    for table in tables {
        source += "\n    private static let reference_\(table.name): [ReferenceEntry] = [\n"
        for row in table.rows { source += "        \(row),\n" }
        source += "    ]\n"
    }
    return source
}
