import Foundation

/// What a probe found, before the engine judges it against the target's latency goal.
public struct ProbeOutcome: Sendable, Equatable {
    /// The latency that counts against the target (HTTP total, WebSocket round-trip, query time...).
    public var latency: Duration?
    public var phases: [PhaseTiming]
    public var reported: [ReportedMetric]
    public var failure: FailureReason?
    /// HTTP status of the response, or of a rejected WebSocket upgrade.
    public var statusCode: Int?
    /// A short, already-redacted sample of what came back (a WebSocket greeting, a body prefix).
    public var message: String?
    public var certificateDaysLeft: Int?
    /// When the peer's certificate expires (`probe_ssl_earliest_cert_expiry`), for TLS probes.
    public var certificateNotAfter: Date?
    /// Values a journey step can capture (JSON paths and headers resolved against the response).
    public var captures: [String: String]
    /// Version string seen in the response, for deploy detection.
    public var version: String?

    public init(
        latency: Duration? = nil,
        phases: [PhaseTiming] = [],
        reported: [ReportedMetric] = [],
        failure: FailureReason? = nil,
        statusCode: Int? = nil,
        message: String? = nil,
        certificateDaysLeft: Int? = nil,
        captures: [String: String] = [:],
        version: String? = nil
    ) {
        self.latency = latency
        self.phases = phases
        self.reported = reported
        self.failure = failure
        self.statusCode = statusCode
        self.message = message
        self.certificateDaysLeft = certificateDaysLeft
        self.captures = captures
        self.version = version
    }

    public static func failed(_ reason: FailureReason, phases: [PhaseTiming] = [], statusCode: Int? = nil) -> ProbeOutcome {
        ProbeOutcome(phases: phases, failure: reason, statusCode: statusCode)
    }

    public func phase(_ name: String) -> Duration? {
        phases.first { $0.name == name }?.duration
    }
}
