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
            (["programs", "edit", "unhcr-dafi"], "rien à changer"),
            (["programs", "edit", "unhcr-dafi", "--funder", "UNHCR"], "rien à changer"),
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

    /// A walk-in's program changed after the fact, then given back to the rule: the delivered
    /// service follows each time, each change is audited, and refusals write nothing.
    @Test func aWalkInsProgramIsChangedAfterCheckIn() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let db = tmp.file("center.sqlite")
        func ok(_ arguments: [String], at now: String = "2026-04-15T10:00:00Z") throws -> String {
            let r = try frontdesk(arguments + ["--db", db], environment: ["FRONTDESK_NOW": now])
            try #require(r.status == 0, "\(arguments): \(r.stderr)")
            return r.stdout
        }
        _ = try ok(["init"])
        let code = try ok(["visitors", "add", "--given", "Awa", "--family", "Diallo", "--nationality", "SN", "--sex", "female",
                           "--birth-year", "1990", "--status", "asylum_seeker", "--consent", "services,reporting"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try ok(["checkin", code, "--category", "social"], at: "2026-04-15T09:00:00Z")
        _ = try ok(["call"], at: "2026-04-15T09:10:00Z")
        _ = try ok(["close", "S-001", "--outcome", "seen"], at: "2026-04-15T09:40:00Z")
        let program = { try sqlite3(db, "SELECT IFNULL(program_id, '-') || ' ' || IFNULL(chosen_program_id, 'rule') FROM delivered_service").stdout }
        let byRule = try program()
        #expect(!byRule.hasPrefix("nl-intercultural-center "), "\(byRule)")
        let chosen = try ok(["programs", "choose", "--ticket", "S-001", "--day", "2026-04-15", "--program", "nl-intercultural-center", "--lang", "fr"],
                            at: "2026-04-16T10:00:00Z")
        #expect(chosen == "ticket S-001 du 2026-04-15 compte pour nl-intercultural-center\n")
        #expect(try program() == "nl-intercultural-center nl-intercultural-center\n")
        let back = try ok(["programs", "choose", "--ticket", "S-001", "--day", "2026-04-15", "--by-rule", "--lang", "en"], at: "2026-04-16T10:00:00Z")
        let ruleProgram = try #require(byRule.split(separator: " ").first)
        #expect(back == "ticket S-001 of 2026-04-15 counts by the rule again: for \(ruleProgram)\n", "\(back)")
        #expect(try program() == byRule)
        let audit = try sqlite3(db, "SELECT action || ' ' || entity || ' ' || detail FROM audit_event WHERE action = 'program.chosen' ORDER BY id").stdout
        #expect(audit == "program.chosen visit nl-intercultural-center\nprogram.chosen visit by rule\n", "\(audit)")
        let before = try sqlite3(db, "SELECT count(*) FROM audit_event").stdout
        let refusals: [([String], String)] = [
            (["--ticket", "S-001", "--program", "unhcr-urban"], "pas de ticket S-001 le 2026-04-16"),
            (["--ticket", "S-001", "--day", "2026-04-15", "--program", "nope"], "aucun programme « nope »"),
            (["--ticket", "S-001", "--day", "2026-04-15"], "--program ID, ou --by-rule"),
            (["--ticket", "S-001", "--day", "2026-04-15", "--program", "unhcr-urban", "--by-rule"], "--program ou --by-rule, pas les deux"),
            (["--ticket", "S-001", "--day", "2026-04-15", "--appointment", "1", "--by-rule"], "--appointment ou --ticket, pas les deux"),
            // Caritas serves Moroccans who returned: not this asylum seeker's walk-in.
            (["--ticket", "S-001", "--day", "2026-04-15", "--program", "caritas-returnees"], "ne finance pas ce service pour le statut"),
            (["--appointment", "4242", "--program", "unhcr-urban"], "rendez-vous ou passage introuvable"),
            (["--program", "unhcr-urban"], "--appointment ID ou --ticket S-014"),
            (["--ticket", "X1", "--program", "unhcr-urban"], "X1"),
            (["--appointment", "1", "--day", "2026-04-15", "--program", "unhcr-urban"], "--day va avec --ticket"),
        ]
        for (arguments, words) in refusals {
            let r = try frontdesk(["programs", "choose"] + arguments + ["--db", db, "--lang", "fr"], environment: ["FRONTDESK_NOW": "2026-04-16T10:00:00Z"])
            #expect(r.status == 1 && r.stderr.contains(words) && r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)")
        }
        #expect(try sqlite3(db, "SELECT count(*) FROM audit_event").stdout == before)
    }
}
