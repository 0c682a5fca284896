import Foundation
import Testing

// `embed-resources`, the build tool that compiles Resources/data into the binary: string tables
// and reference lists become Swift literals. What it writes must hold any text as it is, and a
// file it cannot read as intended must stop the build, not produce a binary that fails later.

private func runTool(files: [String: String]) throws -> (result: ProcessResult, source: String?) {
    let dir = try TempDir()
    defer { dir.remove() }
    let root = dir.file("data")
    var paths: [String] = []
    for (name, text) in files {
        let path = root + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        paths.append(path)
    }
    let output = dir.file("EmbeddedResources.swift")
    let result = try runProcess(TestBinary.directory + "/embed-resources", [output, root] + paths.sorted())
    return (result, try? String(contentsOfFile: output, encoding: .utf8))
}

@Test func embedToolWritesHostileTextAsEscapedLiterals() throws {
    // A quote, a backslash, a line feed, an escape character, a right-to-left override and a
    // Swift interpolation: each must come out as data, never as code or as a hidden direction.
    let table = #"{"a": "say \"hi\" \\ now\nthen", "b": "\u001b[2J\u202eevil", "c": "\\(exit(1))", "d": "مرحبا ሰላም"}"#
    let (result, source) = try runTool(files: ["strings/en.json": table])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try #require(source)
    #expect(text.contains(#""a": "say \"hi\" \\ now\u{a}then","#))
    #expect(text.contains(#""b": "\u{1b}[2J\u{202e}evil","#))
    #expect(text.contains(#""c": "\\(exit(1))","#))
    #expect(text.contains(#""d": "مرحبا ሰላም","#))
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    #expect(text.contains(#"case "en": return strings_en"#))
}

@Test(arguments: [
    ["strings/en.json": #"["not", "an", "object"]"#],
    ["strings/en.json": #"{"count": 3}"#],
    ["strings/en.json": "{not json"],
    ["countries.json": #"[{"code": "MA", "nameEn": "Morocco"}]"#],
    ["countries.json": #"[{"code": "MA", "nameEn": "Morocco", "nameFr": "Maroc", "common": "yes"}]"#],
    ["countries.json": #"[{"code": "MA", "nameEn": "Morocco", "nameFr": "Maroc", "capital": "Rabat"}]"#],
    ["languages.json": #"[{"code": "fr", "nameEn": "French", "nameFr": "Français", "aliases": "fr"}]"#],
])
func embedToolStopsTheBuildOnAFileItCannotRead(files: [String: String]) throws {
    let (result, source) = try runTool(files: files)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("embed-resources: "), "\(result.stderr)")
    #expect(source == nil)
}

@Test func embedToolCarriesEveryFieldOfAReferenceEntry() throws {
    let countries = #"[{"code": "CI", "nameEn": "Côte d'Ivoire", "nameFr": "Côte d’Ivoire", "nameAr": "ساحل العاج", "common": true, "otherCodes": ["CIV"], "aliases": ["Ivory Coast"]}, {"code": "AD", "nameEn": "Andorra", "nameFr": "Andorre"}]"#
    let (result, source) = try runTool(files: ["countries.json": countries])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try #require(source)
    #expect(text.contains(#"ReferenceEntry(code: "CI", nameEn: "Côte d'Ivoire", nameFr: "Côte d’Ivoire", nameAr: "ساحل العاج", common: true, otherCodes: ["CIV"], aliases: ["Ivory Coast"])"#))
    #expect(text.contains(#"ReferenceEntry(code: "AD", nameEn: "Andorra", nameFr: "Andorre", nameAr: "", common: false, otherCodes: [], aliases: [])"#))
}
