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
        #expect(fleet.recent == 2 && fleet.log == 60 && fleet.window == 50 && fleet.minutes == 60)
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
        #expect(stats?.recent.count == 2)
        #expect(stats?.log.count == 60)
        #expect(stats?.window.count == 50)
        #expect(stats?.minutes.count ?? 0 <= 61, "60 closed minutes and the one filling")
        #expect(stats?.last?.sequence == 1_000)
        #expect(stats?.count == 1_000)
    }
}
