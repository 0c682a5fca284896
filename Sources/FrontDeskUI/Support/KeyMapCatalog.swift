import FrontDeskDomain
import TerminalKit

/// One row of a key map, whatever its command type: for the tests that walk every key map and
/// for documentation.
public struct KeyMapRow: Sendable {
    public var keys: [Key]
    /// The strings-table key of the label.
    public var label: String
    public var inBar: Bool
    public var display: KeyDisplay?
}

extension KeyMap {
    /// The rows of this map, without their commands.
    public var rows: [KeyMapRow] { bindings.map { KeyMapRow(keys: $0.keys, label: $0.label, inBar: $0.inBar, display: $0.display) } }
}

/// Every key map of the app, by name: the global keys, the shell's overlays, each screen's
/// panes and dialogs, and the forms. A key that works anywhere is in one of these tables, and
/// the key bars and help lines are drawn from them.
public enum KeyMapCatalog {
    public static var all: [(name: String, rows: [KeyMapRow])] {
        var maps: [(String, [KeyMapRow])] = [
            ("global", AppKeys.global.rows),
            ("shell.help", ShellKeys.help.rows), ("shell.quit", ShellKeys.quit.rows),
            ("shell.tooSmall", ShellKeys.tooSmall.rows), ("shell.menu", ShellKeys.menu.rows),
            ("signIn", SignInKeys.map.rows), ("signIn.kioskQuit", SignInKeys.kioskQuit.rows),
            ("reception.queue", ReceptionKeys.queue.rows), ("reception.expected", ReceptionKeys.expected.rows),
            ("reception.search", ReceptionKeys.search.rows), ("reception.checkIn", ReceptionKeys.checkIn.rows),
            ("reception.closeVisit", ReceptionKeys.closeVisit.rows), ("reception.otherDesk", ReceptionKeys.otherDesk.rows), ("reception.duplicates", ReceptionKeys.duplicates.rows), ("reception.checkInWithAppointment", ReceptionKeys.checkInWithAppointment.rows), ("reception.ticket", ReceptionKeys.ticket.rows),
            ("booking.confirm", BookingKeys.confirm.rows),
            ("schedule.agenda", ScheduleKeys.agenda.rows), ("schedule.counselorPicker", ScheduleKeys.counselorPicker.rows),
            ("admin.lists", AdminKeys.lists.rows), ("admin.staff", AdminKeys.map(for: .staff).rows), ("admin.confirmRemove", AdminKeys.confirmRemove.rows),
            ("occupancy", OccupancyKeys.map.rows),
            ("reports", ReportsKeys.map.rows),
            ("form.navigation", FormKeys.navigation.rows), ("form.choice", FormKeys.choice.rows),
            ("form.toggle", FormKeys.toggle.rows), ("form.matches", FormKeys.matches.rows),
            ("form.singleField", FormKeys.singleField.rows),
        ]
        for focus in BookingScreen.Focus.allCases {
            maps.append(("booking.\(focus)", BookingKeys.map(for: focus).rows))
        }
        maps.append(("booking.sessions", BookingKeys.map(for: .slots, sessions: true).rows))
        maps.append(("shell.menuChoices", ShellKeys.menuChoices(AppScreenKind.allCases).rows))
        return maps
    }
}
