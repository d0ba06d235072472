import Foundation
import Testing
@testable import SondeCore

@Suite("Rolling windows and state changes")
struct TargetStatsTests {
    private func result(_ status: Status, ms: Int?, code: Int? = 200, seq: Int) -> ProbeResult {
        var outcome = ProbeOutcome(latency: ms.map { .milliseconds($0) })
        outcome.statusCode = code
        if status == .down { outcome.failure = FailureReason(.httpStatus, "HTTP \(code ?? 0)") }
        return ProbeResult(target: "backend", kind: .http, status: status, outcome: outcome, latencyTarget: nil,
                           startedAt: Date(timeIntervalSince1970: Double(seq)), sequence: seq)
    }

    @Test func percentilesAndSuccessRateOverTheWindow() {
        var window = LatencyWindow(capacity: 100)
        for ms in 1...100 { window.record(status: .up, latencyMs: Double(ms)) }
        #expect(abs((window.p50 ?? 0) - 50) <= 1)
        #expect(abs((window.p95 ?? 0) - 95) <= 1)
        #expect(abs((window.p99 ?? 0) - 99) <= 1)
        #expect(window.successRate == 1)
        for _ in 1...25 { window.record(status: .down, latencyMs: nil) }
        #expect(window.samples.count == 100)
        #expect(window.successRate == 0.75)
    }

    @Test func aChangeOfStatusIsAnEventWithCodes() {
        var stats = TargetStats(name: "backend")
        #expect(stats.record(result(.up, ms: 10, seq: 1)) == nil)
        #expect(stats.record(result(.up, ms: 12, seq: 2)) == nil)
        let change = stats.record(result(.down, ms: 5, code: 503, seq: 3))
        #expect(change?.summary == "200 -> 503")
        #expect(change?.toStatus == .down)
    }
}
