import Foundation
import FrontDeskDomain
import FrontDeskSpreadsheet
import FrontDeskUI
import SystemPackage

/// Performs the reports screen's effects: the catalog of programs, a scope's report and
/// trends, and the export of what is shown.
public struct ReportsEffects: Sendable {
    public let context: EffectContext

    public init(_ context: EffectContext) { self.context = context }

    /// Performs one effect for whoever is signed in; the result comes back as the screen's
    /// event. Nothing is read or written while signed out.
    public func perform(_ effect: ReportsScreen.Effect, for session: Session) -> ReportsScreen.Event? {
        do {
            _ = try session.requireViewer()
            switch effect {
            case .loadCatalog:
                return .catalogLoaded(try context.store.programs())
            case .load(let request):
                let report = try context.store.funderReport(request.period, programs: request.programs, ageBands: nil,
                                                            today: context.calendar.localDate(of: context.clock.now()))
                let trends = try context.store.reportTrends(request.period, programs: request.programs)
                return .loaded(request, report, trends)
            case .export(let export):
                return .exported(try ReportFiles(folder: context.exportFolder, strings: context.strings)
                    .write(export, producedAt: context.clock.now()))
            }
        } catch let failure as ReportFiles.Failure {
            return .failed(failure.description)
        } catch {
            return .failed(context.failures.text(error))
        }
    }
}

/// Writes one export of the reports screen: the shown view's figures as CSV (UTF-8 with a
/// byte order mark, `;` under French so that a French spreadsheet opens it in columns), JSON
/// and an xlsx workbook (headers in the interface's language), each a new file of mode 0600
/// in `folder` (made 0700 when missing), named for the scope, the period and the view:
/// `rapport-unhcr-2026-07-01-2026-09-30-tableaux.csv`; `-2`, `-3` … when a name is taken.
/// A file is written whole under a temporary name, then given its name: none is left half
/// written.
struct ReportFiles {
    let folder: FilePath
    let strings: Localizer

    init(folder: String, strings: Localizer) {
        self.folder = FilePath(folder)
        self.strings = strings
    }

    /// The failures of an export, said to the user.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// - Returns: the paths written.
    /// - Throws: `Failure` naming the folder or file and the system's reason.
    func write(_ e: ReportsScreen.ExportRequest, producedAt: Date) throws -> [String] {
        try makeFolder()
        let english = strings.language == .en
        var csv = CSVWriter(byteOrderMark: true, separator: english ? "," : ";", decimalComma: !english)
        var cells = CSVWriter(keepingCells: true)
        let json: Data
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        switch e.view {
        case .tables, .pyramid, .nationalities:
            FunderReportExport.fill(&csv, e.report, producedAt: producedAt, funder: e.request.scope.funderName)
            FunderReportExport.fill(&cells, e.report, producedAt: producedAt, funder: e.request.scope.funderName)
            json = try encoder.encode(FunderReportJSON(e.report, producedAt: producedAt, funder: e.request.scope.funderName))
        case .trends, .walkIns, .noShows:
            let table: ReportTrendsExport.Table = e.view == .trends ? .months : e.view == .walkIns ? .walkIns : .noShows
            let about = ReportTrendsExport.About(producedAt: producedAt, period: ReportTrendsExport.period(of: table, e.trends, report: e.report.period),
                                                 funder: e.request.scope.funderName, programs: e.report.programs)
            ReportTrendsExport.fill(&csv, e.trends, table, english: english, about: about)
            ReportTrendsExport.fill(&cells, e.trends, table, english: english, about: about)
            json = try encoder.encode(ReportTrendsExport.json(e.trends, table, english: english, about: about))
        }
        let base = name(e)
        let (csvPath, jsonPath, xlsxPath) = try freeNames(base)
        try create(csvPath, Data(csv.output.utf8))
        try create(jsonPath, json + Data("\n".utf8))
        try createWorkbook(xlsxPath, cells, sheet: strings("reports.view.\(e.view.rawValue)"))
        return [csvPath.string, jsonPath.string, xlsxPath.string]
    }

    /// `rapport-unhcr-2026-07-01-2026-09-30-tableaux` (the words in the interface's language,
    /// letters and digits only).
    func name(_ e: ReportsScreen.ExportRequest) -> String {
        // Walk-ins and no-shows are the whole center's whatever the scope: their files say so.
        let centerWide = e.view == .walkIns || e.view == .noShows
        let scope = centerWide ? strings("reports.scope.center") : e.request.scope.fileLabel ?? strings("reports.scope.all")
        let parts = [strings("reports.file"), scope, e.request.period.first.description, e.request.period.last.description,
                     strings("reports.tab.\(e.view.rawValue)")]
        return parts.map(Self.slug).filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// Lower-case ASCII letters and digits, other runs as one `-`.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) { out.unicodeScalars.append(scalar) } else if !out.hasSuffix("-") { out += "-" }
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    private func makeFolder() throws {
        var info = stat()
        if stat(folder.string, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw Failure(description: strings("reports.export.notAFolder", folder.string)) }
            return
        }
        guard mkdir(folder.string, 0o700) == 0 else {
            throw Failure(description: strings("reports.export.failed", folder.string, String(cString: strerror(errno))))
        }
    }

    /// Three names with the same base that no file has yet.
    private func freeNames(_ base: String) throws -> (FilePath, FilePath, FilePath) {
        for n in 1...999 {
            let stem = n == 1 ? base : "\(base)-\(n)"
            let paths = ["csv", "json", "xlsx"].map { folder.appending("\(stem).\($0)") }
            if paths.allSatisfy({ access($0.string, F_OK) != 0 }) { return (paths[0], paths[1], paths[2]) }
        }
        throw Failure(description: strings("reports.export.failed", folder.appending(base).string, "999 files of that name"))
    }

    /// Writes `data` to a new file of mode 0600 at `path`: a temporary file first, linked to
    /// its name only when whole (`link` fails rather than replace a file made meanwhile).
    private func create(_ path: FilePath, _ data: Data) throws {
        let temporary = folder.appending(".\(path.lastComponent?.string ?? "export").\(getpid()).partial")
        let fd = open(temporary.string, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(description: strings("reports.export.failed", path.string, String(cString: strerror(errno)))) }
        defer { unlink(temporary.string) }
        _ = fchmod(fd, 0o600)
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written, synced, link(temporary.string, path.string) == 0 else {
            throw Failure(description: strings("reports.export.failed", path.string, String(cString: strerror(errno))))
        }
    }

    /// The table as a workbook: headers named in the interface's language (`table.column.*`).
    private func createWorkbook(_ path: FilePath, _ csv: CSVWriter, sheet: String) throws {
        let header = (csv.header ?? []).map { strings.has("table.column.\($0)") ? strings("table.column.\($0)") : $0 }
        var template = Array(folder.appending(".xlsx-XXXXXX").string.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw Failure(description: strings("reports.export.failed", path.string, String(cString: strerror(errno))))
        }
        let directory = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let inside = directory + "/export.xlsx"
        do {
            try Workbook.write([SpreadsheetTable(sheetName: String(sheet.prefix(31)), header: header, rows: csv.rows)], to: inside,
                               temporaryFolder: directory)
        } catch {
            throw Failure(description: strings("reports.export.failed", path.string, "\(error)"))
        }
        guard let data = FileManager.default.contents(atPath: inside) else {
            throw Failure(description: strings("reports.export.failed", path.string, String(cString: strerror(errno))))
        }
        try create(path, data)
    }
}

extension ReportsScreen.Scope {
    /// The funder's name when the scope is a funder's programs.
    var funderName: String? { if case .funder(let f) = self { f } else { nil } }
}
