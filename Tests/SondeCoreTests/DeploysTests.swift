import Foundation
import Testing
@testable import SondeCore

/// Results at whole seconds from a fixed epoch, so windows are exact.
private func result(_ target: String, at second: Int, status: Status = .up, ms: Double? = 10, version: String? = nil, reason: String? = nil) -> ProbeResult {
    var outcome = ProbeOutcome(latency: ms.map { Duration.milliseconds($0) }, version: version)
    if status == .down { outcome = ProbeOutcome(failure: FailureReason(.httpStatus, reason ?? "HTTP 503"), statusCode: 503, version: version) }
    return ProbeResult(
        target: target, kind: .http, status: status, outcome: outcome, latencyTarget: nil,
        startedAt: Date(timeIntervalSince1970: 1_000_000 + Double(second)), sequence: second
    )
}

private let markerAt = Date(timeIntervalSince1970: 1_000_000 + 100)
private let marker = DeployMarker(name: "v2", at: markerAt, source: .flag)

@Suite struct DeployDetectorTests {
    @Test func firstVersionIsABaselineAndAChangeIsADeploy() {
        var detector = DeployDetector()
        #expect(detector.observe(result("api", at: 1, version: "1.0")) == nil)
        #expect(detector.observe(result("api", at: 2, version: "1.0")) == nil)
        #expect(detector.observe(result("api", at: 3, status: .down)) == nil)
        let marker = detector.observe(result("api", at: 4, version: "1.1"))
        #expect(marker?.source == .detected)
        #expect(marker?.target == "api")
        #expect(marker?.fromVersion == "1.0")
        #expect(marker?.toVersion == "1.1")
        #expect(marker?.at == Date(timeIntervalSince1970: 1_000_004))
    }

    @Test func versionsSeededFromHistoryDetectADeployAcrossARestart() {
        var detector = DeployDetector(known: ["api": "1.0"])
        #expect(detector.observe(result("api", at: 1, version: "1.1"))?.summary == "deploy 1.1 (api 1.0 -> 1.1)")
    }
}

@Suite struct RegressionRuleTests {
    @Test func steadyLatencyIsNotARegression() {
        let before = (0..<20).map { result("api", at: 80 + $0, ms: 20) }
        let after = (0..<20).map { result("api", at: 100 + $0, ms: 22) }
        let comparison = DeployComparison(marker: marker, results: before + after)
        #expect(comparison.rows.map(\.verdict) == [.ok])
    }

    @Test func p95AboveTheLimitIsARegression() {
        let before = (0..<20).map { result("api", at: 80 + $0, ms: 20) }
        let after = (0..<20).map { result("api", at: 100 + $0, ms: 200) }
        let row = DeployComparison(marker: marker, results: before + after).rows[0]
        guard case .regressed(let findings) = row.verdict, case .latency(_, let p95After, let limit) = findings.first else {
            Issue.record("expected a latency regression, got \(row.verdict)")
            return
        }
        // limit = max(1.5 * 20, 20 + 50) = 70 ms: the margin dominates for a fast service.
        #expect(abs(limit - 70) < 0.5)
        #expect(abs(p95After - 200) < 1)
    }

    @Test func smallAbsoluteChangeOfAFastServiceIsNot() {
        let before = (0..<20).map { result("api", at: 80 + $0, ms: 3) }
        let after = (0..<20).map { result("api", at: 100 + $0, ms: 9) }
        #expect(DeployComparison(marker: marker, results: before + after).regressions.isEmpty)
    }

    @Test func errorRateUpMoreThanFivePointsIsARegression() {
        let before = (0..<20).map { result("api", at: 80 + $0) }
        let after = (0..<20).map { result("api", at: 100 + $0, status: $0 % 5 == 0 ? .down : .up) }
        let row = DeployComparison(marker: marker, results: before + after).rows[0]
        #expect(row.after.errorRate == 20)
        #expect(row.verdict == .regressed([.errors(before: 0, after: 20)]))
    }

    @Test func tooFewSamplesCannotBeJudged() {
        let results = [result("api", at: 99), result("api", at: 100, status: .down)]
        let comparison = DeployComparison(marker: marker, results: results)
        #expect(comparison.isUndecided)
        #expect(DeployGate(criterion: .regression).decide(comparison, results: results).exitCode == 3)
    }

    @Test func baselineAndWindowBoundWhatCounts() {
        let old = (0..<20).map { result("api", at: $0, status: .down) }
        let before = (0..<10).map { result("api", at: 90 + $0) }
        let after = (0..<10).map { result("api", at: 100 + $0) }
        let late = (0..<10).map { result("api", at: 200 + $0, status: .down) }
        let row = DeployComparison(marker: marker, results: old + before + after + late, baseline: .seconds(10), window: .seconds(10)).rows[0]
        #expect(row.before.count == 10)
        #expect(row.after.count == 10)
        #expect(row.verdict == .ok)
    }
}

@Suite struct DeployGateTests {
    @Test func oneBlipIsNotDownButTwoInARowAre() {
        let blip = [result("api", at: 100), result("api", at: 101, status: .down), result("api", at: 102)]
        let comparison = DeployComparison(marker: marker, results: blip)
        #expect(DeployGate(criterion: .down).decide(comparison, results: blip) == .passed)
        let run = blip + [result("api", at: 103, status: .down), result("api", at: 104, status: .down), result("api", at: 105)]
        #expect(DeployGate(criterion: .down).decide(comparison, results: run).exitCode == 1)
    }

    @Test func downAtTheEndFails() {
        let results = [result("api", at: 100), result("api", at: 101, status: .down, reason: "refused")]
        let outcome = DeployGate(criterion: .down).decide(DeployComparison(marker: marker, results: results), results: results)
        #expect(outcome == .failed(["api: down at the end of the watch (refused)"]))
    }
}

/// A detector and the one target's track it judges, as the store keeps them (the track in the
/// target's stats).
private struct Flaps {
    var detector: IntermittencyDetector
    var track: FlapTrack

    init(failures: Int, window: Int) {
        detector = IntermittencyDetector(failures: failures, window: window)
        track = FlapTrack(window: window)
    }

    mutating func record(_ result: ProbeResult) -> IntermittencyDetector.Change? {
        track.add(result)
        return detector.judge(track, target: result.target)
    }
}

@Suite struct IntermittencyTests {
    @Test func kOfNFailuresWithAnswersBetweenIsIntermittent() {
        var detector = Flaps(failures: 2, window: 5)
        var changes: [IntermittencyDetector.Change] = []
        let statuses: [Status] = [.up, .down, .up, .up, .down, .up, .up, .up, .up, .up]
        for (i, status) in statuses.enumerated() {
            if let change = detector.record(result("api", at: i, status: status, reason: "timeout")) { changes.append(change) }
        }
        guard case .started(let found) = changes.first else {
            Issue.record("expected intermittency, got \(changes)")
            return
        }
        #expect(found.failures == 2)
        #expect(found.failedAt == [Date(timeIntervalSince1970: 1_000_001), Date(timeIntervalSince1970: 1_000_004)])
        #expect(found.reasons == ["timeout"])
        // Two failures leave the window of five after index 6: the target is steady again.
        #expect(changes.last == .ended(target: "api"))
        #expect(detector.detector.current["api"] == nil)
    }

    @Test func theWindowIsTheResultsSeenUntilThereAreN() {
        var detector = Flaps(failures: 2, window: 5)
        var found: Intermittency?
        for (i, status) in [Status.down, .up, .down].enumerated() {
            if case .started(let started)? = detector.record(result("api", at: i, status: status, reason: "refused")) { found = started }
        }
        #expect(found?.summary == "failed 2 of the last 3")
        #expect(found?.reasons == ["refused"])
    }

    @Test func aFailureLeavesTheWindowAfterNMoreResults() {
        var detector = Flaps(failures: 2, window: 5)
        for i in 0..<100 { #expect(detector.record(result("api", at: i)) == nil) }
        #expect(detector.record(result("api", at: 100, status: .down)) == nil)
        for i in 101..<105 { #expect(detector.record(result("api", at: i)) == nil) }
        // The down at 100 is now six results back: a second failure is one of the last five.
        #expect(detector.record(result("api", at: 105, status: .down)) == nil)
        guard case .started(let found)? = detector.record(result("api", at: 106, status: .down)) else {
            Issue.record("two failures of the last five should be intermittent")
            return
        }
        #expect(found.summary == "failed 2 of the last 5")
        #expect(found.failedAt == [Date(timeIntervalSince1970: 1_000_105), Date(timeIntervalSince1970: 1_000_106)])
    }

    @Test func downForTheWholeWindowIsDownNotIntermittent() {
        let results = (0..<5).map { result("api", at: $0, status: .down) }
        #expect(IntermittencyDetector.assess(results, failures: 2, window: 5) == nil)
    }
}

@Suite struct FailureWindowTests {
    @Test func consecutiveDownRunsBecomeWindowsWithReasons() {
        let results = [
            result("api", at: 1), result("api", at: 2, status: .down, reason: "HTTP 503"),
            result("api", at: 3, status: .down, reason: "HTTP 503"), result("api", at: 4, status: .down, reason: "timeout"),
            result("api", at: 5), result("api", at: 6, status: .down, reason: "refused"),
        ]
        let windows = FailureWindow.find(in: results.reversed())
        #expect(windows.count == 2)
        #expect(windows[0].count == 3)
        #expect(windows[0].recoveredAt == Date(timeIntervalSince1970: 1_000_005))
        #expect(windows[0].reasons.map(\.message) == ["HTTP 503", "timeout"])
        #expect(windows[0].reasons.map(\.count) == [2, 1])
        #expect(windows[1].recoveredAt == nil)
    }
}
