import NIOCore
import SondeCore

/// `tcp: host:port`: can a connection be opened, and how long does it take.
public struct TCPProbe: Probe {
    public let spec: TCPSpec

    public init(spec: TCPSpec) {
        self.spec = spec
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        switch await StreamConnector.connect(host: spec.host, port: spec.port, deadline: deadline) {
        case .failure(let reason):
            return .failed(reason)
        case .success(let connected):
            // Not waited for: the probe is over once the connection is open.
            connected.channel.close(promise: nil)
            return ProbeOutcome(latency: connected.connectTime, phases: connected.phases)
        }
    }
}
