import TerminalKit

/// What a key can mean on the schedule screen.
public enum ScheduleCommand: Hashable, Sendable {
    case help, previousDay, nextDay, previousWeek, nextWeek, today, goToDate, toggleView, chooseCounselor
    case markArrived, markInSession, markCompleted, markNoShow, correctStatus, editNote, previousAppointment, nextAppointment, quit
}

/// The schedule screen's key map (no text field: letters are commands).
public enum ScheduleKeys {
    public static let agenda = KeyMap<ScheduleCommand>([
        KeyBinding(.help, [.function(1), .character("?")], label: "key.help"),
        KeyBinding(.markArrived, [.function(2), .character("a")], label: "key.arrived"),
        KeyBinding(.markInSession, [.function(3), .character("i")], label: "key.inSession"),
        KeyBinding(.markCompleted, [.function(4), .character("d")], label: "key.completed"),
        KeyBinding(.markNoShow, [.function(5), .character("n")], label: "key.noShow"),
        KeyBinding(.correctStatus, [.character("s")], label: "key.correctStatus", inBar: false),
        KeyBinding(.editNote, [.character("o")], label: "key.note", inBar: false),
        KeyBinding(.chooseCounselor, [.function(6), .character("c")], label: "key.counselor", inBar: false),
        KeyBinding(.toggleView, [.tab, .character("w")], label: "key.dayWeek", inBar: false),
        KeyBinding(.quit, [.function(10), .character("q")], label: "key.quit"),
        KeyBinding(.today, [.character("t"), .home], label: "key.today", inBar: false),
        KeyBinding(.goToDate, [.character("g")], label: "key.goToDate", inBar: false),
        KeyBinding(.previousDay, [.left, .character("h")], label: "key.previousDay", inBar: false),
        KeyBinding(.nextDay, [.right, .character("l")], label: "key.nextDay", inBar: false),
        KeyBinding(.previousWeek, [.pageUp, .character("[")], label: "key.previousWeek", inBar: false),
        KeyBinding(.nextWeek, [.pageDown, .character("]")], label: "key.nextWeek", inBar: false),
        KeyBinding(.previousAppointment, [.up, .character("k")], label: "key.previousAppointment", inBar: false),
        KeyBinding(.nextAppointment, [.down, .character("j")], label: "key.nextAppointment", inBar: false),
    ])
}

extension ScheduleKeys {
    /// Choosing the counselor whose schedule is shown.
    public static let counselorPicker = PickerKeys.list
}
