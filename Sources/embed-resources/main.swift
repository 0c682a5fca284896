import Foundation

/// Build tool: writes a Swift file that holds FrontDesk's data files (`Resources/data`), so that
/// the `frontdesk` binary carries them and runs from any folder (no resource bundle beside it).
///
/// Usage: `embed-resources OUTPUT ROOT FILE…`. Each FILE (under ROOT) becomes an entry of
/// `EmbeddedResources.files`, keyed by its path relative to ROOT (`strings/fr.json`), its bytes
/// in base64. Exits 1 with a message on standard error when a file cannot be read or the output
/// cannot be written.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else { fail("usage: embed-resources OUTPUT ROOT FILE…") }
let output = arguments[arguments.startIndex]
let root = URL(fileURLWithPath: arguments[arguments.startIndex + 1]).standardizedFileURL.path
var entries: [(String, String)] = []
var paths: [String] = []
for file in arguments.dropFirst(2) {
    let path = URL(fileURLWithPath: file).standardizedFileURL.path
    guard path.hasPrefix(root + "/"), let data = FileManager.default.contents(atPath: path) else {
        fail("embed-resources: cannot read \(file) under \(root)")
    }
    paths.append(path)
    entries.append((String(path.dropFirst(root.count + 1)), data.base64EncodedString()))
}
var source = """
    // Generated at build time by embed-resources from Resources/data: do not edit.

    /// FrontDesk's data files, by path under `Resources/data`, in base64.
    enum EmbeddedResources {
        static let files: [String: String] = [

    """
for (name, base64) in entries.sorted(by: { $0.0 < $1.0 }) {
    source += "        \"\(name)\": \"\(base64)\",\n"
}
source += "    ]\n"
source += stringTablesSource(entries: paths)
source += referenceTablesSource(root: root, entries: paths)
source += "}\n"
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    fail("embed-resources: cannot write \(output): \(error)")
}
