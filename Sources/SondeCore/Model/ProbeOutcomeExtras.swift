extension ProbeOutcome {
    /// The fields of an outcome that most results leave empty: figures a service reports, a
    /// warning, certificate facts (TLS only), journey captures and a deploy version. A plain
    /// HTTP, TCP or database result has none of them, and then holds no `Extras` at all.
    struct Extras: Sendable, Equatable {
        var reported: [ReportedMetric] = []
        var warning: FailureReason?
        var certificateDaysLeft: Int?
        var certificate: CertificateFacts?
        var captures: [String: String] = [:]
        var version: String?

        var isEmpty: Bool { self == Extras() }
    }
}
