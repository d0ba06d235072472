import SondeCore

/// A failed exchange with the phases it completed before failing, so a timeout or an early close
/// still shows where the time went (dns, connect, tls, first_byte).
struct HTTPExchangeFailure: Error, Sendable {
    var reason: FailureReason
    var phases: [PhaseTiming]

    init(_ reason: FailureReason, timeline: ExchangeTimeline) {
        self.reason = reason
        phases = timeline.phases
    }
}
