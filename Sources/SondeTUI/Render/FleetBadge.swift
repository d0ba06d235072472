import Foundation
import SondeCore

/// The header's word on the Prometheus a fleet dashboard reads: where from, and when it stopped
/// answering, so stale data is never taken for live.
enum FleetBadge {
    static func spans(_ health: FleetHealth, state: DashboardState) -> [Span] {
        let bar = Style(.headerText, on: .headerBackground)
        guard let problem = health.problem else { return [Span("  via Prometheus \(health.source)", bar)] }
        let alarm = Style(.down, on: .headerBackground, bold: true)
        guard let last = health.lastRead else {
            return [Span("  " + state.glyphs.down + " Prometheus \(health.source) not answering: \(problem)", alarm)]
        }
        let since = TimeText.time(last, zone: state.timeZone)
        // STALE first: on a narrow terminal the end of the header gives way to the clock.
        return [Span("  " + state.glyphs.down + " STALE since \(since): Prometheus \(health.source) not answering", alarm)]
    }
}
