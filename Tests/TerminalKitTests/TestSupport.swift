import Testing
@testable import TerminalKit

/// The C.UTF-8 locale, set once for the whole test process (`setlocale` is process-wide, and
/// tests run in parallel: a lazily initialized static runs exactly once).
enum UTF8Locale {
    static let isSet: Bool = TerminalLocale.useUTF8ForTests()
}

/// Names from the center's visitors, in the scripts the front desk sees every day.
enum Names {
    static let latin = "Aïssatou Diallo-Ndiaye Traoré"
    static let geez = "ሳምራዊት ተስፋይ ገብረመድህን"
    static let arabic = "يوسف المهاجر بن عبد الله"
    static let emoji = "Lina 👶 suivi"
    static let r2 = [latin, geez, arabic, emoji]
}

/// True when the scalar could drive a terminal: C0/C1 controls, DEL, bidi embeddings,
/// overrides and isolates, and the line/paragraph separators.
func isControlScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
    default: return false
    }
}

/// Checks that the frame's grid is consistent: every wide cluster is followed by exactly one
/// continuation cell, every continuation follows a wide cluster, and every row of `lines()` is
/// exactly as wide as the frame.
func expectConsistent(_ frame: Frame, sourceLocation: SourceLocation = #_sourceLocation) {
    for y in 0..<frame.size.height {
        for x in 0..<frame.size.width {
            let cell = frame[x, y]
            if cell.isContinuation {
                let head = x > 0 ? frame[x - 1, y] : nil
                #expect(head.map { !$0.isContinuation && DisplayText.width(of: $0.text) == 2 } == true,
                        "orphan continuation at \(x),\(y)", sourceLocation: sourceLocation)
            } else if DisplayText.width(of: cell.text) == 2 {
                #expect(x + 1 < frame.size.width && frame[x + 1, y].isContinuation,
                        "wide cluster without continuation at \(x),\(y)", sourceLocation: sourceLocation)
            }
        }
    }
    for (y, line) in frame.lines().enumerated() {
        #expect(DisplayText.width(of: line) == frame.size.width, "row \(y) is \(line.debugDescription)",
                sourceLocation: sourceLocation)
    }
}

/// A noncharacter (U+FDD0): never assigned, so the C library cannot measure it. Swift refuses
/// it in a string literal, hence built at run time.
let nonCharacter = String(Unicode.Scalar(0xFDD0)!)
