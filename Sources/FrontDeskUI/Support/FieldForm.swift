import Foundation
import FrontDeskDomain
import TerminalKit

/// A small form in a dialog: labelled text fields, choices and check boxes, one per row.
///
/// Used for the admin forms, the cancellation reason and the "go to date" prompt. Keys: Tab/↓
/// next field, S-Tab/↑ previous, Enter next field or submit on the last, F2/^S submit, Esc
/// cancel; ←/→ or Space change a choice, Space ticks a box; text fields edit by grapheme.
/// Values stay after a refused submit, with the error shown at the bottom.
public struct FieldForm: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text(TextField)
        /// Option labels (already localized) and the chosen index.
        case choice([String], Int)
        case toggle(Bool)
    }

    public struct Field: Hashable, Sendable {
        /// Strings-table key of the label.
        public var label: String
        public var kind: Kind
        public init(_ label: String, _ kind: Kind) {
            self.label = label
            self.kind = kind
        }
        public static func text(_ label: String, _ value: String = "", maxLength: Int = 200) -> Field {
            Field(label, .text(TextField(text: value, maxLength: maxLength)))
        }
    }

    /// Strings-table key of the title.
    public var title: String
    public var fields: [Field]
    public var focus = 0
    public var error: String?
    /// A line of context above the fields (already localized), e.g. the appointment cancelled.
    public var intro: String?

    public init(title: String, fields: [Field]) {
        self.title = title
        self.fields = fields
    }

    public enum Outcome: Equatable, Sendable { case editing, submit, cancel }

    public func text(_ i: Int) -> String {
        if case .text(let f) = fields[i].kind { return f.text.trimmingCharacters(in: .whitespaces) }
        return ""
    }

    public func choice(_ i: Int) -> Int {
        if case .choice(_, let c) = fields[i].kind { return c }
        return 0
    }

    public func isOn(_ i: Int) -> Bool {
        if case .toggle(let on) = fields[i].kind { return on }
        return false
    }

    public mutating func setText(_ i: Int, _ text: String) {
        if case .text(var f) = fields[i].kind {
            f.setText(text)
            fields[i].kind = .text(f)
        }
    }

    /// What a key does to a "go to date" form (one `YYYY-MM-DD` field): closes it, keeps it open
    /// (with an error when the date does not parse), or gives the date.
    public enum DateAnswer: Equatable, Sendable {
        case cancelled
        case editing(FieldForm)
        case date(LocalDate)
    }

    /// Handles one key of a "go to date" form whose first field is the date.
    public func dateAnswer(_ key: Key, _ strings: Localizer) -> DateAnswer {
        var form = self
        switch form.handle(key) {
        case .cancel: return .cancelled
        case .editing: return .editing(form)
        case .submit:
            guard let date = LocalDate(iso: form.text(0)) else {
                form.error = strings("error.dateInvalid", form.text(0))
                return .editing(form)
            }
            return .date(date)
        }
    }

    /// The kind of the focused field, for the form key table.
    var focusedKind: FormFieldKind {
        switch fields[focus].kind {
        case .text: .text
        case .choice: .choice
        case .toggle: .toggle
        }
    }

    /// Handles one key, as `FormKeys` says: Tab/↓ next field, S-Tab/↑ previous, Enter next
    /// field or submit on the last, F2/^S submit, Esc cancel; ←/→ or Space change a choice,
    /// Space ticks a box; other keys edit the focused text field.
    public mutating func handle(_ key: Key) -> Outcome {
        let command = FormKeys.command(for: key, on: focusedKind)
        switch command {
        case .cancel?: return .cancel
        case .submit?: return .submit
        case .nextField?: focus = FormKeys.move(focus, by: 1, count: fields.count)
        case .previousField?: focus = FormKeys.move(focus, by: -1, count: fields.count)
        case .advance?:
            if focus == fields.count - 1 { return .submit }
            focus += 1
        case .nextOption?, .previousOption?:
            if case .choice(let options, let c) = fields[focus].kind, !options.isEmpty {
                fields[focus].kind = .choice(options, FormKeys.move(c, by: command == .previousOption ? -1 : 1, count: options.count))
            }
        case .toggle?:
            if case .toggle(let on) = fields[focus].kind { fields[focus].kind = .toggle(!on) }
        case .nextMatch?, .previousMatch?:
            break
        case nil:
            if case .text(var f) = fields[focus].kind {
                if f.handle(key) { error = nil }
                fields[focus].kind = .text(f)
            }
        }
        return .editing
    }

    /// Inserts pasted text into the focused text field as one line; nothing on a choice or a
    /// check box. A newline in it never submits.
    public mutating func paste(_ text: String) {
        guard case .text(var f) = fields[focus].kind else { return }
        if f.paste(text) { error = nil }
        fields[focus].kind = .text(f)
    }

    /// Draws the form centered in `area`.
    public func render(_ strings: Localizer, area: Rect, into frame: inout Frame, width: Int = 64) {
        let top = intro == nil ? 0 : 2
        let boxWidth = min(area.width - 2, width)
        // A refusal is read whole: up to three lines, the box growing for them.
        let errorLines = error.map { DisplayText.wrapped("! " + $0, toColumns: max(1, boxWidth - 4), maxLines: 3) } ?? []
        let bottom = max(1, errorLines.count)
        let box = Dialog.rect(width: boxWidth, height: min(area.height - 1, fields.count + 3 + bottom + top), in: area)
        let inner = Box.render(into: &frame, rect: box, title: strings(title), style: .bold)
        if let intro { frame.put(intro, in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 1), style: .bold) }
        let labelWidth = min(20, inner.width / 3)
        for (i, field) in fields.enumerated() {
            let y = inner.y + top + i
            guard y < inner.maxY - bottom else { break }
            let focused = i == focus
            // One blank column between a label and its value, even for a label cut short.
            frame.put(strings(field.label), in: Rect(x: inner.x + 1, y: y, width: labelWidth - 2, height: 1), style: focused ? .bold : .plain)
            let value = Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth - 1, height: 1)
            switch field.kind {
            case .text(let f):
                f.render(into: &frame, rect: value, style: .underline, focused: focused)
            case .choice(let options, let c):
                frame.put("◀ \(options.indices.contains(c) ? options[c] : "") ▶", in: value, style: focused ? .reverse : .plain)
            case .toggle(let on):
                frame.put("[\(on ? "x" : " ")]", in: value, style: focused ? .reverse : .plain)
            }
        }
        for (i, line) in errorLines.enumerated() {
            frame.put(line, in: Rect(x: inner.x + 1, y: inner.maxY - errorLines.count + i, width: inner.width - 2, height: 1),
                      style: Style(foreground: .red, attributes: .bold))
        }
    }

    /// Hints for the key bar under the form, from the form key table.
    public func hints(_ strings: Localizer) -> [KeyHint] { FormKeys.hints(on: focusedKind, strings, fieldCount: fields.count) }
}
