import Foundation
import SondeCore
import SondeHistory
import SondeSession
import Testing

/// Time travel on a real SQLite history file with fixed dates: what the panes' observations
/// hold at a moment, rebuilt from results, markers and suite readings before it.
@Suite struct TimeMachineTests {
    /// 2026-12-01 14:00:00 UTC.
    static let fourteen = Date(timeIntervalSince1970: 1_796_133_600)
    static func at(_ minutes: Double) -> Date { fourteen.addingTimeInterval(minutes * 60) }

    static let travelConfig = SondeConfig(environment: "staging", targets: [
        Target(name: "backend", interval: .seconds(30), timeout: .seconds(3), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 1))),
        Target(name: "auth", interval: .seconds(30), timeout: .seconds(3), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 2))),
    ])

    static func result(_ target: String, at moment: Date, down: Bool, sequence: Int) -> ProbeResult {
        let outcome = ProbeOutcome(
            latency: down ? nil : .milliseconds(40), phases: down ? [] : [PhaseTiming(PhaseTiming.connect, .milliseconds(40))],
            failure: down ? FailureReason(.httpStatus, "HTTP 503 (expected 200)") : nil, statusCode: down ? 503 : 200
        )
        return ProbeResult(target: target, kind: .tcp, status: down ? .down : .up, outcome: outcome, latencyTarget: nil,
                           startedAt: moment, sequence: sequence)
    }

    /// 13:30 to 14:30 every 30 s: backend answers until the v2.1 deploy at 14:02 and fails
    /// after it; auth answers throughout. The e2e suite passes at 13:50 and fails at 14:10.
    static func history() async throws -> TemporaryHistory {
        let history = try TemporaryHistory()
        var results: [ProbeResult] = []
        for (n, minutes) in stride(from: -30.0, through: 30, by: 0.5).enumerated() {
            results.append(result("backend", at: at(minutes), down: minutes > 2, sequence: n + 1))
            results.append(result("auth", at: at(minutes), down: false, sequence: n + 1))
        }
        try await history.store.append(results)
        try await history.store.add(DeployMarker(name: "v2.1", at: at(2), source: .manual))
        try await history.store.append([
            SuiteReading(suite: "e2e", readAt: at(-10), modules: [SuiteReading.Module(name: "test_cart", passed: 4)]),
            SuiteReading(suite: "e2e", readAt: at(10), modules: [SuiteReading.Module(name: "test_cart", passed: 3, failed: 1, failingTests: ["test_checkout"])]),
        ])
        return history
    }

    @Test func beforeTheDeployEveryPaneShowsThePastNotTheEnd() async throws {
        let history = try await Self.history()
        let machine = TimeMachine(history: history.store, config: Self.travelConfig)
        let observed = try await machine.observations(at: Self.at(1))
        let backend = try #require(observed[target: "backend"])
        #expect(backend.last?.status == .up)
        #expect(backend.last?.startedAt == Self.at(1), "the last result at or before the moment")
        #expect(backend.count == 63, "13:30:00 to 14:01:00 every 30 s")
        #expect(backend.recent.count == 12 && backend.recent.allSatisfy { !$0.outcome.phases.isEmpty }, "the detail view's results keep their phases")
        #expect(observed.markers.isEmpty, "the deploy had not landed yet")
        #expect(observed.suites["e2e"]?.readAt == Self.at(-10))
        #expect(observed.suites["e2e"]?.status == .up)
        #expect((observed.tally.up, observed.tally.slow, observed.tally.down) == (2, 0, 0), "the header counts the config's targets")
    }

    @Test func afterTheDeployTheFailureTheMarkerAndTheChangeAreThere() async throws {
        let history = try await Self.history()
        let machine = TimeMachine(history: history.store, config: Self.travelConfig)
        let observed = try await machine.observations(at: Self.at(12))
        #expect(observed[target: "backend"]?.last?.status == .down)
        #expect(observed[target: "backend"]?.last?.reason?.message == "HTTP 503 (expected 200)")
        #expect(observed.markers.map(\.name) == ["v2.1"])
        #expect(observed.events.contains { if case .change(let change) = $0 { change.target == "backend" && change.toStatus == .down } else { false } })
        #expect(observed.suites["e2e"]?.readAt == Self.at(10))
        #expect(observed.suites["e2e"]?.modules.first?.failedTests == ["test_checkout"])
        #expect(observed.suiteReadings["e2e"]?.count == 2, "the earlier reading is what the failure is judged against")
        #expect((observed.tally.up, observed.tally.slow, observed.tally.down) == (1, 0, 1))
    }

    @Test func theReadIsBoundedToTheWindowBeforeTheMoment() async throws {
        let history = try await Self.history()
        let machine = TimeMachine(history: history.store, config: Self.travelConfig, window: TimeMachine.Window(perTarget: 10, span: 600))
        let observed = try await machine.observations(at: Self.at(5))
        #expect(observed[target: "backend"]?.count == 10)
        #expect(observed[target: "backend"]?.last?.startedAt == Self.at(5))
        let early = try await machine.observations(at: Self.at(-40))
        #expect(early.targetCount == 0, "nothing was recorded before 13:30")
        #expect(early.suites.isEmpty)
    }

    @Test func aReloadedConfigDecidesWhichTargetsAreRebuilt() async throws {
        let history = try await Self.history()
        let machine = TimeMachine(history: history.store, config: Self.travelConfig)
        var narrower = Self.travelConfig
        narrower.targets.removeAll { $0.name == "auth" }
        machine.adopt(narrower)
        let observed = try await machine.observations(at: Self.at(1))
        #expect(observed.targetNames == ["backend"])
    }
}
