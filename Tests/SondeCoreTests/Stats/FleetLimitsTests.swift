import Foundation
import Testing
@testable import SondeCore

/// What a session keeps per target shrinks with the fleet, so memory stays bounded however long it runs.
@Suite struct FleetLimitsTests {
    @Test func aSmallConfigKeepsEverythingAFleetKeepsLessDownToAFloor() {
        #expect(Observations.Limits.forFleet(of: 5) == Observations.Limits())
        #expect(Observations.Limits.forFleet(of: 200) == Observations.Limits())
        let thousand = Observations.Limits.forFleet(of: 1_000)
        #expect(thousand.recent == 2 && thousand.log == 400 && thousand.window == 100 && thousand.minutes == 360)
        let fleet = Observations.Limits.forFleet(of: 10_000)
        #expect(fleet.recent == 1 && fleet.log == 60 && fleet.window == 50 && fleet.minutes == 60)
        #expect(Observations.Limits.forFleet(of: 0) == Observations.Limits(), "no targets is not a division by zero")
    }

    @Test func aTargetsStatsHoldNoMoreThanTheLimitsOnceFull() {
        let limits = Observations.Limits.forFleet(of: 10_000)
        var observed = Observations(limits: limits)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for second in 0..<1_000 {
            let result = ProbeResult(target: "svc", kind: .http, status: .up, outcome: ProbeOutcome(latency: .milliseconds(second % 7 + 1)),
                                     latencyTarget: nil, startedAt: start.addingTimeInterval(Double(second) * 10), sequence: second + 1)
            _ = observed.record(.result(result))
        }
        let stats = observed[target: "svc"]
        #expect(stats?.recent.count == 1)
        #expect(stats?.last?.sequence == 1_000, "the one kept is the newest")
        #expect(stats?.log.count == 60)
        #expect(stats?.window.count == 50)
        #expect(stats?.minutes.count ?? 0 <= 61, "60 closed minutes and the one filling")
        #expect(stats?.last?.sequence == 1_000)
        #expect(stats?.count == 1_000)
    }
}

/// The header's counts come from a tally kept as results arrive, over the targets the session counts.
@Suite struct StatusTallyTests {
    private func result(_ target: String, _ status: Status, _ sequence: Int) -> ProbeResult {
        let outcome = status == .down ? ProbeOutcome.failed(FailureReason(.refused, "connection refused")) : ProbeOutcome(latency: .milliseconds(5))
        return ProbeResult(target: target, kind: .http, status: status, outcome: outcome, latencyTarget: nil,
                           startedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(sequence)), sequence: sequence)
    }

    @Test func theTallyFollowsEachTargetsLastStatusAndAReloadRecountsTheConfiguredOnes() {
        var observed = Observations()
        observed.countOnly(["a", "b", "c"])
        _ = observed.record(.result(result("a", .up, 1)))
        _ = observed.record(.result(result("b", .down, 1)))
        _ = observed.record(.result(result("gone", .down, 1)))
        #expect(observed.tally == tally(up: 1, slow: 0, down: 1), "a target outside the config is not counted")
        _ = observed.record(.result(result("b", .up, 2)))
        _ = observed.record(.result(result("c", .slow, 1)))
        #expect(observed.tally == tally(up: 2, slow: 1, down: 0))
        // A reload keeps a and adds gone: its last result counts at once.
        observed.countOnly(["a", "gone"])
        #expect(observed.tally == tally(up: 1, slow: 0, down: 1))
    }

    private func tally(up: Int, slow: Int, down: Int) -> StatusTally {
        var tally = StatusTally()
        for _ in 0..<up { tally.move(from: nil, to: .up) }
        for _ in 0..<slow { tally.move(from: nil, to: .slow) }
        for _ in 0..<down { tally.move(from: nil, to: .down) }
        return tally
    }
}
