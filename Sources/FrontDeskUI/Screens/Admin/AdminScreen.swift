import Foundation
import FrontDeskDomain
import TerminalKit

/// The admin screen: lists of counselors (with working hours and absences), rooms, closures and
/// services; add, edit and remove through small forms whose values are checked here (pure) and
/// saved by the runner through the repository's admin saves.
public enum AdminScreen: Screen {
    public enum Tab: String, CaseIterable, Hashable, Sendable { case counselors, rooms, closures, services, programs, staff }

    /// What a form edits; ids are 0 for a new record.
    public enum FormTarget: Hashable, Sendable {
        case counselor(id: Int64)
        case room(id: Int64)
        case closure(id: Int64)
        case absence(counselorId: Int64, id: Int64)
        /// A program: nil adds one, else the id of the one edited (an id never changes).
        case program(id: String?)
    }

    /// A record about to be removed.
    public enum Removal: Hashable, Sendable {
        case counselor(Counselor)
        case room(Room)
        case closure(Closure)
        case absence(Absence)
        /// Disabling a staff login (it stays for the audit trail).
        case staff(StaffMember)
    }

    public enum Modal: Hashable, Sendable {
        case form(FormTarget, FieldForm)
        case confirmRemove(Removal)
    }

    /// Everything the lists show, loaded together.
    public struct Data: Hashable, Sendable {
        public var counselors: [Counselor]
        public var rooms: [Room]
        public var closures: [Closure]
        public var services: [Service]
        public var absences: [Absence]
        /// Staff logins, disabled ones included (no PIN hash ever reaches a screen).
        public var staff: [StaffMember]
        /// The programs and their funders, in the catalog's order (added and changed here with
        /// `n` and Enter, or with `frontdesk programs add|edit`).
        public var programs: [Program]
        public init(counselors: [Counselor] = [], rooms: [Room] = [], closures: [Closure] = [], services: [Service] = [], absences: [Absence] = [],
                    staff: [StaffMember] = [], programs: [Program] = []) {
            self.staff = staff
            self.programs = programs
            self.counselors = counselors
            self.rooms = rooms
            self.closures = closures
            self.services = services
            self.absences = absences
        }
    }

    public struct State: Equatable, Sendable {
        public var data = Data()
        public var tab: Tab = .counselors
        public var list = ListState()
        public var modal: Modal?
        /// The name of what was just saved: selected in its list once the data is loaded again
        /// (a new program lands wherever the catalog's order puts it).
        public var selectAfterLoad: String?

        public init() {}

        /// The row of the shown list named `name` (a counselor's or room's name, a closure's
        /// label, a program's French or English name), if any.
        func row(named name: String) -> Int? {
            switch tab {
            case .counselors: data.counselors.firstIndex { $0.name == name }
            case .rooms: data.rooms.firstIndex { $0.name == name }
            case .closures: data.closures.firstIndex { $0.label == name }
            case .programs: data.programs.firstIndex { $0.nameFr == name || $0.nameEn == name }
            case .services, .staff: nil
            }
        }

        public var rowCount: Int {
            switch tab {
            case .counselors: data.counselors.count
            case .rooms: data.rooms.count
            case .closures: data.closures.count
            case .services: data.services.count
            case .staff: data.staff.count
            case .programs: data.programs.count
            }
        }

        func item<T>(_ items: [T]) -> T? {
            guard let i = list.selected, items.indices.contains(i) else { return nil }
            return items[i]
        }

        public var selectedCounselor: Counselor? { tab == .counselors ? item(data.counselors) : nil }

        /// The selected counselor's absences that have not ended at `now` (UTC), by start.
        public func selectedAbsences(now: Date) -> [Absence] {
            guard let c = selectedCounselor else { return [] }
            return data.absences.filter { $0.counselorId == c.id && $0.interval.end > now }.sorted { $0.interval.start < $1.interval.start }
        }
    }

    public enum Event: ScreenEvent, Sendable {
        /// A key, the clock, a resize, a reload or coming to the front: from the shell.
        case shell(ShellEvent)
        case loaded(Data)
        /// A save or removal went through; `update` says what happened in the screen's language.
        case saved(Change)
        case failed(SchedulingFailure)
    }

    /// What a save or removal did, as the store answered it; `update` words it for the notice.
    public enum Change: Hashable, Sendable {
        /// A counselor, room, closure or absence was saved; its name (a closure's label, an
        /// absence's reason).
        case saved(name: String)
        /// A service was offered or withdrawn; named in the screen's language.
        case serviceSaved(Service)
        /// A counselor, room, closure or absence was removed: deleted, or deactivated because
        /// it has appointments.
        case removed(RemovalOutcome)
        /// A staff login was disabled.
        case staffDisabled(name: String)
    }

    public enum Effect: Equatable, Sendable {
        case load
        case saveCounselor(Counselor)
        case removeCounselor(id: Int64)
        case saveRoom(Room)
        case removeRoom(id: Int64)
        case saveClosure(Closure)
        case removeClosure(id: Int64)
        case saveAbsence(Absence)
        case removeAbsence(id: Int64)
        case setServiceActive(id: String, active: Bool)
        /// Disable a staff login (adding one and setting PINs are `frontdesk staff` commands).
        case disableStaff(name: String)
        /// Add a program or change one (its services are then counted again).
        case saveProgram(Program)
    }

    public static func start(_ state: inout State, _ context: ScreenContext) -> [Effect] { [.load] }


    public static func hasDialog(_ state: State) -> Bool { state.modal != nil }
}

extension AdminScreen.Effect {
    /// True when performing the effect may write to the store (an audit row counts): the loop
    /// then absorbs the change token it moved, so its own write does not reload the screen twice.
    /// Exhaustive on purpose: a new effect must say whether it writes.
    public var writes: Bool {
        switch self {
        case .load: false
        case .saveCounselor, .removeCounselor, .saveRoom, .removeRoom, .saveClosure, .removeClosure, .saveAbsence,
             .removeAbsence, .setServiceActive, .disableStaff, .saveProgram: true
        }
    }
}
