import Foundation
import Testing
@testable import SondeCore

/// What changed since the last run: per module newly failing / still failing since / fixed,
/// the pass-rate trend, and the event log's line.
@Suite("Suite trends across runs")
struct SuiteTrendTests {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A run of suite e2e at `minute` minutes after `start`: module name -> failing test names
    /// (each module has four tests).
    private func run(_ minute: Int, _ failing: [String: [String]], flaky: [String: [String]] = [:]) -> SuiteResult {
        let modules = ["test_1_websocket", "test_2_messages", "test_3_agent_pipeline"].map { name in
            let failed = failing[name] ?? []
            return ModuleResult(
                name: name, passed: 4 - failed.count, failed: failed.count, failedTests: failed,
                flaky: (flaky[name] ?? []).map { FlakyTest(module: name, name: $0, tries: 2) })
        }
        return SuiteResult(name: "e2e", modules: modules, readAt: start.addingTimeInterval(Double(minute) * 60))
    }

    private func observe(_ runs: [SuiteResult]) -> Observations {
        var observed = Observations()
        for run in runs { observed.record(.suite(run)) }
        return observed
    }

    /// The suite lines of the event log, newest first.
    private func logged(_ observed: Observations) -> [String] {
        observed.events.compactMap { entry in
            guard case .suite(let change) = entry else { return nil }
            return change.text
        }
    }

    @Test func theFirstRunHasNothingToCompareWith() {
        let observed = observe([run(0, ["test_3_agent_pipeline": ["test_a"]])])
        #expect(observed.trend(suite: "e2e", module: "test_3_agent_pipeline")?.standing == .new)
        #expect(observed.events.isEmpty, "a first reading is not a change")
    }

    @Test func newlyFailingStillFailingAndFixed() throws {
        let observed = observe([
            run(0, ["test_1_websocket": ["test_ws"]]),
            run(2, ["test_1_websocket": ["test_ws"]]),
            run(4, ["test_1_websocket": ["test_ws"], "test_3_agent_pipeline": ["test_a", "test_b"]]),
            run(6, ["test_3_agent_pipeline": ["test_a", "test_b"]]),
        ])
        let websocket = try #require(observed.trend(suite: "e2e", module: "test_1_websocket"))
        #expect(websocket.standing == .fixed)
        #expect(websocket.fixedTests == ["test_ws"])
        #expect(websocket.passRates == [0.75, 0.75, 0.75, 1])
        let pipeline = try #require(observed.trend(suite: "e2e", module: "test_3_agent_pipeline"))
        #expect(pipeline.standing == .stillFailing(since: start.addingTimeInterval(240), runs: 2))
        #expect(pipeline.text { _ in "10:04" } == "still failing since 10:04 (2 runs)")
        #expect(observed.trend(suite: "e2e", module: "test_2_messages")?.standing == .passing)

        // The event log, newest first: the run at minute 4 made two tests newly failing.
        let texts = logged(observed)
        #expect(texts.contains("suite e2e 2/3 -> 1/3 modules passing; 2 newly failing (test_3_agent_pipeline)"))
        #expect(texts.first == "suite e2e 1/3 -> 2/3 modules passing; 1 fixed")
    }

    @Test func testsChangingInsideAFailingModuleAreLoggedThoughModuleCountsStay() {
        let observed = observe([
            run(0, ["test_3_agent_pipeline": ["test_a"]]),
            run(2, ["test_3_agent_pipeline": ["test_b"]]),
        ])
        #expect(logged(observed).first == "suite e2e: 1 newly failing (test_3_agent_pipeline), 1 fixed")
        #expect(observed.trend(suite: "e2e", module: "test_3_agent_pipeline")?.newlyFailingTests == ["test_b"])
    }

    @Test func newFlakyTestsAreNamedApart() {
        let observed = observe([run(0, [:]), run(2, [:], flaky: ["test_2_messages": ["test_retry"]])])
        #expect(logged(observed).first == "suite e2e: 1 new flaky")
        #expect(observed.trend(suite: "e2e", module: "test_2_messages")?.newlyFlakyTests == ["test_retry"])
    }

    @Test func readingsFromAnEarlierSessionCountAsTheLastRun() {
        var observed = Observations()
        observed.seed([SuiteReading(run(0, [:])), SuiteReading(run(2, [:]))])
        observed.record(.suite(run(4, ["test_2_messages": ["test_order"]])))
        #expect(logged(observed).first == "suite e2e: 1 newly failing (test_2_messages)")
        #expect(observed.trend(suite: "e2e", module: "test_2_messages")?.standing == .newlyFailing)
        #expect(observed.trend(suite: "e2e", module: "test_2_messages")?.passRates == [1, 1, 0.75])
    }

    @Test func anUnreadableRunBreaksNoStreak() throws {
        let broken = SuiteResult(name: "e2e", error: "report.xml is empty", readAt: start.addingTimeInterval(120))
        let observed = observe([run(0, ["test_2_messages": ["x"]]), broken, run(4, ["test_2_messages": ["x"]])])
        let trend = try #require(observed.trend(suite: "e2e", module: "test_2_messages"))
        #expect(trend.standing == .stillFailing(since: start, runs: 2))
    }

    @Test func readingsKeptAreBounded() {
        let observed = observe((0..<30).map { run($0, [:]) })
        #expect(observed.suiteReadings["e2e"]?.count == SuiteTrend.runsKept)
        #expect(observed.trend(suite: "e2e", module: "test_1_websocket")?.passRates.count == SuiteTrend.trendLength)
    }
}
