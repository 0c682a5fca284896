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

    /// The paths of every shipped file, sorted (`countries.json`, `strings/en.json`, …).
    public static var names: [String] { EmbeddedResources.files.keys.sorted() }
}
