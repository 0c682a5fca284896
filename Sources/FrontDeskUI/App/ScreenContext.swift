import Foundation
import FrontDeskDomain
import TerminalKit

/// What the shell gives every screen with each event and each frame: the session and the
/// terminal, which no screen keeps in its own State.
///
/// A screen reads everything here and writes only two things back: the notice line (`notice`)
/// and a request to the shell (`request`: open the help, ask to quit). The shell owns both:
/// it draws the notice line and performs the request after `update` returns.
public struct ScreenContext: Sendable {
    /// The interface language's strings.
    public let strings: Localizer
    /// The center's zone and opening rules: every local day and clock time comes from it.
    public let calendar: CenterCalendar
    /// Countries and languages (ISO codes and names) for forms and details.
    public let reference: ReferenceData
    /// The title bar's right side: the desk and, once signed in, who works at it.
    public let deskName: String
    /// The terminal's size in cells.
    public let size: Size
    /// The last clock tick (UTC instant); screens never read the clock themselves.
    public let now: Date
    /// The signed-in member's role; nil while nobody is signed in.
    public let viewer: Viewer?
    /// The screens the signed-in member may open, in menu order; nil lists them all (tests of
    /// one screen).
    public let allowedScreens: [AppScreenKind]?
    /// The line of feedback above the key bar. A screen sets it to say what happened.
    public var notice: Notice?
    /// What the screen asks of the shell; read and cleared by the shell after `update`.
    public var request: ShellRequest?

    public init(strings: Localizer, calendar: CenterCalendar, reference: ReferenceData, deskName: String, size: Size, now: Date,
                viewer: Viewer? = nil, allowedScreens: [AppScreenKind]? = nil, notice: Notice? = nil) {
        self.strings = strings
        self.calendar = calendar
        self.reference = reference
        self.deskName = deskName
        self.size = size
        self.now = now
        self.viewer = viewer
        self.allowedScreens = allowedScreens
        self.notice = notice
    }

    /// The center-local day of `now`.
    public var today: LocalDate { calendar.localDate(of: now) }

    /// True when the terminal is below `Chrome.minimumSize`: the shell then shows one line only.
    public var isTooSmall: Bool { Chrome.isTooSmall(size) }

    /// A copy with another size, clock, desk name, viewer or allowed screens (how the shell moves
    /// its context on); the notice and the request are kept.
    public func with(size: Size? = nil, now: Date? = nil, deskName: String? = nil, viewer: Viewer?? = nil,
                     allowedScreens: [AppScreenKind]?? = nil) -> ScreenContext {
        var copy = ScreenContext(strings: strings, calendar: calendar, reference: reference, deskName: deskName ?? self.deskName,
                                 size: size ?? self.size, now: now ?? self.now, viewer: viewer ?? self.viewer,
                                 allowedScreens: allowedScreens ?? self.allowedScreens, notice: notice)
        copy.request = request
        return copy
    }
}

/// What a screen may ask of the shell. The shell owns these overlays and decides: the help
/// box is drawn by the shell from the screen's help columns; quitting follows one path (a
/// confirmation, or a kiosk's sign-out, or at once from the sign-in screen of a desk).
public enum ShellRequest: Hashable, Sendable {
    /// Show the help overlay.
    case help
    /// The member asked to quit (F10, or `q` where letters are commands).
    case quit
}

/// Events every screen receives from the shell, whatever else it handles.
public enum ShellEvent: Hashable, Sendable {
    /// A key the overlays and the global keys did not take.
    case key(Key)
    /// The terminal changed size (the new size is in the context).
    case resized
    /// The clock moved on (the new time is in the context); sent at least once a second.
    case tick
    /// Another terminal (or this one) changed the database.
    case dataChanged
    /// The screen came to the front.
    case shown
    /// Text pasted into the terminal: inserted into the focused text field as one line, never
    /// taken as keys (a newline in it submits nothing).
    case paste(String)
}

/// A screen's events: its own, and one case that carries the shell's (`case shell(ShellEvent)`
/// satisfies the requirement), so the shell can send any screen a key, a tick or a reload.
public protocol ScreenEvent: Sendable {
    static func shell(_ event: ShellEvent) -> Self
}

extension ScreenEvent {
    /// A key, as the shell passes it on.
    public static func key(_ key: Key) -> Self { shell(.key(key)) }
    public static var resized: Self { shell(.resized) }
    public static var tick: Self { shell(.tick) }
    public static var dataChanged: Self { shell(.dataChanged) }
    public static var shown: Self { shell(.shown) }
}

/// What the key bar shows for a screen at this moment.
public enum KeyBarContent: Equatable, Sendable {
    /// The screen's key map: every key of each binding, and the first key only when that does
    /// not fit. The shell adds the screens-menu hint after it.
    case keyMap(full: [KeyHint], firstKeys: [KeyHint])
    /// A dialog's own hints, shown as they are.
    case dialog([KeyHint])
}

/// One column of the help overlay: a heading and its lines (keys, label).
public struct HelpColumn: Sendable {
    public var heading: String
    public var lines: [(keys: String, label: String)]
    public init(_ heading: String, _ lines: [(keys: String, label: String)]) {
        self.heading = heading
        self.lines = lines
    }
}

/// A screen of the app, as the shell drives it (the Elm architecture): a value
/// State, a pure `update` that returns effects (data the effect handlers perform), and a
/// `render` of the body between the shell's title bar and its notice line.
///
/// The shell owns everything screens share: the title bar, the notice line, the key bar, the
/// help and quit overlays, the too-small message, the screens menu and the kiosk lock.
public protocol Screen {
    associatedtype State: Equatable & Sendable
    associatedtype Event: ScreenEvent
    associatedtype Effect: Equatable & Sendable

    /// The first effects, when the screen is created or a session opens.
    static func start(_ state: inout State, _ context: ScreenContext) -> [Effect]
    /// Applies one event. Pure: no I/O, no clock; the context gives the time.
    static func update(_ state: inout State, _ event: Event, _ context: inout ScreenContext) -> [Effect]
    /// Draws the screen's body (the rows between the title bar and the notice line).
    static func render(_ state: State, _ context: ScreenContext, body: Rect, into frame: inout Frame)
    /// The title bar's text after "FrontDesk · ".
    static func title(_ state: State, _ context: ScreenContext) -> String
    /// What the key bar shows now.
    static func keyBar(_ state: State, _ context: ScreenContext) -> KeyBarContent
    /// The help overlay's columns.
    static func help(_ state: State, _ context: ScreenContext) -> [HelpColumn]
    /// True while a dialog of the screen is open: it sees keys before the global keys.
    static func hasDialog(_ state: State) -> Bool
}

extension KeyMap {
    /// The key bar of this map: every key, and the first keys only as the narrow form.
    public func keyBar(_ strings: Localizer) -> KeyBarContent {
        .keyMap(full: hints(strings), firstKeys: hints(strings, firstKeyOnly: true))
    }
}
