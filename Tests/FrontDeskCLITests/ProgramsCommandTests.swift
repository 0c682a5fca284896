import Foundation
import FrontDeskTestSupport
import Testing

/// `frontdesk programs` (issue 15 item 1): the center's programs listed in each language,
/// changed and added with the audit trail, refused with a clear line and nothing written.
@Suite(.serialized) struct ProgramsCommandTests {
    @Test func theCatalogIsListedChangedAndAdded() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        let fr = try frontdesk(["programs", "--db", db, "--lang", "fr"])
        try #require(fr.status == 0, "\(fr.stderr)")
        let lines = fr.stdout.split(separator: "\n").filter { !$0.hasPrefix("\t") }
        #expect(lines.map { String($0.split(separator: "\t")[0]) } == ["unhcr-dafi", "unhcr-urban", "iom-trafficking", "iom-avrr", "eu-al-wassit",
                                                                      "giz-bien-vivre-ensemble", "caritas-returnees", "eirene-radio",
                                                                      "nl-intercultural-center"])
        #expect(fr.stdout.contains("unhcr-dafi\tUNHCR\t2018-01-01…\tRéfugié·e\t1 service\tDAFI : bourses"))
        #expect(fr.stdout.contains("\tobjectif 2026 : 400 visiteurs uniques"))
        let en = try frontdesk(["programs", "list", "--db", db, "--lang", "en"])
        #expect(en.stdout.contains("eirene-radio\tEIRENE Foundation\t2018-01-01…\tall statuses\t0 services\tEqual chances"), "\(en.stdout)")

        let edit = try frontdesk(["programs", "edit", "unhcr-dafi", "--until", "2026-12-31", "--statuses", "refugee,asylum_seeker",
                                  "--target", "2026:unique_visitors:40", "--target", "2026:services:90", "--db", db, "--lang", "fr"])
        #expect(edit.status == 0 && edit.stdout.hasPrefix("modifié : unhcr-dafi\tUNHCR\t2018-01-01…2026-12-31\tRéfugié·e, Demandeur·se d'asile"),
                "\(edit.stdout)\(edit.stderr)")
        let add = try frontdesk(["programs", "add", "iom-youth", "--funder", "IOM", "--name-fr", "Jeunes migrants", "--from", "2026-01-01",
                                 "--services", "job-coaching,cv-job-search-workshop", "--statuses", "migrant", "--db", db, "--lang", "en"])
        #expect(add.status == 0 && add.stdout.hasPrefix("added: iom-youth\tIOM\t2026-01-01…\tMigrant\t2 services\tJeunes migrants"),
                "\(add.stdout)\(add.stderr)")
        let json = try frontdesk(["programs", "--format", "json", "--db", db])
        let programs = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let dafi = try #require(programs.first { $0["id"] as? String == "unhcr-dafi" })
        #expect(dafi["lastDay"] as? String == "2026-12-31" && (dafi["statuses"] as? [String]) == ["asylum_seeker", "refugee"])
        #expect((dafi["targets"] as? [[String: Any]])?.count == 2 && programs.last?["id"] as? String == "iom-youth")
        let audit = try sqlite3(db, "SELECT action || ' ' || detail FROM audit_event WHERE entity = 'program' ORDER BY id").stdout
        #expect(audit.hasPrefix("program.saved unhcr-dafi changed: UNHCR, 2018-01-01…2026-12-31, services: 1, statuses asylum_seeker,refugee\n"), "\(audit)")
        #expect(audit.contains("program.saved iom-youth added: IOM, 2026-01-01…, services: 2, statuses migrant"))
    }

    @Test func refusalsAreOneLineInTheLanguageAndWriteNothing() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = try demoDatabase(in: tmp)
        let before = try sqlite3(db, "SELECT count(*) FROM audit_event").stdout
        let cases: [([String], String)] = [
            (["programs", "edit", "nope", "--funder", "X"], "aucun programme « nope »"),
            (["programs", "edit", "unhcr-dafi", "--services", "scholarship-orientation,teleportation"], "aucun service « teleportation »"),
            (["programs", "edit", "unhcr-dafi", "--statuses", "tourist"], "statut inconnu « tourist »"),
            (["programs", "edit", "unhcr-dafi", "--until", "2017-12-31"], "le dernier jour 2017-12-31 vient avant le premier jour 2018-01-01"),
            (["programs", "edit", "unhcr-dafi", "--target", "2026:visitors:4"], "n'est pas un objectif"),
            (["programs", "edit", "unhcr-dafi", "--target", "2026:services:0"], "un nombre supérieur à 0"),
            (["programs", "edit", "unhcr-dafi", "--funder", " "], "a besoin de son bailleur"),
            (["programs", "add", "unhcr-dafi", "--funder", "X", "--name-fr", "Y", "--from", "2026-01-01"], "existe déjà"),
            (["programs", "add", "Nouveau Programme", "--funder", "X", "--name-fr", "Y", "--from", "2026-01-01"], "ne peut pas être l'identifiant"),
            (["programs", "add", "p2", "--funder", "X", "--name-fr", "Y"], "a besoin de son premier jour"),
            (["programs", "add", "p2", "--funder", "X", "--from", "2026-01-01"], "a besoin d'un nom"),
        ]
        for (arguments, words) in cases {
            let r = try frontdesk(arguments + ["--db", db, "--lang", "fr"])
            #expect(r.status == 1 && r.stderr.contains(words) && r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)")
        }
        #expect(try sqlite3(db, "SELECT count(*) FROM audit_event").stdout == before)
        #expect(try sqlite3(db, "SELECT count(*) FROM program").stdout == "9\n")
    }
}
