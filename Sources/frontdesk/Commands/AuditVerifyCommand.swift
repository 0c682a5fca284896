import ArgumentParser
import Foundation
import FrontDeskDomain
import FrontDeskUI

/// `frontdesk audit verify [--expect-head ID:HASH] [--against BACKUP]`: walks the audit trail's
/// hash chain (issue 13 item 8). Intact: two lines on standard output, the verdict and the head
/// (`head 685:5f3c…`, which `--expect-head` reads back), exit 0. Broken: one line on standard
/// error naming the first bad row and what is wrong, exit 1. Ids and hashes only, never a name.
/// In the command's language (`--lang`).
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit trail's hash chain: exit 0 and print its head when intact, exit 1 naming the first row changed, removed or inserted when not.")
    @OptionGroup var common: CommonOptions
    @Option(name: .customLong("expect-head"),
            help: ArgumentHelp("A head kept elsewhere (the second line of an earlier verify): the trail must still hold that row, unchanged.",
                               valueName: "id:hash"))
    var expectHead: AuditChainHead?
    @Option(help: ArgumentHelp("A backup of this database (frontdesk backup): the trail must still hold every row of the backup's, unchanged.",
                               valueName: "backup"))
    var against: String?

    func run() throws {
        let strings = try ShippedData.strings(common.language)
        func t(_ key: String, _ args: CustomStringConvertible...) -> String { strings.text("cli.audit." + key, args) }
        let db: any FrontDeskRepository = try common.openDatabaseForReading()
        var checks: [() throws -> AuditChainVerdict] = []
        if let against { checks.append { try db.verifyAuditChain(againstBackupAt: against) } }
        if against == nil || expectHead != nil { checks.append { try db.verifyAuditChain(expectedHead: expectHead) } }
        var intact: (head: AuditChainHead, rowCount: Int)?
        for check in checks {
            switch try Self.chainCall(t, check) {
            case .intact(let head, let rowCount): intact = (head, rowCount)
            case .broken(let rowId, let problem): throw UserError(t("broken", rowId, Self.text(of: problem, at: rowId, t)))
            }
        }
        guard let intact else { return }
        print(t("intact", intact.rowCount) + (against == nil ? "" : t("asInBackup"))
              + (expectHead.map { t("holdsHead", $0.lastId) } ?? ""))
        print(t("head", intact.head))
    }

    /// Runs a check, turning the store's refusals into one-line messages in the command's language.
    private static func chainCall(_ t: (String, CustomStringConvertible...) -> String,
                                  _ body: () throws -> AuditChainVerdict) throws -> AuditChainVerdict {
        do {
            return try storeCall(body)
        } catch let error as AuditChainError {
            switch error {
            case .backupNotFound(let path): throw UserError(t("backupNotFound", TextOutput.safe(path)))
            case .backupHoldsNoChain(let path): throw UserError(t("backupHoldsNoChain", TextOutput.safe(path)))
            case .backupTrailBroken(let path, let rowId, let problem):
                throw UserError(t("backupBroken", TextOutput.safe(path), rowId, text(of: problem, at: rowId, t)))
            }
        }
    }

    /// What is wrong at row `rowId`, in words.
    static func text(of problem: AuditChainProblem, at rowId: Int64, _ t: (String, CustomStringConvertible...) -> String) -> String {
        switch problem {
        case .unhashed: t("problem.unhashed")
        case .changed: t("problem.changed")
        case .missingBefore(let first) where first == rowId - 1: t("problem.missingOne", first)
        case .missingBefore(let first): t("problem.missing", first, rowId - 1)
        case .outOfOrder(let expected): t("problem.outOfOrder", expected)
        case .differsFromHead: t("problem.differsFromHead")
        case .differsFromBackup: t("problem.differsFromBackup")
        case .truncated(let lastId, let expectedLastId): t("problem.truncated", lastId, expectedLastId)
        }
    }
}

extension AuditChainHead: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
