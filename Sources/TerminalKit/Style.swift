/// One of the eight basic terminal colors, or the terminal's default.
public enum Color: Int, Hashable, Sendable, CaseIterable {
    case `default` = -1, black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// Text attributes that every terminal can show.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1 << 0)
    public static let reverse = Attributes(rawValue: 1 << 1)
    public static let underline = Attributes(rawValue: 1 << 2)
    public static let dim = Attributes(rawValue: 1 << 3)
}

/// How a cell is drawn. Screens must stay readable without color, so meaning is never carried by
/// color alone (use text or attributes too).
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
    public static let bold = Style(attributes: .bold)
    public static let reverse = Style(attributes: .reverse)
    public static let dim = Style(attributes: .dim)
    public static let underline = Style(attributes: .underline)

    public func with(_ attributes: Attributes) -> Style {
        var s = self
        s.attributes.formUnion(attributes)
        return s
    }
}
