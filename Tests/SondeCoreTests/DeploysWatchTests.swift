import Foundation
import Testing
@testable import SondeCore

private let epoch = Date(timeIntervalSince1970: 2_000_000)

private func probe(_ second: Int, _ target: String = "api", down: Bool = false, ms: Double = 10, version: String? = nil) -> ProbeResult {
    let outcome = down
        ? ProbeOutcome(failure: FailureReason(.httpStatus, "HTTP 503"), statusCode: 503, version: version)
        : ProbeOutcome(latency: .milliseconds(ms), version: version)
    return ProbeResult(target: target, kind: .http, status: down ? .down : .up, outcome: outcome, latencyTarget: nil,
                       startedAt: epoch.addingTimeInterval(Double(second)), sequence: second)
}

@Suite struct DeployWatchTests {
    @Test func aBaselineFromHistoryPlacesTheMarkerAtTheStart() {
        let history = (0..<6).map { probe(-10 + $0) }
        var watch = DeployWatch(targets: ["api"], gate: DeployGate(criterion: .regression), history: history, markerName: "v2")
        let events = watch.start(at: epoch)
        #expect(events == [.markerPlaced(DeployMarker(name: "v2", at: epoch, source: .flag))])
        #expect(watch.baselineMissing.isEmpty)
    }

    @Test func liveResultsFillTheBaselineAndTheLastOfThemCountsAsBefore() {
        var watch = DeployWatch(targets: ["api", "db"], gate: DeployGate(criterion: .regression))
        #expect(watch.start(at: epoch).isEmpty)
        var placed: DeployMarker?
        for i in 0..<5 {
            _ = watch.observe(probe(i, "api"))
            for event in watch.observe(probe(i, "db")) {
                if case .markerPlaced(let marker) = event { placed = marker }
            }
        }
        #expect(placed != nil)
        #expect(placed?.name == "watch-deploy")
        for i in 5..<10 { _ = watch.observe(probe(i, "api", ms: 300)); _ = watch.observe(probe(i, "db")) }
        let rows = watch.comparison?.rows ?? []
        #expect(rows.map(\.before.count) == [5, 5])
        #expect(rows.map(\.after.count) == [5, 5])
        #expect(watch.decide().exitCode == 1)
        #expect(rows.first?.verdict.isRegression == true)
        #expect(rows.last?.verdict == .ok)
    }

    @Test func aVersionChangeMovesTheMarkerOnceAndKeepsAFlagName() {
        var watch = DeployWatch(targets: ["api"], gate: DeployGate(criterion: .regression), markerName: "release-7",
                                versions: ["api": "1.0"])
        _ = watch.start(at: epoch)
        for i in 0..<7 { _ = watch.observe(probe(i, version: "1.0")) }
        let events = watch.observe(probe(7, version: "1.1"))
        guard case .deployDetected(let moved) = events.first else {
            Issue.record("expected a detected deploy, got \(events)")
            return
        }
        #expect(moved.name == "release-7")
        #expect(moved.toVersion == "1.1")
        #expect(moved.at == epoch.addingTimeInterval(7))
        #expect(watch.observe(probe(8, version: "1.2")).isEmpty)
        #expect(watch.marker?.at == epoch.addingTimeInterval(7))
        #expect(watch.comparison?.rows.first?.before.count == 7)
    }

    @Test func downDuringTheBaselineIsNotAnEarlyFailureButAfterTheMarkerItIs() {
        var watch = DeployWatch(targets: ["api"], gate: DeployGate(criterion: .down))
        _ = watch.start(at: epoch)
        var events: [DeployWatch.Event] = []
        for (i, down) in [true, true, false, false, false].enumerated() { events += watch.observe(probe(i, down: down)) }
        // Baseline 5 results: 3 up is not enough, the two failures count toward it all the same.
        #expect(!events.contains { if case .failedEarly = $0 { true } else { false } })
        #expect(watch.marker != nil)
        events = watch.observe(probe(5, down: true)) + watch.observe(probe(6, down: true))
        #expect(events == [.failedEarly(["api: down 2 probes in a row (HTTP 503)"])])
        #expect(watch.decide() == .failed(["api: down 2 probes in a row (HTTP 503)"]))
    }

    @Test func aBaselineThatNeverFillsIsUndecidedAndSaysWhy() {
        var watch = DeployWatch(targets: ["api"], gate: DeployGate(criterion: .regression))
        _ = watch.start(at: epoch)
        for i in 0..<3 { _ = watch.observe(probe(i)) }
        guard case .undecided(let why) = watch.decide() else {
            Issue.record("expected undecided")
            return
        }
        #expect(why.contains("api has 3 of 5"))
        #expect(watch.decide().exitCode == 3)
    }

    @Test func intermittencyDescribesWhenAndWhy() {
        let results = [probe(0), probe(1, down: true), probe(2), probe(3, down: true), probe(4)]
        let found = IntermittencyDetector.assess(results, failures: 2, window: 5)
        let text = found?.describe { "t+\(Int($0.timeIntervalSince(epoch)))" }
        #expect(text == "failed 2 of the last 5, at t+1, t+3 (HTTP 503)")
    }
}

@Suite struct CheckSummaryIntermittencyTests {
    @Test func aReportOverRoundsNamesTheFlappingTargetsOnly() {
        let api = Target(name: "api", interval: .seconds(1), timeout: .seconds(1), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 9)))
        let db = Target(name: "db", interval: .seconds(1), timeout: .seconds(1), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 9)))
        let results = (0..<6).map { probe($0, "api", down: $0 % 3 == 1) } + (0..<6).map { probe($0, "db") }
        let summary = CheckSummary(environment: "t", started: epoch, targets: [api, db], results: results)
        let found = summary.intermittent(HistorySettings(flapFailures: 2, flapWindow: 6))
        #expect(found.map(\.target) == ["api"])
        #expect(found.first?.failedAt == [epoch.addingTimeInterval(1), epoch.addingTimeInterval(4)])
    }
}
