import TerminalKit

/// What a key can mean on the booking screen.
public enum BookingCommand: Hashable, Sendable {
    case help, findVisitor, choose, nextPane, previousPane, previousCategory, nextCategory
    case counselorFilter, languageFilter, interpreter, date, previousWeek, nextWeek, reschedule, cancelAppointment, quit
    case moveUp, moveDown, pageUp, pageDown, top, bottom
}

/// The booking screen's key maps, one per pane. Commands are function keys, Ctrl keys and
/// arrows; every printable key goes to the visitor search from any pane (as on the reception
/// screen), so a name typed for the next person never cancels, filters or picks anything.
/// Alt+digit stands for the F-key of that number where a terminal eats F-keys.
///
/// The free slots (and a group service's sessions) move a week at a time with ^P and ^N
/// (previous, next); PgUp/PgDn keep paging the list here.
public enum BookingKeys {
    /// The slots from the start of the previous or the next week (never before today).
    private static let weeks: [KeyBinding<BookingCommand>] = [
        KeyBinding(.previousWeek, [.control("p")], label: "key.previousWeek", inBar: false),
        KeyBinding(.nextWeek, [.control("n")], label: "key.nextWeek", inBar: false),
    ]
    private static let moves: [KeyBinding<BookingCommand>] = [
        KeyBinding(.moveUp, [.up], label: "key.up", inBar: false),
        KeyBinding(.moveDown, [.down], label: "key.down", inBar: false),
        KeyBinding(.pageUp, [.pageUp], label: "key.pageUp", inBar: false),
        KeyBinding(.pageDown, [.pageDown], label: "key.pageDown", inBar: false),
        KeyBinding(.top, [.home], label: "key.top", inBar: false),
        KeyBinding(.bottom, [.end], label: "key.bottom", inBar: false),
        KeyBinding(.nextPane, [.tab], label: "key.nextPane", inBar: false),
        KeyBinding(.previousPane, [.backTab], label: "key.previousPane", inBar: false),
    ]
    private static let filters: [KeyBinding<BookingCommand>] = [
        KeyBinding(.counselorFilter, [.function(4)], label: "key.counselor"),
        KeyBinding(.languageFilter, [.function(5)], label: "key.language"),
        KeyBinding(.interpreter, [.function(2)], label: "key.interpreter", inBar: false),
        KeyBinding(.date, [.function(6)], label: "key.date"),
    ] + weeks

    /// While the visitor search field has focus: printable keys type.
    public static let visitor = KeyMap<BookingCommand>([
        KeyBinding(.help, [.function(1)], label: "key.help"),
        KeyBinding(.choose, [.enter], label: "key.chooseVisitor"),
        KeyBinding(.nextPane, [.tab], label: "key.services"),
        KeyBinding(.quit, [.function(10)], label: "key.quit"),
        KeyBinding(.previousPane, [.backTab], label: "key.previousPane", inBar: false),
        KeyBinding(.moveUp, [.up], label: "key.up", inBar: false),
        KeyBinding(.moveDown, [.down], label: "key.down", inBar: false),
        KeyBinding(.pageUp, [.pageUp], label: "key.pageUp", inBar: false),
        KeyBinding(.pageDown, [.pageDown], label: "key.pageDown", inBar: false),
    ])

    /// In the services list: ←/→ change category.
    public static let services = KeyMap<BookingCommand>([
        KeyBinding(.help, [.function(1), ], label: "key.help"),
        KeyBinding(.findVisitor, [.function(3)], label: "key.visitor"),
        KeyBinding(.previousCategory, [.left], label: "key.category", inBar: false),
        KeyBinding(.nextCategory, [.right], label: "key.category", inBar: false),
        KeyBinding(.choose, [.enter], label: "key.slots", inBar: false),
    ] + filters + [KeyBinding(.quit, [.function(10)], label: "key.quit")] + moves)

    /// In the free slots: Enter books the selected one.
    public static let slots = KeyMap<BookingCommand>([
        KeyBinding(.help, [.function(1), ], label: "key.help"),
        KeyBinding(.choose, [.enter], label: "key.book"),
        KeyBinding(.findVisitor, [.function(3)], label: "key.visitor", inBar: false),
    ] + filters + [KeyBinding(.quit, [.function(10)], label: "key.quit")] + moves)

    /// In the sessions of a group service: Enter enrolls (or waitlists) the visitor.
    public static let sessions = KeyMap<BookingCommand>([
        KeyBinding(.help, [.function(1), ], label: "key.help"),
        KeyBinding(.choose, [.enter], label: "key.enroll"),
        KeyBinding(.findVisitor, [.function(3)], label: "key.visitor", inBar: false),
        KeyBinding(.counselorFilter, [.function(4)], label: "key.counselor"),
        KeyBinding(.date, [.function(6)], label: "key.date"),
        KeyBinding(.quit, [.function(10)], label: "key.quit"),
    ] + weeks + moves)

    /// In the visitor's appointments.
    public static let appointments = KeyMap<BookingCommand>([
        KeyBinding(.help, [.function(1), ], label: "key.help"),
        KeyBinding(.reschedule, [.function(2)], label: "key.reschedule"),
        KeyBinding(.cancelAppointment, [.delete, .control("x")], label: "key.cancelAppointment"),
        KeyBinding(.findVisitor, [.function(3)], label: "key.visitor"),
        KeyBinding(.quit, [.function(10)], label: "key.quit"),
    ] + moves)

    /// The key map of a pane; the slots pane of a group service lists sessions.
    public static func map(for focus: BookingScreen.Focus, sessions groupService: Bool = false) -> KeyMap<BookingCommand> {
        switch focus {
        case .visitor: visitor
        case .services: services
        case .slots: groupService ? sessions : slots
        case .appointments: appointments
        }
    }
}

extension BookingKeys {
    /// The booking, enrollment and cancel-enrollment questions: Enter or y/o, Esc or n.
    public static let confirm = ChoiceKeys.confirm

    /// What a key means in the booking's confirmation.
    public enum ConfirmCommand: Hashable, Sendable { case confirm, cancel, program }

    /// The booking's confirmation: Enter or y/o books, Esc or n goes back, F6 or p chooses the
    /// program it counts for (not when rescheduling: the appointment keeps its own).
    public static func confirmBooking(rescheduling: Bool) -> KeyMap<ConfirmCommand> {
        KeyMap([
            KeyBinding(.confirm, [.enter, .character("y"), .character("o")], label: "key.confirm", display: .keys([.enter], joiner: "")),
            KeyBinding(.cancel, [.escape, .character("n")], label: "key.cancel", display: .keys([.escape], joiner: "")),
        ] + (rescheduling ? [] : [KeyBinding(.program, [.function(6), .character("p")], label: "key.program", display: .keys([.function(6)], joiner: ""))]))
    }
}
