import Foundation

extension QueueEntry {
    /// The order of the walk-in queue wherever it is shown (the reception's queue pane, the
    /// kiosk's ticket board): open visits only; called tickets first, the latest call first
    /// (being seen now), then waiting tickets in arrival order. Ties keep the ticket's id order,
    /// so two terminals list the same rows alike.
    public static func queueOrder(_ entries: [QueueEntry]) -> [QueueEntry] {
        let open = entries.filter(\.visit.isOpen)
        let called = open.filter { $0.visit.calledAt != nil }
            .sorted { ($1.visit.calledAt ?? .distantPast, $0.id) < ($0.visit.calledAt ?? .distantPast, $1.id) }
        let waiting = open.filter { $0.visit.calledAt == nil }
            .sorted { ($0.visit.arrivedAt, $0.id) < ($1.visit.arrivedAt, $1.id) }
        return called + waiting
    }
}
