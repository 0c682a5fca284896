/// A place to draw frames and read events from: ncurses in production, `HeadlessTerminal` in tests.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Shows the whole frame. Backends send only what changed since the last frame.
    func draw(_ frame: Frame)
    /// Waits up to `timeoutMilliseconds` for the next event; nil when none came in time.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
}

/// A terminal without a screen: it keeps the last frame as text and replays queued events.
public final class HeadlessTerminal: Terminal {
    public private(set) var size: Size
    public private(set) var lastFrame: Frame?
    private var pending: [TerminalEvent] = []

    public init(size: Size) { self.size = size }

    public func draw(_ frame: Frame) { lastFrame = frame }

    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        pending.isEmpty ? nil : pending.removeFirst()
    }

    /// Queues events to be returned by `nextEvent`.
    public func enqueue(_ events: TerminalEvent...) { pending.append(contentsOf: events) }

    /// Changes the size and queues the matching resize event.
    public func resize(to newSize: Size) {
        size = newSize
        pending.append(.resize(newSize))
    }

    /// The last frame as lines of text (empty before the first draw).
    public var screenText: [String] { lastFrame?.lines() ?? [] }
}
