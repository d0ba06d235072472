import Foundation
import SondeCore

/// Results and configs the exposition tests share.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    static func config(_ yaml: String, environment: [String: String] = [:]) throws -> SondeConfig {
        try ConfigLoader.parse(yaml, file: "sonde.yml", environment: environment)
    }

    static func result(
        _ target: String, kind: TargetKind = .http, status: Status = .up, latencyMs: Int64? = 12,
        phases: [(String, Int64)] = [("dns", 1), ("connect", 2), ("tls", 3), ("first_byte", 8), ("transfer", 1), ("total", 12)],
        statusCode: Int? = 200, reported: [ReportedMetric] = [], failure: FailureReason? = nil, sequence: Int = 1
    ) -> ProbeResult {
        var outcome = ProbeOutcome(
            latency: latencyMs.map { .milliseconds($0) }, phases: phases.map { PhaseTiming($0.0, .milliseconds($0.1)) },
            reported: reported, failure: failure, statusCode: statusCode
        )
        if kind == .http { outcome.certificate = CertificateFacts(subject: "127.0.0.1", notAfter: Date(timeIntervalSince1970: 1_800_000_000)) }
        return ProbeResult(target: target, kind: kind, status: status, outcome: outcome, latencyTarget: nil,
                           startedAt: start.addingTimeInterval(Double(sequence)), sequence: sequence)
    }

    /// A config with one target of most kinds, a journey and a suite-free store full of figures.
    static let fleetYAML = """
        environment: staging
        location: eu-west
        targets:
          - name: backend
            http: http://127.0.0.1:1/health
            report: { postgres: $.checks.postgres }
          - name: chat
            websocket: ws://127.0.0.1:1/ws
          - name: db
            postgres: postgres://sonde:hunter2-secret@127.0.0.1:1/app
          - name: cache
            tcp: 127.0.0.1:1
        journeys:
          - name: golden
            steps: [backend, chat]
        """

    static func fleetStore() throws -> (SondeConfig, Observations) {
        let config = try config(fleetYAML)
        var observed = Observations()
        for round in 1...3 {
            observed.record(.result(result("backend", latencyMs: Int64(10 * round), reported: [ReportedMetric(name: "postgres", value: 101.5)], sequence: round)))
            observed.record(.result(result("chat", kind: .websocket, phases: [("connect", 1), ("handshake", 2), ("round_trip", 3)], statusCode: nil, sequence: round)))
            observed.record(.result(result("db", kind: .postgres, status: .down, latencyMs: nil, phases: [("connect", 1)], statusCode: nil,
                                           failure: FailureReason(.auth, "password authentication failed for user sonde"), sequence: round)))
            observed.record(.result(result("cache", kind: .tcp, latencyMs: 900, phases: [("connect", 900)], statusCode: nil, sequence: round)))
        }
        let steps = [
            JourneyResult.StepResult(name: "backend", result: result("backend")),
            JourneyResult.StepResult(name: "chat", result: nil),
        ]
        observed.record(.journey(JourneyResult(name: "golden", steps: steps, startedAt: start, sequence: 1)))
        observed.place(DeployMarker(name: "v2 \"quoted\"", at: start, source: .manual))
        return (config, observed)
    }
}
