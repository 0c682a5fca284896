import Foundation
import FrontDeskDomain
import FrontDeskUI
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// Where this terminal's desk name is remembered: `$XDG_CONFIG_HOME/frontdesk/desk`, else
/// `$HOME/.config/frontdesk/desk` (one line). Per user account: desks that share an account
/// name themselves with `--desk` or `$FRONTDESK_DESK` in their launcher instead.
struct DeskNameFile {
    let path: FilePath

    /// The file of the environment's user; nil without `XDG_CONFIG_HOME` or `HOME`.
    static func standard(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> DeskNameFile? {
        let base: FilePath
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = FilePath(xdg)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = FilePath(home).appending(".config")
        } else {
            return nil
        }
        return DeskNameFile(path: base.appending("frontdesk").appending("desk"))
    }

    /// The remembered name; nil when there is none or it is no longer valid (it is asked again).
    func read() -> String? {
        guard let text = try? String(contentsOfFile: path.string, encoding: .utf8),
              let line = text.split(separator: "\n", omittingEmptySubsequences: true).first else { return nil }
        return try? DeskName.normalized(String(line))
    }

    /// Remembers a valid name: creates the directory (mode 0700) and replaces the file at once
    /// (a new file renamed over the old one), so a crash leaves the old name or the new one.
    /// - Throws: `UserError` naming the file when it cannot be written.
    func write(_ name: String) throws {
        let directory = path.removingLastComponent()
        do {
            try FileManager.default.createDirectory(atPath: directory.string, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let temporary = directory.appending("desk.\(getpid()).tmp")
            guard FileManager.default.createFile(atPath: temporary.string, contents: Data((name + "\n").utf8),
                                                 attributes: [.posixPermissions: 0o644]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            guard rename(temporary.string, path.string) == 0 else {
                unlink(temporary.string)
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            throw UserError(key: "cli.desk.notRememberedIn", path.string)
        }
    }
}

/// This terminal's desk name: `--desk`, else `$FRONTDESK_DESK`, else the remembered one (nil
/// when none: the TUI asks). An empty value counts as none.
/// - Throws: `UserError` when the option or the variable is not a valid desk name.
func configuredDeskName(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                        file: DeskNameFile? = DeskNameFile.standard()) throws -> String? {
    for (raw, source) in [(option, "--desk"), (environment["FRONTDESK_DESK"], "$FRONTDESK_DESK")] {
        guard let raw, !raw.isEmpty else { continue }
        do {
            return try DeskName.normalized(raw)
        } catch {
            throw UserError { $0("cli.desk.problem", source, deskNameProblem(error, $0)) }
        }
    }
    return file?.read()
}

/// Why a desk name was refused, in the language of `strings` (it never repeats the refused text).
func deskNameProblem(_ problem: DeskName.Problem, _ strings: Localizer) -> String {
    switch problem {
    case .empty: strings("cli.desk.empty")
    case .tooLong(let max): strings("cli.desk.tooLong", max)
    case .invalid: strings("cli.desk.invalid")
    }
}
