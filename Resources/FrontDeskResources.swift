import Foundation

/// Files shipped in `Resources/data`: the service catalog, countries, languages and UI strings.
/// They are embedded in the binary at build time (`EmbedResourcesPlugin`), so `frontdesk` finds
/// them wherever it is installed or copied.
public enum FrontDeskResources {
    /// The contents of `Resources/data/<path>` (`"services.json"`, `"strings/fr.json"`), or nil
    /// when no such file was shipped.
    public static func data(named path: String) -> Data? {
        EmbeddedResources.files[path].flatMap { Data(base64Encoded: $0) }
    }

    /// The UI's string table of `language` (`"fr"`), key to text, as `strings/<language>.json`
    /// holds it, or nil when no such file was shipped. Compiled in, not parsed at each run (see
    /// `embed-resources`); `data(named:)` still gives the file's bytes.
    public static func stringTable(_ language: String) -> [String: String]? {
        EmbeddedResources.stringTable(language)
    }

    /// The entries of the reference list `name` (`"countries"`, `"languages"`), in the order of
    /// `<name>.json`, or nil when no such file was shipped. Compiled in like `stringTable(_:)`:
    /// the fields were checked when the binary was built, the codes are checked by their user.
    public static func referenceEntries(_ name: String) -> [ReferenceEntry]? {
        EmbeddedResources.referenceEntries(name)
    }

    /// The paths of every shipped file, sorted (`countries.json`, `strings/en.json`, …).
    public static var names: [String] { EmbeddedResources.files.keys.sorted() }
}

/// One entry of a shipped reference list (a country of `countries.json`, a language of
/// `languages.json`), as the file holds it: absent optional fields are empty.
public struct ReferenceEntry: Sendable {
    /// ISO 3166-1 alpha-2 (a country) or ISO 639 (a language) code, as written in the file.
    public let code: String
    public let nameEn: String
    public let nameFr: String
    /// The Arabic name, "" when the file has none.
    public let nameAr: String
    /// Listed among the ones the center sees most.
    public let common: Bool
    /// Other standard codes (ISO 3166-1 alpha-3, ISO 639-2).
    public let otherCodes: [String]
    /// Other names people type.
    public let aliases: [String]
}
