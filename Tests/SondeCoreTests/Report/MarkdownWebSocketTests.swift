import Foundation
import Testing
@testable import SondeCore

/// The WebSocket lines of the Markdown report say what the seed reports say: how long the
/// connection took (TCP, TLS, upgrade), and the message round trip apart from it.
@Suite struct MarkdownWebSocketTests {
    @Test func connectedInIsTheSetupAndTheRoundTripIsApart() {
        let ws = ReportSamples.ws
        let phases = [PhaseTiming("connect", .milliseconds(120)), PhaseTiming("tls", .milliseconds(300)),
                      PhaseTiming("handshake", .milliseconds(358)), PhaseTiming("round_trip", .milliseconds(42))]
        let result = ProbeResult(
            target: ws.name, kind: .websocket, status: .up,
            outcome: ProbeOutcome(latency: .milliseconds(42), phases: phases, message: #"{"type":"pong"}"#),
            latencyTarget: ws.latencyTarget, startedAt: ReportSamples.started, sequence: 1
        )
        let report = Report(environment: "staging", started: ReportSamples.started, finished: ReportSamples.started,
                            rounds: 1, targets: [ws], results: [result])
        let text = MarkdownReport.render(report, redactor: Redactor(secrets: []))
        #expect(text.contains("✅ Connection: wss://api.staging.example/ws → Connected in 778ms, message round trip 42ms"), "\(text)")
    }
}
