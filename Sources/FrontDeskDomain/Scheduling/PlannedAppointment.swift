import Foundation

/// An appointment to record in bulk with what became of it (a history import; the demo's past
/// and coming weeks), each still checked by the store's booking rules
/// (`AppDatabase.recordAppointments(_:by:at:batchSize:)`).
public struct PlannedAppointment: Hashable, Sendable {
    public var appointment: NewAppointment
    /// What became of it (past ones completed, no-show or cancelled; future ones booked).
    public var status: AppointmentStatus
    /// Why it was cancelled, when `status` is `.cancelled`.
    public var cancelReason: String?

    /// A record with the given fields.
    public init(appointment: NewAppointment, status: AppointmentStatus, cancelReason: String? = nil) {
        self.appointment = appointment
        self.status = status
        self.cancelReason = cancelReason
    }
}
