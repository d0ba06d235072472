import Foundation

/// What a probe found, before the engine judges it against the target's latency goal.
///
/// The fields every kind of result fills are held inline; the ones most results leave empty
/// (see `ProbeOutcome.Extras`) sit behind one reference that is nil when all are empty: a fleet's
/// store keeps whole results per target, and those fields were ~90 of each result's 288 bytes.
public struct ProbeOutcome: Sendable, Equatable {
    /// The latency that counts against the target (HTTP total, WebSocket round-trip, query time...).
    public var latency: Duration?
    public var phases: [PhaseTiming]
    public var failure: FailureReason?
    /// HTTP status of the response, or of a rejected WebSocket upgrade.
    public var statusCode: Int?
    /// A short, already-redacted sample of what came back (a WebSocket greeting, a body prefix).
    public var message: String?
    /// The trace the request's `traceparent` named, so a backend trace can be found from the result.
    public var traceID: TraceID?
    /// The HTTP version the response came in (`HTTP/2` when ALPN agreed h2, `HTTP/1.1`).
    public var httpVersion: String?
    /// Nil when every field of `Extras` is empty (kept so, for equality).
    private var extras: SharedValue<Extras>?

    public var reported: [ReportedMetric] {
        get { extras?.value.reported ?? [] }
        set { updateExtras { $0.reported = newValue } }
    }

    /// Answered, but something a person should look at soon (a plugin's WARNING, a certificate
    /// close to expiry, lost echoes): the result is `slow` and this is its reason.
    public var warning: FailureReason? {
        get { extras?.value.warning }
        set { updateExtras { $0.warning = newValue } }
    }

    public var certificateDaysLeft: Int? {
        get { extras?.value.certificateDaysLeft }
        set { updateExtras { $0.certificateDaysLeft = newValue } }
    }

    /// The peer's leaf certificate, for `expect.cert_days` and the detail view.
    public var certificate: CertificateFacts? {
        get { extras?.value.certificate }
        set { updateExtras { $0.certificate = newValue } }
    }

    /// Values a journey step can capture (JSON paths and headers resolved against the response).
    public var captures: [String: String] {
        get { extras?.value.captures ?? [:] }
        set { updateExtras { $0.captures = newValue } }
    }

    /// Version string seen in the response, for deploy detection.
    public var version: String? {
        get { extras?.value.version }
        set { updateExtras { $0.version = newValue } }
    }

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
        self.failure = failure
        self.statusCode = statusCode
        self.message = message
        let extras = Extras(
            reported: reported, warning: warning, certificateDaysLeft: certificateDaysLeft, certificate: certificate,
            captures: captures, version: version
        )
        self.extras = extras.isEmpty ? nil : SharedValue(extras)
    }

    private mutating func updateExtras(_ change: (inout Extras) -> Void) {
        var shared = extras ?? SharedValue(Extras())
        // Let go of ours first, so a value no snapshot shares is changed in place.
        extras = nil
        shared.update(change)
        extras = shared.value.isEmpty ? nil : shared
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
