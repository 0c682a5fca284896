import Foundation
import FrontDeskDomain

/// The interface language.
public enum UILanguage: String, CaseIterable, Sendable {
    case fr, en

    /// The language a locale asks for (`fr_MA.UTF-8` → French); English when the locale is
    /// neither French nor English. Reads the usual POSIX variables in order: LC_ALL, LC_MESSAGES, LANG.
    public static func from(environment: [String: String]) -> UILanguage {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("fr") ? .fr : .en
            }
        }
        return .en
    }
}

/// UI strings for one language, loaded from `Resources/data/strings/<lang>.json` (a flat object of
/// key → text). Placeholders are `{0}`, `{1}`… A key missing from the table falls back to the
/// English table, then to the key itself, so a gap shows as a readable key, never a crash.
public struct Localizer: Sendable {
    public let language: UILanguage
    private let table: [String: String]
    private let fallback: [String: String]

    public init(language: UILanguage, table: [String: String], fallback: [String: String] = [:]) {
        self.language = language
        self.table = table
        self.fallback = fallback
    }

    /// The text for `key` with `{0}`, `{1}`… replaced by the arguments in order.
    public func callAsFunction(_ key: String, _ arguments: CustomStringConvertible...) -> String {
        text(key, arguments)
    }

    /// `callAsFunction` with the arguments as an array (for helpers that pass theirs on).
    ///
    /// The template is read once, left to right: an argument's own text is never read again, so
    /// a name that holds `{1}` stays as typed. A placeholder without an argument stays as it is.
    public func text(_ key: String, _ arguments: [CustomStringConvertible]) -> String {
        let template = table[key] ?? fallback[key] ?? key
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let i = Int(rest[afterOpen..<close]), arguments.indices.contains(i) {
                out += arguments[i].description
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[afterOpen...]
            }
        }
        return out + rest
    }

    /// The text of `key.one` or `key.other` for the count `n` (`{0}`), further arguments from
    /// `{1}` on: "1 try left", "2 tries left". French counts 0 as one ("0 essai restant"),
    /// English as more ("0 tries left").
    public func plural(_ key: String, _ n: Int, _ more: CustomStringConvertible...) -> String {
        let one = n == 1 || (n == 0 && language == .fr)
        return text(key + (one ? ".one" : ".other"), [n] + more)
    }

    /// `value` with `places` digits after the decimal mark of the language, rounded as
    /// `NumberText.fixed` rounds: `21.2` in English, `21,2` in French.
    public func decimal(_ value: Double, places: Int) -> String {
        let text = NumberText.fixed(value, places: places)
        return language == .fr && value.isFinite ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// True when the key has a text in this language's table.
    public func has(_ key: String) -> Bool { table[key] != nil }

    /// All keys of this language's table (for completeness tests).
    public var keys: Set<String> { Set(table.keys) }

    // MARK: Domain vocabulary

    public func category(_ c: ServiceCategory) -> String { self("category.\(c.rawValue)") }
    public func sex(_ s: Sex) -> String { self("sex.\(s.rawValue)") }
    public func status(_ s: LegalStatus) -> String { self("status.\(s.rawValue)") }
    public func outcome(_ o: VisitOutcome) -> String { self("outcome.\(o.rawValue)") }

    /// The visitor-facing name of a service.
    public func serviceName(_ s: Service) -> String { language == .fr ? s.nameFr : s.nameEn }

    /// A short date for headers: "mar. 14 avr. 2026" / "Tue 14 Apr 2026".
    public func longDate(_ d: LocalDate, weekday: Int) -> String {
        let days = self("calendar.weekdays").split(separator: ",").map(String.init)
        let months = self("calendar.months").split(separator: ",").map(String.init)
        let wd = days.indices.contains(weekday - 1) ? days[weekday - 1] : ""
        let mo = months.indices.contains(d.month - 1) ? months[d.month - 1] : String(d.month)
        return "\(wd) \(d.day) \(mo) \(d.year)"
    }

    /// The message for a refused registration.
    public func message(for error: VisitorValidationError) -> String {
        switch error {
        case .givenNameMissing: self("error.givenNameMissing")
        case .nameTooLong(let max): self("error.nameTooLong", max)
        case .nameMarksPiled(let max): self("error.nameMarksPiled", max)
        case .nameInvalid: self("error.nameInvalid")
        case .nationalityUnknown(let c): self("error.nationalityUnknown", c)
        case .languageUnknown(let l): self("error.languageUnknown", l)
        case .birthYearInvalid(let y): self("error.birthYearInvalid", y)
        case .birthYearInFuture(let y): self("error.birthYearInFuture", y)
        case .phoneInvalid(let p): self("error.phoneInvalid", p)
        case .consentMissing: self("error.consentMissing")
        }
    }

    /// The message for a store problem (a file that cannot be opened, a damaged file, a full
    /// disk…). Paths and reasons are given as they are: a caller that prints them neutralizes them.
    /// Why a backup cannot be restored, in this language (the system's own words for `unreadable`).
    public func message(for problem: BackupProblem) -> String {
        switch problem {
        case .missing: self("store.backup.missing")
        case .notAFile: self("store.backup.notAFile")
        case .notADatabase: self("store.backup.notADatabase")
        case .empty: self("store.backup.empty")
        case .damaged: self("store.backup.damaged")
        case .newer: self("store.backup.newer")
        case .notFrontDesk: self("store.backup.notFrontDesk")
        case .unreadable(let system): system
        case .sqlite(let code): self("store.backup.sqlite", code)
        }
    }

    public func message(for error: StoreError) -> String {
        switch error {
        case .notADatabase(let p): self("store.notADatabase", p)
        case .newerSchema(let p): self("store.newerSchema", p)
        case .foreignDatabase(let p): self("store.foreignDatabase", p)
        case .notAFile(let p): self("store.notAFile", p)
        case .cannotCreateDirectory(let p, let r): self("store.cannotCreateDirectory", p, r)
        case .cannotCreateFile(let p, let r): self("store.cannotCreateFile", p, r)
        case .cannotRead(let p, let r): self("store.cannotRead", p, r)
        case .readOnly(let p): self("store.readOnly", p)
        case .visitorNotFound(let id): self("store.visitorNotFound", id)
        case .damaged(let p): self("store.damaged", p)
        case .diskFull: self("store.diskFull")
        case .inUse(let p): self("store.inUse", p)
        case .unexpected(let code): self("store.unexpected", code)
        case .unusableBackup(let p, let problem): self("store.unusableBackup", p, message(for: problem))
        }
    }

    /// The message for a refused queue action.
    public func message(for error: QueueError) -> String {
        switch error {
        case .alreadyCheckedIn(let t): self("error.alreadyCheckedIn", t)
        case .visitorNotFound: self("error.visitorNotFound")
        case .visitorArchived: self("error.visitorArchived")
        case .visitNotFound: self("error.visitNotFound")
        case .visitClosed: self("error.visitClosed")
        case .queueEmpty(let c): c.map { self("error.queueEmptyIn", category($0)) } ?? self("error.queueEmpty")
        }
    }
}
