import Foundation
import PackagePlugin

/// Embeds the files under a target's `data` folder into its code at build time (through the
/// `embed-resources` tool): the binary needs no resource bundle beside it and can be installed
/// anywhere (`make install`, the Debian package).
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let data = target.directoryURL.appending(path: "data")
        var files: [URL] = []
        if let walker = FileManager.default.enumerator(at: data, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url)
            }
        }
        files.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [.buildCommand(displayName: "Embedding \(files.count) data files of \(target.name)",
                              executable: try context.tool(named: "embed-resources").url,
                              arguments: [output.path, data.path] + files.map(\.path),
                              inputFiles: files, outputFiles: [output])]
    }
}
