import FrontDeskDomain
import TerminalKit

/// What a key can mean on the reception screen.
public enum ReceptionCommand: Hashable, Sendable {
    case help, search, newVisitor, checkIn, callNext, closeVisit, filterCategory, switchFocus, quit
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    /// Mark the selected expected visitor arrived.
    case markArrived
}

/// The reception screen's key maps. Every printable key types into the search, whatever pane
/// has focus (a name typed at the wrong moment never calls, closes or filters anything), so
/// commands are function keys with Ctrl alternatives for terminals that eat F-keys: ^N new,
/// ^F filter, ^T call the next ticket, ^X close a visit, ^R mark arrived, ^Q quit.
public enum ReceptionKeys {
    /// Moving in a list pane (the queue, the expected arrivals) and to the next pane.
    private static let listMoves: [KeyBinding<ReceptionCommand>] = [
        KeyBinding(.switchFocus, [.tab, .backTab], label: "key.focus", inBar: false),
        KeyBinding(.moveUp, [.up], label: "key.up", inBar: false),
        KeyBinding(.moveDown, [.down], label: "key.down", inBar: false),
        KeyBinding(.pageUp, [.pageUp], label: "key.pageUp", inBar: false),
        KeyBinding(.pageDown, [.pageDown], label: "key.pageDown", inBar: false),
        KeyBinding(.top, [.home], label: "key.top", inBar: false),
        KeyBinding(.bottom, [.end], label: "key.bottom", inBar: false),
        KeyBinding(.search, [.function(3), .escape], label: "key.search", inBar: false),
    ]

    /// Keys while the queue list has focus.
    public static let queue = KeyMap<ReceptionCommand>([
        KeyBinding(.help, [.function(1)], label: "key.help"),
        KeyBinding(.newVisitor, [.function(2), .control("n")], label: "key.new"),
        KeyBinding(.callNext, [.function(5), .control("t")], label: "key.callNext"),
        KeyBinding(.closeVisit, [.function(6), .control("x")], label: "key.close"),
        KeyBinding(.filterCategory, [.function(4), .control("f")], label: "key.filter"),
        KeyBinding(.quit, [.function(10), .control("q")], label: "key.quit"),
    ] + listMoves)

    /// Keys while the expected arrivals have focus.
    public static let expected = KeyMap<ReceptionCommand>([
        KeyBinding(.help, [.function(1)], label: "key.help"),
        KeyBinding(.markArrived, [.enter, .control("r")], label: "key.arrived"),
        KeyBinding(.newVisitor, [.function(2), .control("n")], label: "key.new"),
        KeyBinding(.callNext, [.function(5), .control("t")], label: "key.callNext"),
        KeyBinding(.quit, [.function(10), .control("q")], label: "key.quit"),
    ] + listMoves)

    /// Keys while the search field has focus: printable keys type into the field.
    public static let search = KeyMap<ReceptionCommand>([
        KeyBinding(.help, [.function(1)], label: "key.help"),
        KeyBinding(.checkIn, [.enter], label: "key.checkIn"),
        KeyBinding(.newVisitor, [.function(2), .control("n")], label: "key.new"),
        KeyBinding(.callNext, [.function(5), .control("t")], label: "key.callNext"),
        KeyBinding(.switchFocus, [.tab, .backTab, .escape], label: "key.queue"),
        KeyBinding(.quit, [.function(10), .control("q")], label: "key.quit"),
        KeyBinding(.moveUp, [.up], label: "key.up", inBar: false),
        KeyBinding(.moveDown, [.down], label: "key.down", inBar: false),
        KeyBinding(.pageUp, [.pageUp], label: "key.pageUp", inBar: false),
        KeyBinding(.pageDown, [.pageDown], label: "key.pageDown", inBar: false),
    ])
}

extension ReceptionKeys {
    /// The check-in dialog: a category by arrow, ticket letter (P, S, E) or digit; Enter gives
    /// the ticket. The letters come from the categories' ticket letters.
    public static let checkIn = ChoiceKeys.map(choices: ServiceCategory.allCases.map { category in
        [Character(category.ticketLetter.lowercased()), Character(category.ticketLetter.uppercased())]
    })

    /// What F6 does in the check-in dialogs: the next program a walk-in may count for.
    public enum ProgramCommand: Hashable, Sendable { case program }

    /// F6 in the check-in dialogs (letters are the categories': `p` is psychological).
    public static let checkInProgram = KeyMap<ProgramCommand>([
        KeyBinding(.program, [.function(6)], label: "key.program"),
    ])

    /// The check-in dialog of a visitor expected today: the arrival first (a, or 1), then the
    /// categories (their letters, or 2, 3, 4); Enter takes the highlighted one.
    public static let checkInWithAppointment = ChoiceKeys.map(choices: [["a", "A"]] + ServiceCategory.allCases.map { category in
        [Character(category.ticketLetter.lowercased()), Character(category.ticketLetter.uppercased())]
    })

    /// The close-visit dialog: seen (s, or v for "vu"), left unseen (l, or p for "parti"),
    /// redirected (r, or o for "orienté"), or a digit, closes the visit at once; arrows move
    /// and Enter closes with the highlighted outcome.
    public static let closeVisit = ChoiceKeys.map(choices: VisitOutcome.allCases.map { outcome in
        switch outcome {
        case .seen: ["s", "v"]
        case .leftUnseen: ["l", "p"]
        case .redirected: ["r", "o"]
        }
    })

    /// "Another desk called this ticket: close it anyway?": only y (or o, "oui") goes on to
    /// the close dialog, so the habit F6 Enter never closes another desk's ticket; n or Esc
    /// leaves it to that desk.
    public static let otherDesk = KeyMap<DialogCommand>([
        KeyBinding(.confirm, [.character("y"), .character("Y"), .character("o"), .character("O")], label: "close.otherDeskYes",
                   display: .localized("quit.yesKey")),
        KeyBinding(.cancel, [.character("n"), .character("N"), .escape], label: "close.otherDeskNo",
                   display: .keys([.character("n"), .escape], joiner: "/")),
    ])

    /// "Already registered?": Enter uses the highlighted record (no new one), F2 registers a new
    /// person all the same, Esc goes back to the form.
    public static let duplicates = KeyMap<DuplicatesCommand>([
        KeyBinding(.useRecord, [.enter], label: "key.useRecord"),
        KeyBinding(.newPerson, [.function(2), .control("n")], label: "key.newPerson"),
        KeyBinding(.back, [.escape], label: "key.backToForm"),
        KeyBinding(.moveUp, [.up], label: "key.up", inBar: false),
        KeyBinding(.moveDown, [.down], label: "key.down", inBar: false),
    ])

    /// A group session's seated visitors: Enter marks the highlighted one arrived, Esc closes.
    public static let groupArrivals = KeyMap<GroupArrivalsCommand>([
        KeyBinding(.markArrived, [.enter, .control("r")], label: "key.arrived"),
        KeyBinding(.close, [.escape], label: "key.dismiss"),
        KeyBinding(.moveUp, [.up], label: "key.up", inBar: false),
        KeyBinding(.moveDown, [.down], label: "key.down", inBar: false),
    ])

    /// The ticket just given: any of these closes it.
    public static let ticket = KeyMap<DialogCommand>([
        KeyBinding(.close, [.enter, .escape, .character(" ")], label: "key.done", display: .keys([.enter], joiner: "")),
    ])
}

/// What a key means in a group session's arrivals.
public enum GroupArrivalsCommand: Hashable, Sendable { case markArrived, close, moveUp, moveDown }

/// What a key means in the "Already registered?" dialog.
public enum DuplicatesCommand: Hashable, Sendable { case useRecord, newPerson, back, moveUp, moveDown }
