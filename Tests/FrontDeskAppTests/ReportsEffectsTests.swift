import Foundation
import FrontDeskDomain
import FrontDeskUI
import Testing
@testable import FrontDeskApp

/// The reports screen's export (issue 15 item 4): one key writes the shown view as CSV, JSON
/// and xlsx, new files of mode 0600 in a 0700 folder, named for the scope, period and view,
/// never replacing a file; the counts are as shown (no 1 to 4 anywhere).
struct ReportsEffectsTests {
    @Test func anExportWritesThreePrivateFilesAndReplacesNone() throws {
        let c = try TestCenter()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-exports-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let effects = ReportsEffects(c.context(exportFolder: folder))
        let nadia = Session(member: StaffMember(id: 9, name: "Nadia", role: .coordinator))
        let period = ReportingPeriod(first: LocalDate(year: 2026, month: 4, day: 1), last: LocalDate(year: 2026, month: 6, day: 30))
        var counts = FunderReportCounts()
        counts.visitors = 40
        counts.services = 90
        for (code, n) in [("MA", 20), ("SN", 17), ("ML", 3)] { counts.add(.nationality, code, visitors: n, services: n * 2) }
        for (sex, n) in [("female", 22), ("male", 18)] { counts.add(.sex, sex, visitors: n, services: 45) }
        let report = FunderReport(period: period, counts: counts)
        let request = ReportsScreen.Request(scope: .funder("UNHCR"), programs: ["unhcr-dafi", "unhcr-urban"], period: period)
        let export = ReportsScreen.ExportRequest(request: request, view: .nationalities, report: report, trends: ReportTrends(months: []))
        guard case .exported(let paths)? = effects.perform(.export(export), for: nadia) else { Issue.record("not exported"); return }
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["report-unhcr-2026-04-01-2026-06-30-countries.csv",
                                                                   "report-unhcr-2026-04-01-2026-06-30-countries.json",
                                                                   "report-unhcr-2026-04-01-2026-06-30-countries.xlsx"])
        for path in paths {
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0
            #expect(mode == 0o600, "\(path)")
        }
        #expect(((try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int) ?? 0) == 0o700)
        let csv = try String(contentsOfFile: paths[0], encoding: .utf8)
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[0])).prefix(3) == Data([0xEF, 0xBB, 0xBF]), "a byte order mark")
        #expect(csv.contains("dimension,value,visitors,services\r\n"))
        #expect(csv.contains("nationality,ML,<5,6\r\n") && csv.contains("nationality,SN,x,34\r\n"), "\(csv)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: paths[1]))) as? [String: Any]
        #expect(json?["funder"] as? String == "UNHCR")
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[2])).prefix(2) == Data("PK".utf8), "a zip: the workbook")
        // The same again: new names, the first files untouched; nothing half written is left.
        guard case .exported(let again)? = effects.perform(.export(export), for: nadia) else { Issue.record("not exported twice"); return }
        let first = try String(contentsOfFile: paths[0], encoding: .utf8)
        #expect(again[0].hasSuffix("countries-2.csv") && first == csv)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
        // A folder that is a file: a clear message, nothing written.
        let blocked = ReportsEffects(c.context(exportFolder: paths[0]))
        guard case .failed(let message)? = blocked.perform(.export(export), for: nadia) else { Issue.record("no failure"); return }
        #expect(message.contains("is not a folder"), "\(message)")
    }

    /// The trends, walk-ins and no-shows exports say when they were produced and what they
    /// cover, as the funder report's do (they were bare tables; JSON a bare list).
    @Test func aTrendsExportSaysWhenAndWhatItCovers() throws {
        let c = try TestCenter()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-exports-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let effects = ReportsEffects(c.context(exportFolder: folder))
        let nadia = Session(member: StaffMember(id: 9, name: "Nadia", role: .coordinator))
        let period = ReportingPeriod(first: LocalDate(year: 2026, month: 4, day: 1), last: LocalDate(year: 2026, month: 6, day: 30))
        var walkIns = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        walkIns[0][9] = 12
        walkIns[1][10] = 3
        let trends = ReportTrends(months: [], walkIns: walkIns)
        let report = FunderReport(period: period, counts: FunderReportCounts(), programs: ["iom-avrr"])
        let request = ReportsScreen.Request(scope: .funder("IOM"), programs: ["iom-avrr"], period: period)
        let export = ReportsScreen.ExportRequest(request: request, view: .walkIns, report: report, trends: trends)
        guard case .exported(let paths)? = effects.perform(.export(export), for: nadia) else { Issue.record("not exported"); return }
        let csv = try String(contentsOfFile: paths[0], encoding: .utf8)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 1 + 4 + 7, "\(lines)")
        #expect(lines[1].hasPrefix("produced_at,20") && lines[2].hasPrefix("period,2026-04-01/2026-06-30,,"), "\(lines)")
        #expect(lines[3].hasPrefix("funder,IOM,") && lines[4].hasPrefix("programs,iom-avrr,"))
        #expect(lines[5].hasPrefix("1,0,0,0,0,0,0,0,0,0,12,") && lines[6].contains(",<5,"), "\(lines)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: paths[1]))) as? [String: Any])
        #expect(json["period"] as? String == "2026-04-01/2026-06-30" && json["funder"] as? String == "IOM" && json["produced_at"] is String)
        #expect((json["rows"] as? [[String: Any]])?.count == 7)
    }
}
