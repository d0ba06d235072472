import SondeCore

/// Moments of one Health/Check call on the monotonic clock, filled in as it goes: each phase
/// lasts from the previous moment to its own, as blackbox_exporter reports phases.
struct GRPCTimeline: Sendable {
    let start: ContinuousClock.Instant
    var resolved: ContinuousClock.Instant?
    var connected: ContinuousClock.Instant?
    var tlsDone: ContinuousClock.Instant?
    /// The server's first SETTINGS frame arrived; the request is written then.
    var settings: ContinuousClock.Instant?
    /// The response stream ended (trailers, or a trailers-only answer).
    var end: ContinuousClock.Instant?

    init(start: ContinuousClock.Instant) {
        self.start = start
    }

    var phases: [PhaseTiming] {
        let moments: [(String, ContinuousClock.Instant?)] = [
            (PhaseTiming.dns, resolved), (PhaseTiming.connect, connected), (PhaseTiming.tls, tlsDone),
            (PhaseTiming.http2Settings, settings), (PhaseTiming.response, end),
        ]
        var out: [PhaseTiming] = []
        var previous = start
        for case let (name, moment?) in moments {
            out.append(PhaseTiming(name, moment - previous))
            previous = moment
        }
        if let end { out.append(PhaseTiming(PhaseTiming.total, end - start)) }
        return out
    }

    /// The phase under way, for a timeout's reason.
    func phaseInProgress(tls: Bool) -> String {
        if connected == nil { return "connect" }
        if tls && tlsDone == nil { return "TLS handshake" }
        if settings == nil { return "HTTP/2 settings (no SETTINGS frame from the server)" }
        return "the Health/Check response"
    }
}
