import Foundation

/// Files shipped in `Resources/data`: the service catalog, countries, languages and UI strings.
public enum FrontDeskResources {
    /// The contents of `Resources/data/<path>` (`"services.json"`, `"strings/fr.json"`), or nil
    /// when the file is missing or unreadable.
    public static func data(named path: String) -> Data? {
        guard let base = Bundle.module.resourceURL else { return nil }
        return try? Data(contentsOf: base.appendingPathComponent("data").appendingPathComponent(path))
    }
}
