import Foundation
import NIOCore
import SondeCore

/// `icmp: host`: echo requests as ping sends them; the mean round trip is the latency, loss is
/// reported, and every echo lost is `down`. Loss over `expect.loss` (default: any) is `slow`.
public struct ICMPProbe: Probe {
    public let spec: ICMPSpec

    public init(spec: ICMPSpec) {
        self.spec = spec
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        let start = ContinuousClock.now
        let address: SocketAddress
        switch await HostResolver.system.resolve(host: spec.host, port: 0, deadline: deadline, budget: deadline - start) {
        case .success(let a): address = a
        case .failure(let reason): return .failed(reason)
        }
        let lookup = spec.host.isIPAddress ? [] : [PhaseTiming(PhaseTiming.dns, ContinuousClock.now - start)]
        let session = ICMPEchoSession(address: address, count: spec.count, spacing: spec.spacing, deadline: deadline)
        let answer = FirstValue<Result<ICMPEchoSession.Summary, FailureReason>>()
        let thread = Thread { answer.offer(session.run()) }
        thread.name = "sonde-icmp"
        thread.start()
        switch await answer.value() {
        case .failure(let reason):
            return .failed(reason, phases: lookup)
        case .success(let summary):
            return Self.outcome(summary, spec: spec, address: address.ipAddress ?? spec.host, budget: deadline - start, lookup: lookup)
        }
    }

    static func outcome(_ summary: ICMPEchoSession.Summary, spec: ICMPSpec, address: String, budget: Duration, lookup: [PhaseTiming]) -> ProbeOutcome {
        let replies = summary.roundTrips
        let loss = summary.lossPercent
        let lossText = String(format: "%.0f%%", loss)
        guard !replies.isEmpty else {
            return .failed(FailureReason(.timeout, "no echo reply from \(address) to \(summary.sent) request\(summary.sent == 1 ? "" : "s") within \(budget.humanReadable) (100% loss)"), phases: lookup)
        }
        let mean = replies.reduce(Duration.zero, +) / replies.count
        let minimum = replies.min() ?? mean, maximum = replies.max() ?? mean
        let phases = lookup + [PhaseTiming("rtt_min", minimum), PhaseTiming("rtt_avg", mean), PhaseTiming("rtt_max", maximum)]
        let message = "\(replies.count)/\(summary.sent) replies from \(address), \(lossText) loss, rtt min/avg/max "
            + "\(minimum.humanReadable)/\(mean.humanReadable)/\(maximum.humanReadable) (\(summary.mode.rawValue) socket)"
        var outcome = ProbeOutcome(latency: mean, phases: phases, reported: [ReportedMetric(name: "loss", value: loss, unit: "%")], message: message)
        if loss > spec.maxLossPercent {
            outcome.warning = FailureReason(.timeout, "\(lossText) loss: \(replies.count) of \(summary.sent) echoes answered by \(address)")
        }
        return outcome
    }
}
