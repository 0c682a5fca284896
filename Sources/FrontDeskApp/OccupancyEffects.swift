import Foundation
import FrontDeskDomain
import FrontDeskUI

/// Performs the occupancy screen's effect: the figures of a week or a month.
public struct OccupancyEffects: Sendable {
    public let context: EffectContext

    public init(_ context: EffectContext) { self.context = context }

    /// Performs one effect for whoever is signed in; the result comes back as the screen's
    /// event (nil for none). Nothing is read while signed out. Failures arrive as a message
    /// (`FailureMessages.text`).
    public func perform(_ effect: OccupancyScreen.Effect, for session: Session) -> OccupancyScreen.Event? {
        switch effect {
        case .load(let request):
            do {
                _ = try session.requireViewer()
                let settings = try context.store.centerSettings()
                let period = request.span == .week ? ReportingPeriod.week(containing: request.anchor, settings: settings)
                    : ReportingPeriod.month(containing: request.anchor)
                return .loaded(request, try context.store.occupancy(period, now: context.clock.now()))
            } catch {
                return .failed(context.failures.text(error))
            }
        }
    }
}
