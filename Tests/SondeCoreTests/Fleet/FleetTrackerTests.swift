import Foundation
import Testing
@testable import SondeCore

/// How the fleet dashboard reads an instant query's series: grouped per target and location,
/// one result per probe an agent made, and the sentence a row ends with.
@Suite("Fleet: series to results")
struct FleetTrackerTests {
    private func series(_ name: String, _ target: String, _ location: String?, _ value: Double, extra: [String: String] = [:]) -> PrometheusSeries {
        var labels = ["__name__": name, "target": target, "kind": "http", "environment": "staging", "instance": "127.0.0.1:9464"]
        if let location { labels["location"] = location }
        return PrometheusSeries(labels: labels.merging(extra) { $1 }, value: value)
    }

    private func round(_ location: String, target: String = "api", success: Double, status: String, probedAt: Double) -> [PrometheusSeries] {
        [
            series("probe_success", target, location, success),
            series("probe_duration_seconds", target, location, 0.012),
            series("sonde_status", target, location, 1, extra: ["status": status]),
            series("sonde_status", target, location, 0, extra: ["status": status == "up" ? "down" : "up"]),
            series("sonde_last_probe_timestamp_seconds", target, location, probedAt),
            series("probe_http_duration_seconds", target, location, 0.004, extra: ["phase": "connect"]),
            series("probe_http_status_code", target, location, success == 1 ? 200 : 503),
        ]
    }

    @Test func seriesBecomeOneResultPerNewProbe() throws {
        var tracker = FleetTracker(board: FleetBoard(health: FleetHealth(source: "127.0.0.1:9090")))
        let now = Date(timeIntervalSince1970: 1_000)
        let first = round("us-east", success: 0, status: "down", probedAt: 990) + round("eu-west", success: 1, status: "slow", probedAt: 991)
            + [series("probe_success", "", nil, 1)]   // a /probe job's series: no target label
        let results = tracker.read(first, now: now)
        #expect(results.map(\.target) == ["api @ us-east", "api @ eu-west"], "oldest probe first")
        #expect(results.map(\.status) == [.down, .slow], "sonde_status tells slow from up")
        let down = try #require(results.first)
        #expect(down.latency == nil)
        #expect(down.outcome.statusCode == 503)
        #expect(down.reason?.message == "probe_success 0 as seen from us-east (the agent's log there says why)")
        #expect(results[1].latency == .milliseconds(12))
        #expect(results[1].outcome.phases == [PhaseTiming("connect", .milliseconds(4))])
        #expect(tracker.board.rows.map(\.target) == ["api"])
        #expect(tracker.board.locations == ["eu-west", "us-east"])
        #expect(tracker.board.environment == "staging")

        // The same probes read again are not new; one agent's next probe is.
        #expect(tracker.read(first, now: now.addingTimeInterval(2)).isEmpty)
        let next = tracker.read(round("us-east", success: 1, status: "up", probedAt: 995) + round("eu-west", success: 1, status: "slow", probedAt: 991),
                                now: now.addingTimeInterval(4))
        #expect(next.map(\.target) == ["api @ us-east"])
        #expect(next.first?.sequence == 2)
    }

    @Test func fixedLocationsKeepTheirOrderAndLeaveOthersOut() {
        var tracker = FleetTracker(board: FleetBoard(locations: ["us-east", "eu-west"], health: FleetHealth(source: "p:9090")))
        let results = tracker.read(round("ap-south", success: 1, status: "up", probedAt: 1) + round("eu-west", success: 1, status: "up", probedAt: 1),
                                   now: Date())
        #expect(results.map(\.target) == ["api @ eu-west"])
        #expect(tracker.board.locations == ["us-east", "eu-west"])
    }

    @Test func anAgentWithoutLocationIsShownUnderItsInstance() {
        var tracker = FleetTracker(board: FleetBoard(health: FleetHealth(source: "p:9090")))
        let results = tracker.read([series("probe_success", "web", nil, 1)], now: Date())
        #expect(results.map(\.target) == ["web @ 127.0.0.1:9464"])
    }

    @Test func aFailedReadKeepsTheBoardAndMarksItStale() {
        var tracker = FleetTracker(board: FleetBoard(health: FleetHealth(source: "p:9090")))
        tracker.failed("Prometheus at p:9090: connection refused")
        #expect(!tracker.board.health.isStale, "nothing read yet: nothing to call stale")
        _ = tracker.read(round("eu-west", success: 1, status: "up", probedAt: 1), now: Date())
        tracker.failed("Prometheus at p:9090: connection refused")
        #expect(tracker.board.health.isStale)
        #expect(tracker.board.rows.map(\.target) == ["api"])
        _ = tracker.read(round("eu-west", success: 1, status: "up", probedAt: 2), now: Date())
        #expect(!tracker.board.health.isStale)
    }

    @Test func spreadSaysWhereItIsDown() {
        #expect(FleetBoard.spread([("eu", .up), ("us", .down)]) == "down in us only")
        #expect(FleetBoard.spread([("eu", .down), ("us", .down)]) == "down everywhere")
        #expect(FleetBoard.spread([("eu", .down), ("us", nil)]) == "down in eu")
        #expect(FleetBoard.spread([("eu", .up), ("us", .up)]) == "up everywhere")
        #expect(FleetBoard.spread([("eu", .slow), ("us", .up)]) == "slow in eu")
        #expect(FleetBoard.spread([("eu", nil)]) == "no data")
    }

    @Test func theQueryAsksForEveryFamilyAndOnlyTheChosenLocations() {
        #expect(FleetQuery.promQL(locations: []) == #"{__name__=~"probe_success|probe_duration_seconds|probe_http_status_code|sonde_status|sonde_last_probe_timestamp_seconds|.+_duration_seconds",target!=""}"#)
        #expect(FleetQuery.promQL(locations: ["eu-west", "lab.1"]).hasSuffix(#",location=~"eu-west|lab\\.1"}"#))
    }
}
