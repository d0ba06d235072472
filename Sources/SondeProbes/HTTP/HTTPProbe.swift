import SondeCore

/// HTTP(S) probe (being written).
public struct HTTPProbe: Probe {
    public let spec: HTTPSpec
    public let timeout: Duration

    public init(spec: HTTPSpec, timeout: Duration) {
        self.spec = spec
        self.timeout = timeout
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        .failed(FailureReason(.other, "http probe not written yet"))
    }
}
