import Foundation
import Testing

/// `frontdesk sessions add|list|enroll|cancel` and `appointments correct`: exact output and
/// exit codes, on the command-line database of `SchedulingCLI` plus a French teacher, a group
/// room and a third visitor with an accented name.
@Suite(.serialized) struct SessionsCommandTests {
    struct Setup {
        let c: SchedulingCLI
        let helene: String

        init() throws {
            c = try SchedulingCLI()
            try SchedulingCLI.ok(["counselors", "add", "Nadia Cherkaoui", "--services", "french-class", "--languages", "fr,ar",
                                  "--hours", "mon-fri 09:00-12:30,13:30-17:00", "--db", c.db])
            try SchedulingCLI.ok(["rooms", "add", "Salle de groupe", "--capacity", "20", "--db", c.db])
            try SchedulingCLI.ok(["closures", "add", "--date", "2026-05-01", "--label", "Fête du Travail", "--db", c.db])
            helene = try SchedulingCLI.ok(["visitors", "add", "--given", "Hélène", "--family", "Côté-Ndiaye", "--nationality", "SN",
                                           "--consent", "services", "--db", c.db]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func weeklySeriesPrintsEachSessionAndEachSkippedDateWithWhy() throws {
        let s = try Setup()
        let c = s.c
        defer { c.dir.remove() }
        // Leila's appointment in Salle 2 on the 24th takes the room of the third occurrence.
        try SchedulingCLI.ok(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-04-24 14:30",
                              "--counselor", "Leila", "--room", "Salle 2", "--db", c.db])
        let add = try c.run(["sessions", "add", "--service", "french-class", "--at", "2026-04-10 14:00", "--capacity", "2",
                             "--weekly-until", "2026-05-08"])
        #expect(add.status == 0)
        #expect(add.stderr == "")
        #expect(add.stdout == """
            session 1: 2026-04-10 14:00–15:30, French class, Nadia Cherkaoui, Salle 2, 2 seats
            session 2: 2026-04-17 14:00–15:30, French class, Nadia Cherkaoui, Salle 2, 2 seats
            skipped 2026-04-24: slot already taken: Salle 2 is booked 14:30–15:15
            skipped 2026-05-01: closed: Fête du Travail
            session 3: 2026-05-08 14:00–15:30, French class, Nadia Cherkaoui, Salle 2, 2 seats

            """)
        // Over the spring clock change: 02:30 does not exist on 2026-03-22 (and it is past).
        let gap = try c.run(["sessions", "add", "--service", "french-class", "--at", "2026-03-22 02:30", "--counselor", "Nadia",
                             "--room", "Salle de groupe"])
        #expect(gap.status == 1)
        #expect(gap.stdout == "")
        #expect(gap.stderr == "frontdesk: 2026-03-22: 02:30 does not exist on 2026-03-22 in Africa/Casablanca: the clocks move forward over it; choose another time\n")
        let notGroup = try c.run(["sessions", "add", "--service", "social-orientation", "--at", "2026-04-14 10:00"])
        #expect(notGroup.status == 1)
        #expect(notGroup.stderr == "frontdesk: social-orientation is not a group service\n")
        let reversed = try c.run(["sessions", "add", "--service", "french-class", "--at", "2026-04-14 10:00", "--weekly-until", "2026-04-01"])
        #expect(reversed.stderr == "frontdesk: --weekly-until 2026-04-01 comes before the first session (2026-04-14)\n")
        #expect(try c.run(["sessions", "add", "--service", "french-class"]).status == 2)
        #expect(try c.run(["sessions", "add", "--service", "french-class", "--at", "2026-04-14 10:00", "--capacity", "0"]).status == 2)
    }

    @Test func enrollFillsThenWaitlistsAndCancellingPromotesTheFirst() throws {
        let s = try Setup()
        let c = s.c
        defer { c.dir.remove() }
        try SchedulingCLI.ok(["sessions", "add", "--service", "french-class", "--at", "2026-04-14 14:00", "--capacity", "2",
                              "--room", "Salle de groupe", "--db", c.db])
        #expect(try c.run(["sessions", "enroll", "1", "--visitor", c.youssef]).stdout
            == "enrolled: \(c.youssef) يوسف المهاجر in session 1, 2026-04-14 14:00–15:30 French class (1/2 seats)\n")
        #expect(try c.run(["sessions", "enroll", "1", "--visitor", c.samrawit]).stdout
            == "enrolled: \(c.samrawit) ሳምራዊት ተስፋይ in session 1, 2026-04-14 14:00–15:30 French class (2/2 seats)\n")
        #expect(try c.run(["sessions", "enroll", "1", "--visitor", s.helene]).stdout
            == "waitlisted: \(s.helene) Hélène Côté-Ndiaye for session 1, 2026-04-14 14:00–15:30 French class, position 1\n")
        #expect(try c.run(["sessions", "list", "--from", "2026-04-14"]).stdout
            == "1\t2026-04-14 14:00–15:30\tFrench class\tNadia Cherkaoui\tSalle de groupe\t2/2 seats\t1 on waitlist\n")
        #expect(try c.run(["sessions", "list", "--from", "2026-04-14", "--to", "2026-04-14", "--format", "csv"]).stdout == """
            session,appointment,date,start,end,start_utc,end_utc,service,counselor,room,capacity,enrolled,waitlisted,status\r
            1,1,2026-04-14,14:00,15:30,2026-04-14T13:00:00Z,2026-04-14T14:30:00Z,french-class,Nadia Cherkaoui,Salle de groupe,2,2,1,booked\r

            """)
        let json = try c.run(["sessions", "list", "--from", "2026-04-14", "--format", "json"]).stdout
        #expect(json.contains(#""seatsLeft" : 0"#) && json.contains(#""waitlisted" : 1"#) && json.contains(#""startUTC" : "2026-04-14T13:00:00Z""#))
        // Nothing after the 15th.
        #expect(try c.run(["sessions", "list", "--from", "2026-04-15"]).stdout == "")
        let again = try c.run(["sessions", "enroll", "1", "--visitor", s.helene])
        #expect(again.status == 1)
        #expect(again.stderr == "frontdesk: the visitor is already on the waitlist (position 1)\n")
        #expect(try c.run(["sessions", "cancel", "1", "--visitor", c.youssef]).stdout == """
            cancelled: \(c.youssef) يوسف المهاجر, seat in session 1, 2026-04-14 14:00–15:30 French class
            promoted from the waitlist: \(s.helene) Hélène Côté-Ndiaye

            """)
        #expect(try c.run(["sessions", "list", "--from", "2026-04-14"]).stdout
            == "1\t2026-04-14 14:00–15:30\tFrench class\tNadia Cherkaoui\tSalle de groupe\t2/2 seats\t0 on waitlist\n")
        #expect(try c.run(["sessions", "list", "--from", "2026-04-14", "--lang", "fr"]).stdout
            == "1\t2026-04-14 14:00–15:30\tCours de français\tNadia Cherkaoui\tSalle de groupe\t2/2 places\t0 en liste d'attente\n")
        // Nobody waits any more: a second cancellation promotes nobody.
        #expect(try c.run(["sessions", "cancel", "1", "--visitor", c.samrawit]).stdout
            == "cancelled: \(c.samrawit) ሳምራዊት ተስፋይ, seat in session 1, 2026-04-14 14:00–15:30 French class\n")
        let notThere = try c.run(["sessions", "cancel", "1", "--visitor", c.youssef])
        #expect(notThere.status == 1)
        #expect(notThere.stderr == "frontdesk: the visitor is neither enrolled nor on the waitlist\n")
        #expect(try c.run(["sessions", "enroll", "9", "--visitor", c.youssef]).stderr == "frontdesk: no group session has the id 9\n")
        #expect(try c.run(["sessions", "cancel", "9", "--visitor", c.youssef]).stderr == "frontdesk: no group session has the id 9\n")
        #expect(try c.run(["sessions", "enroll", "1", "--visitor", "nobody"]).status == 1)
        #expect(try c.run(["sessions", "enroll", "1"]).status == 2)
        #expect(try c.run(["sessions", "enroll", "one", "--visitor", c.youssef]).status == 2)
    }

    @Test func enrollingAVisitorWhoIsBusyThenIsRefused() throws {
        let s = try Setup()
        let c = s.c
        defer { c.dir.remove() }
        try SchedulingCLI.ok(["sessions", "add", "--service", "french-class", "--at", "2026-04-14 14:00", "--db", c.db])
        try SchedulingCLI.ok(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-04-14 15:00",
                              "--counselor", "Leila", "--db", c.db])
        let busy = try c.run(["sessions", "enroll", "1", "--visitor", c.youssef])
        #expect(busy.status == 1)
        #expect(busy.stderr == "frontdesk: slot already taken: the visitor is booked 15:00–15:45\n")
    }

    @Test func aStatusCorrectionIsAuditedWithBeforeAfterAndReason() throws {
        let c = try SchedulingCLI()
        defer { c.dir.remove() }
        try SchedulingCLI.ok(["book", "--visitor", c.youssef, "--service", "social-orientation", "--at", "2026-04-14 10:00",
                              "--counselor", "Leila", "--room", "Salle 2", "--db", c.db])
        #expect(try c.run(["appointments", "correct", "1", "--status", "no-show", "--reason", "absent, pas prévenu"]).stdout
            == "appointment 1: booked → no_show (corrected), 2026-04-14 10:00–10:45, Leila Amrani\n")
        #expect(try c.run(["appointments", "correct", "1", "--status", "booked", "--reason", "marqué absent par erreur"]).stdout
            == "appointment 1: no_show → booked (corrected), 2026-04-14 10:00–10:45, Leila Amrani\n")
        let audit = try sqlite3(c.db, """
            SELECT action || '|' || detail || '|' || actor_name FROM audit_event
            WHERE entity = 'appointment' AND entity_id = 1 AND action = 'appointment.status_corrected' ORDER BY id
            """)
        #expect(audit.stdout == """
            appointment.status_corrected|booked → no_show: absent, pas prévenu|Desk 1
            appointment.status_corrected|no_show → booked: marqué absent par erreur|Desk 1

            """)
        let blank = try c.run(["appointments", "correct", "1", "--status", "completed", "--reason", "  "])
        #expect(blank.status == 1)
        #expect(blank.stderr == "frontdesk: a correction needs a reason\n")
        #expect(try c.run(["appointments", "correct", "7", "--status", "completed", "--reason", "x"]).stderr
            == "frontdesk: no appointment has the id 7\n")
        #expect(try c.run(["appointments", "correct", "1", "--status", "arrived", "--reason", "x"]).status == 2)
        #expect(try c.run(["appointments", "correct", "1", "--status", "completed"]).status == 2)
    }
}
