import Foundation
import NIOCore
import NIOSSL
import SondeCore

/// `grpc: host:port`: the grpc.health.v1 Health/Check call on a fresh connection (what a new
/// client, or a Kubernetes probe, sees), on HTTP/2 frames of Sonde's own so that connect, TLS,
/// the server's HTTP/2 settings and the response are timed apart. Up when SERVING.
public struct GRPCProbe: Probe {
    public let spec: GRPCSpec
    private let tls: Result<NIOSSLContext, FailureReason>?

    public init(spec: GRPCSpec) {
        self.spec = spec
        // Made once: loading the trust store per probe would dominate loopback timings.
        tls = spec.tls ? ClientTLSContext.make(insecure: spec.insecure, caFile: spec.caFile, clientCertificate: spec.client.clientCertificate,
                                               applicationProtocols: ["h2"]) : nil
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        let clock = ProbeClock(deadline: deadline)
        var timeline = GRPCTimeline(start: clock.start)
        var context: NIOSSLContext?
        switch tls {
        case .success(let made): context = made
        case .failure(let reason): return .failed(reason)
        case nil: break
        }
        let route: ClientRoute
        switch await ClientRoute.find(host: spec.host, port: spec.port, secure: spec.tls, options: spec.client, clock: clock) {
        case .success(let found): route = found
        case .failure(let reason): return .failed(reason)
        }
        // An IP literal is parsed, not looked up: no dns phase, as the stream probes do.
        if !spec.host.isIPAddress { timeline.resolved = .now }
        switch await GRPCCall.perform(.init(address: route.address, spec: spec, tls: context, tunnel: route.proxy), timeline: timeline, clock: clock) {
        case .failure(let failure):
            return .failed(route.explain(failure.reason), phases: failure.timeline.phases)
        case .success(let answer):
            let verdict = HealthVerdict.judge(answer, spec: spec)
            var outcome = ProbeOutcome(
                latency: answer.timeline.phases.first { $0.name == PhaseTiming.total }?.duration,
                phases: answer.timeline.phases, failure: verdict.failure, message: verdict.message
            )
            outcome.record(certificate: answer.certificate)
            return outcome
        }
    }
}
