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

    /// The log is the window's history: each sample is held once, the window reading its newest.
    @Test func theWindowIsTheNewestOfTheLog() {
        var stats = TargetStats(name: "backend", windowSize: 3, logSize: 5)
        for seq in 1...8 { stats.record(result(seq == 7 ? .down : .up, ms: seq * 10, seq: seq)) }
        #expect(stats.log.map(\.latencyMs) == [40, 50, 60, 70, 80])
        #expect(stats.window.samples.map(\.latencyMs) == [60, 70, 80])
        #expect(stats.window.count == 3)
        #expect(stats.window.recentLatencies == [60, nil, 80])
        #expect(stats.window.p50 == 60 || stats.window.p50 == 80)
        #expect(stats.window.successRate == 2.0 / 3)
    }

    @Test func aSpanLetsSamplesLeaveTheWindowButNotTheLog() {
        var stats = TargetStats(name: "backend", windowSize: 10, span: 2.5, logSize: 10)
        for seq in 1...6 { stats.record(result(.up, ms: seq, seq: seq)) }
        #expect(stats.window.samples.map(\.latencyMs) == [4, 5, 6])
        #expect(stats.window.successRate == 1)
        #expect(stats.log.count == 6)
    }

    @Test func aLogShorterThanTheWindowKeepsItsOwnLength() {
        var stats = TargetStats(name: "backend", windowSize: 10, logSize: 2)
        for seq in 1...6 { stats.record(result(.up, ms: seq, seq: seq)) }
        #expect(stats.log.map(\.latencyMs) == [5, 6])
        #expect(stats.window.count == 6)
        #expect(abs((stats.window.p50 ?? 0) - 3.5) <= 0.5)
    }

    @Test func aRingIsReadBackFromItsNewest() {
        var ring = RingBuffer<Int>(capacity: 3)
        for value in 1...5 { ring.append(value) }
        let newest: [Int] = [ring[newest: 0], ring[newest: 1], ring[newest: 2]]
        #expect(newest == [5, 4, 3])
        var short = RingBuffer<Int>(capacity: 3)
        short.append(1)
        short.append(2)
        let newestOfTwo: [Int] = [short[newest: 0], short[newest: 1]]
        #expect(newestOfTwo == [2, 1])
    }
}
