import Foundation
import SondeAlerts
import SondeCore
import SondeSession
import Testing

/// The session judging real results and the channels delivering them to a real receiver.
@Suite("A session's alerts reach their channels once per change")
struct SessionAlertTests {
    static func result(_ status: Status, at second: Int) -> ProbeResult {
        let outcome = status == .down
            ? ProbeOutcome.failed(FailureReason(.httpStatus, "HTTP 503 (expected 2xx)"), statusCode: 503)
            : ProbeOutcome(latency: .milliseconds(12), statusCode: 200)
        return ProbeResult(target: "backend", kind: .http, status: status, outcome: outcome, latencyTarget: nil,
                           startedAt: Fixtures.t0.addingTimeInterval(TimeInterval(second)), sequence: second + 1)
    }

    @Test("Down then recovered: one firing and one resolved on each of two channels; flapping under for: 2 sends none")
    func oncePerChannel() async throws {
        let first = try await WebhookReceiver.start(), second = try await WebhookReceiver.start()
        defer { first.stop(); second.stop() }
        let config = try Fixtures.config("""
        alerts:
          group_wait: 0s
          channels:
            one: { webhook: "\(first.url)/one" }
            two: { webhook: "\(second.url)/two", format: slack }
          rules: [{ name: down, when: down, for: 2, recover: 2, notify: [one, two] }]
        """)
        let statuses: [Status] = [.up, .down, .up, .down, .up, .down, .down, .down, .up, .up, .up]
        let (_, _) = try await Session.run(SessionSetup(config: config, recorder: nil, probing: .withoutProbes)) { session in
            guard let alerts = AlertsRun.start(config, store: session.store, terminal: nil, attach: session.attach) else { return }
            for (second, status) in statuses.enumerated() { session.record(.result(Self.result(status, at: second))) }
            await alerts.stop()
            let events = session.store.snapshot().events.compactMap { if case .alert(let notice) = $0 { notice } else { nil } }
            #expect(events.map(\.state) == [.resolved, .firing], "the event log, newest first")
            #expect(session.store.snapshot().failingChannels.isEmpty, "\(session.store.snapshot().failingChannels)")
        }
        #expect(first.requests.map { $0.json?["status"] as? String } == ["firing", "resolved"])
        #expect(second.requests.count == 2)
        #expect(second.requests.first?.json?["text"] as? String == ":red_circle: [staging] down firing: backend (HTTP 503 (expected 2xx))")
    }
}
