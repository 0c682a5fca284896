/// Input that arrives all at once: how a terminal without bracketed paste tells a raw paste from
/// typing.
///
/// A backend reads the text, Enter and Tab keys already waiting after a typed key as one burst.
/// No person types letters, Enter or Tab and more letters within one read; a pasted address
/// does. So a burst where text, a line break or a tab, and more text follow is a paste
/// (`isPaste`), and
/// any other burst is keys (`keys(of:)`): a name typed quickly, or sent by a barcode reader,
/// followed by Enter still submits.
public enum InputBurst {
    /// The text a key stands for in a burst: the character, "\n" for Enter, "\t" for Tab; nil
    /// for any other key (which ends a burst).
    public static func text(of key: Key) -> String? {
        switch key {
        case .character(let character): String(character)
        case .enter: "\n"
        case .tab: "\t"
        default: nil
        }
    }

    /// True when a burst is a raw paste: text, then a line break or a tab, then more text
    /// (characters that are none of line break, tab and space). A burst that starts with Enter
    /// or Tab is keys: that key was pressed before what follows was typed.
    public static func isPaste(_ text: String) -> Bool {
        var sawText = false
        var sawBreak = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                sawBreak = sawText
            } else if scalar != " " {
                if sawBreak { return true }
                sawText = true
            }
        }
        return false
    }

    /// The keys of a burst that is not a paste, in order; a character with the combining marks
    /// that follow it is one `.character`.
    public static func keys(of text: String) -> [Key] {
        text.map { character in
            switch character {
            case "\n", "\r", "\r\n": .enter
            case "\t": .tab
            default: .character(character)
            }
        }
    }
}
