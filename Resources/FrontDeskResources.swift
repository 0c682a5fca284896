import Foundation

/// Files shipped in `Resources/data`: the service catalog, countries, languages and UI strings.
public enum FrontDeskResources {
    /// The contents of `Resources/data/<name>`, or nil when the file is missing.
    public static func data(named name: String) -> Data? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "data") else { return nil }
        return try? Data(contentsOf: url)
    }
}
