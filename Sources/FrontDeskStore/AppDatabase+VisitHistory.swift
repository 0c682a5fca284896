import Foundation
import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Records past walk-ins in bulk (a history import; the demo's past days): each visit gets
    /// the next ticket number of its center-local day and category, in arrival order, with its
    /// call and outcome as planned. Batches of `batchSize` share one IMMEDIATE transaction and
    /// one `visit.checked_in` audit event. The queue's one-open-visit rule still holds (an open
    /// visit of a visitor who already has one fails the batch).
    /// - Parameter visitorIds: the ids of the visitors the plan's `visitorIndex` points into.
    /// - Returns: how many visits were stored.
    @discardableResult
    public func recordWalkIns(_ plan: [WalkInRecord], visitorIds: [Int64], by actor: Actor, at now: Date,
                              batchSize: Int = 20_000) throws -> Int {
        let sorted = plan.filter { visitorIds.indices.contains($0.visitorIndex) }.sorted { $0.arrivedAt < $1.arrivedAt }
        var next: [String: Int] = [:]
        var start = 0
        while start < sorted.count {
            let batch = sorted[start..<min(sorted.count, start + max(1, batchSize))]
            start += batch.count
            try writer.write { db in
                let insert = try db.makeStatement(sql: """
                    INSERT INTO visit (visitor_id, category, day, ticket_number, arrived_at, called_at, called_by, left_at, outcome)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for w in batch {
                    let day = calendar.localDate(of: w.arrivedAt).description
                    let key = day + w.category.rawValue
                    let number: Int
                    if let n = next[key] {
                        number = n
                    } else {
                        number = (try Int.fetchOne(db, sql: "SELECT MAX(ticket_number) FROM visit WHERE day = ? AND category = ?",
                                                   arguments: [day, w.category.rawValue]) ?? 0) + 1
                    }
                    next[key] = number + 1
                    try insert.execute(arguments: [visitorIds[w.visitorIndex], w.category.rawValue, day, number,
                                                   w.arrivedAt.epochMilliseconds, w.calledAt?.epochMilliseconds, w.calledBy,
                                                   w.leftAt?.epochMilliseconds, w.outcome?.rawValue])
                }
                try Self.audit(db, .visitCheckedIn, entity: "visit", entityId: nil, detail: "\(batch.count) visits of history recorded",
                               by: actor, at: now.storedPrecision)
            }
        }
        return sorted.count
    }
}
