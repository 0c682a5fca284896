import Foundation
import Testing

/// Each terminal has a real desk name: asked once at the first start, remembered, shown on the
/// tickets it calls.
@Suite(.serialized) struct DeskNameEndToEndTests {
    @Test func askedOnceRememberedAndShownOnCalledTickets() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let db = dir.file("desk.sqlite")
        let config = dir.file("config")
        #expect(try frontdesk(["init", "--db", db]).status == 0)
        try addStaff(db)
        let add = try frontdesk(["visitors", "add", "--db", db, "--given", "Amina", "--family", "Tazi", "--nationality", "MA",
                                 "--consent", "services"])
        try #require(add.status == 0)
        let code = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try frontdesk(["checkin", code, "--category", "social", "--db", db]).stdout == "S-001\n")
        // No --desk and no $FRONTDESK_DESK (empty counts as none): the first start asks.
        let environment = ["XDG_CONFIG_HOME": config, "FRONTDESK_DESK": ""]
        do {
            let tmux = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en", environment: environment)
            defer { tmux.close() }
            try tmux.waitFor("Name of this desk:")
            try tmux.send("Enter")
            try tmux.waitFor("A name is needed.")
            try tmux.type("  Guichet   2 ")
            try tmux.waitFor("the typed name") { $0.contains("Guichet   2") }
            try tmux.send("Enter")
            try tmux.signIn()
            let title = try tmux.waitFor("S-001")
            #expect(title.split(separator: "\n").first?.contains("Guichet 2") == true)
            try tmux.send("F5")
            let called = try tmux.waitFor("→ Guichet 2")
            #expect(called.contains("S-001"))
            let row = try sqlite3(db, "SELECT called_by FROM visit")
            #expect(row.stdout == "Guichet 2\n")
        }
        let remembered = try String(contentsOfFile: config + "/frontdesk/desk", encoding: .utf8)
        #expect(remembered == "Guichet 2\n")

        // The next start does not ask: straight to the sign-in, with the remembered name.
        let again = try TmuxSession(command: "\(TestBinary.frontdesk) --db \(db) --lang en", environment: environment)
        defer { again.close() }
        let signIn = try again.waitFor("Who are you?")
        #expect(!signIn.contains("Name of this desk"))
        #expect(signIn.split(separator: "\n").first?.contains("Guichet 2") == true)
    }
}
