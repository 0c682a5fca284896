import Foundation
import FrontDeskDomain
import TerminalKit

/// A counselor's schedule: the day agenda (time rows) or the week grid (Monday to Friday
/// columns × time rows); move by day and week, jump to today or a typed date, choose the
/// counselor, and mark the selected appointment arrived, in session, completed or no-show.
/// Anything outside that lifecycle ("marked no-show by mistake") is a status correction: any
/// status, with a required reason, audited by the store with before and after.
///
/// Rows are wall-clock times in the center's zone: an appointment at 10:00 sits on the 10:00 row
/// on both sides of a clock change (in Casablanca, 2026-02-15 and 2026-03-22). Days are stepped
/// by calendar.
public enum ScheduleScreen: Screen {
    /// First and last wall-clock minute shown (08:00–18:00), widened to show earlier or later
    /// appointments.
    public static let dayStartMinutes = 8 * 60
    public static let dayEndMinutes = 18 * 60

    public enum View: Hashable, Sendable { case day, week }

    public enum Modal: Hashable, Sendable {
        /// Jump to a date typed `YYYY-MM-DD`.
        case date(FieldForm)
        /// Choosing the counselor: the highlighted row.
        case counselor(ListState)
        /// Correcting the status of an appointment: a status choice and a reason.
        case correct(AppointmentListing, FieldForm)
        /// The counselor's own notes on an appointment (only when the store let them be read).
        case note(AppointmentListing, FieldForm)
    }

    /// The appointments asked for: one counselor over local days `from...through`.
    public struct AgendaRequest: Hashable, Sendable {
        public var counselorId: Int64
        public var from: LocalDate
        public var through: LocalDate
        public init(counselorId: Int64, from: LocalDate, through: LocalDate) {
            self.counselorId = counselorId
            self.from = from
            self.through = through
        }
    }

    public struct State: Equatable, Sendable {
        public var counselors: [Counselor] = []
        public var counselorId: Int64?
        /// The day shown (day view) or selected (week view).
        public var date: LocalDate
        public var view: View = .day
        public var request: AgendaRequest?
        /// Appointments of the request, any status.
        public var agenda: [AppointmentListing] = []
        public var selectedId: Int64?
        public var modal: Modal?

        /// - Parameter date: the center-local day shown first (today, as the shell opens it).
        public init(date: LocalDate) {
            self.date = date
        }

        /// The Monday of the shown week.
        public var weekStart: LocalDate { date.adding(days: -(date.isoWeekday.rawValue - 1)) }

        /// The days the view shows: the date, or Monday to Friday of its week.
        public var days: [LocalDate] {
            view == .day ? [date] : (0..<5).map { weekStart.adding(days: $0) }
        }

        public var counselor: Counselor? { counselors.first { $0.id == counselorId } }

        /// Appointments on a local day that are shown (cancelled ones are not), by start.
        public func appointments(on day: LocalDate) -> [AppointmentListing] {
            agenda.filter { $0.localStart.date == day && $0.status != .cancelled }.sorted { $0.appointment.start < $1.appointment.start }
        }

        public var selected: AppointmentListing? { agenda.first { $0.id == selectedId } }
    }

    public enum Event: ScreenEvent, Sendable {
        /// A key, the clock, a resize, a reload or coming to the front: from the shell.
        case shell(ShellEvent)
        case counselorsLoaded([Counselor])
        case agendaLoaded(AgendaRequest, [AppointmentListing])
        case statusChanged(AppointmentListing)
        /// A correction was saved (and audited).
        case statusCorrected(AppointmentListing)
        /// The counselor's notes were saved (and audited).
        case noteSaved(appointmentId: Int64)
        /// The read of the notes was audited (nothing changes on screen).
        case noteRead(appointmentId: Int64)
        case failed(SchedulingFailure)
    }

    public enum Effect: Equatable, Sendable {
        case loadCounselors
        case loadAgenda(AgendaRequest)
        case setStatus(appointmentId: Int64, AppointmentStatus)
        /// Any status, outside the lifecycle; the store audits before, after and the reason.
        case correctStatus(appointmentId: Int64, AppointmentStatus, reason: String)
        /// Replace the counselor's notes on the appointment.
        case saveNote(appointmentId: Int64, String)
        /// The counselor opened their notes on the appointment: the read is audited.
        case noteOpened(appointmentId: Int64)
    }

    public static func start(_ state: inout State, _ context: ScreenContext) -> [Effect] { [.loadCounselors] }


    public static func hasDialog(_ state: State) -> Bool { state.modal != nil }
}

extension ScheduleScreen.Effect {
    /// True when performing the effect may write to the store (an audit row counts): the loop
    /// then absorbs the change token it moved, so its own write does not reload the screen twice.
    /// Exhaustive on purpose: a new effect must say whether it writes.
    public var writes: Bool {
        switch self {
        case .loadCounselors, .loadAgenda: false
        case .setStatus, .correctStatus, .saveNote, .noteOpened: true
        }
    }
}
