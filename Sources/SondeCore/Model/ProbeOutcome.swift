import Foundation

/// What a probe found, before the engine judges it against the target's latency goal.
public struct ProbeOutcome: Sendable, Equatable {
    /// The latency that counts against the target (HTTP total, WebSocket round-trip, query time...).
    public var latency: Duration?
    public var phases: [PhaseTiming]
    public var reported: [ReportedMetric]
    public var failure: FailureReason?
    /// Answered, but something a person should look at soon (a plugin's WARNING, a certificate
    /// close to expiry, lost echoes): the result is `slow` and this is its reason.
    public var warning: FailureReason?
    /// HTTP status of the response, or of a rejected WebSocket upgrade.
    public var statusCode: Int?
    /// A short, already-redacted sample of what came back (a WebSocket greeting, a body prefix).
    public var message: String?
    public var certificateDaysLeft: Int?
    /// The peer's leaf certificate, for `expect.cert_days` and the detail view.
    public var certificate: CertificateFacts?
    /// Values a journey step can capture (JSON paths and headers resolved against the response).
    public var captures: [String: String]
    /// Version string seen in the response, for deploy detection.
    public var version: String?
    /// The trace the request's `traceparent` named, so a backend trace can be found from the result.
    public var traceID: TraceID?
    /// The HTTP version the response came in (`HTTP/2` when ALPN agreed h2, `HTTP/1.1`).
    public var httpVersion: String?

    public init(
        latency: Duration? = nil,
        phases: [PhaseTiming] = [],
        reported: [ReportedMetric] = [],
        failure: FailureReason? = nil,
        statusCode: Int? = nil,
        message: String? = nil,
        certificateDaysLeft: Int? = nil,
        captures: [String: String] = [:],
        version: String? = nil,
        warning: FailureReason? = nil,
        certificate: CertificateFacts? = nil
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
        self.warning = warning
        self.certificate = certificate
    }

    public static func failed(_ reason: FailureReason, phases: [PhaseTiming] = [], statusCode: Int? = nil) -> ProbeOutcome {
        ProbeOutcome(phases: phases, failure: reason, statusCode: statusCode)
    }

    /// The TLS peer's leaf certificate and the whole days it has left, set together by every
    /// TLS kind (the days show in the row and JSON; `expect.cert_days` judges the certificate).
    public mutating func record(certificate: CertificateFacts?, now: Date = Date()) {
        guard let certificate else { return }
        self.certificate = certificate
        certificateDaysLeft = certificate.daysLeft(now: now)
    }

    public func phase(_ name: String) -> Duration? {
        phases.first { $0.name == name }?.duration
    }
}

/// What a TLS peer's leaf certificate says about itself, as far as a person needs it.
public struct CertificateFacts: Sendable, Equatable {
    /// The subject's common name (or its whole subject when it has none).
    public var subject: String
    public var notAfter: Date

    public init(subject: String, notAfter: Date) {
        self.subject = subject
        self.notAfter = notAfter
    }

    /// Whole days until expiry, negative once expired.
    public func daysLeft(now: Date) -> Int {
        Int((notAfter.timeIntervalSince(now) / 86_400).rounded(.down))
    }
}
