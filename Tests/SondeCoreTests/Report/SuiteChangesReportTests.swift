import Foundation
import Testing
@testable import SondeCore

/// `sonde report` says what changed since the suite's last run: the Markdown "Since the last
/// run" section and standings, and the JSON fields newly_failing / fixed / newly_flaky /
/// standing / failing_since / failing_runs / pass_rates.
@Suite("Reports: what changed since the last run")
struct SuiteChangesReportTests {
    static let start = ReportSamples.started // 2025-09-04 15:33:20 UTC

    /// Suite e2e read three times, two minutes apart; each module has four tests.
    /// Run 3 against run 2: test_ws fixed (its module passes again), test_m newly failing,
    /// test_b fixed and test_c newly failing in a module still failing since run 2,
    /// test_reconnect newly flaky.
    static func run(_ index: Int) -> SuiteResult {
        let failing: [String: [String]] = switch index {
        case 0: ["test_1_websocket": ["test_ws"]]
        case 1: ["test_1_websocket": ["test_ws"], "test_3_agent_pipeline": ["test_a", "test_b"]]
        default: ["test_2_messages": ["test_m"], "test_3_agent_pipeline": ["test_a", "test_c"]]
        }
        let modules = ["test_1_websocket", "test_2_messages", "test_3_agent_pipeline", "test_4_orchestration"].map { name in
            let failed = failing[name] ?? []
            let flaky = index == 2 && name == "test_4_orchestration" ? [FlakyTest(module: name, name: "test_reconnect", tries: 2, cause: "ConnectionResetError")] : []
            return ModuleResult(name: name, passed: 4 - failed.count, failed: failed.count, failedTests: failed, flaky: flaky)
        }
        return SuiteResult(name: "e2e", modules: modules, readAt: start.addingTimeInterval(Double(index) * 120))
    }

    /// The report after `runs` readings, with the trends the session's store computed.
    static func report(runs: Int) throws -> Report {
        var observed = Observations()
        for index in 0..<runs { observed.record(.suite(run(index))) }
        var report = try ReportSamples.report(withSuite: false)
        report.suites = [run(runs - 1)]
        report.suiteTrends = observed.suiteTrends
        return report
    }

    /// The lines of the Markdown from `### e2e` to the next `##` heading of the same level or higher.
    static func suiteSection(_ markdown: String) throws -> [String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("### e2e") })
        let end = lines[(first + 1)...].firstIndex { $0.hasPrefix("## ") || $0.hasPrefix("### ") } ?? lines.endIndex
        var section = Array(lines[first..<end])
        while section.last?.isEmpty == true { section.removeLast() }
        return section
    }

    @Test func markdownSaysWhatChangedSinceTheLastRun() throws {
        let markdown = MarkdownReport.render(try Self.report(runs: 3), redactor: ReportSamples.redactor)
        let section = try Self.suiteSection(markdown)
        #expect(section == [
            "### e2e: 2/4 modules passing",
            "- **Tests:** 16 (13 passed (1 flaky), 3 failed, 0 errors, 0 skipped)",
            "- **Success rate:** 50% of test modules passing (2/4 modules)",
            "",
            "#### Since the last run: 2 newly failing (test_2_messages, test_3_agent_pipeline), 2 fixed, 1 new flaky",
            "- ❌ newly failing: `test_2_messages::test_m`",
            "- ❌ newly failing: `test_3_agent_pipeline::test_c`",
            "- ✅ fixed: `test_1_websocket::test_ws`",
            "- ✅ fixed: `test_3_agent_pipeline::test_b`",
            "- ⚠️ new flaky: `test_4_orchestration::test_reconnect`",
            "- Modules passing again: test_1_websocket",
            "",
            "#### Flaky tests (passed on a rerun, counted as passed)",
            "1. ⚠️ **test_4_orchestration** `test_reconnect` - 2 tries: first failed with `ConnectionResetError`",
            "",
            "#### Failed Test Modules (2/4)",
            "1. ❌ **test_2_messages** - 3 passed, 1 failed (newly failing)",
            "   - Failed tests:",
            "     - `test_m`",
            "2. ❌ **test_3_agent_pipeline** - 2 passed, 2 failed (still failing since 2025-09-04 15:35:20 UTC (2 runs))",
            "   - Failed tests:",
            "     - `test_a`",
            "     - `test_c`",
            "",
            "#### Successful Test Modules (2/4)",
            "1. ✅ **test_1_websocket** - All 4 tests passed",
            "2. ✅ **test_4_orchestration** - 4 passed (1 flaky)",
        ])
    }

    @Test func markdownOfAFirstRunHasNoChangesSection() throws {
        let section = try Self.suiteSection(MarkdownReport.render(try Self.report(runs: 1), redactor: ReportSamples.redactor))
        #expect(!section.contains { $0.contains("Since the last run") })
        #expect(section.contains("1. ❌ **test_1_websocket** - 3 passed, 1 failed"), "no standing for a module with nothing to compare")
    }

    private func suiteJSON(runs: Int) throws -> [String: Any] {
        let text = ReportJSON.document(try Self.report(runs: runs), redactor: ReportSamples.redactor).serialized()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let suites = try #require(document["suites"] as? [[String: Any]])
        return try #require(suites.first)
    }

    @Test func jsonCarriesTheChangesAndEachModulesStanding() throws {
        let suite = try suiteJSON(runs: 3)
        #expect(suite["newly_failing"] as? [String] == ["test_2_messages::test_m", "test_3_agent_pipeline::test_c"])
        #expect(suite["fixed"] as? [String] == ["test_1_websocket::test_ws", "test_3_agent_pipeline::test_b"])
        #expect(suite["newly_flaky"] as? [String] == ["test_4_orchestration::test_reconnect"])
        #expect(suite["flaky"] as? Int == 1)
        let modules = try #require(suite["modules"] as? [[String: Any]])
        #expect(modules.map { $0["name"] as? String } == ["test_1_websocket", "test_2_messages", "test_3_agent_pipeline", "test_4_orchestration"])
        #expect(modules.map { $0["standing"] as? String } == ["fixed", "newly_failing", "still_failing", "passing"])
        #expect(modules.map { $0["failing_since"] as? String } == [nil, nil, "2025-09-04T15:35:20.000Z", nil])
        #expect(modules.map { $0["failing_runs"] as? Int } == [nil, 1, 2, nil])
        #expect(modules.map { $0["pass_rates"] as? [Double] } == [[0.75, 0.75, 1], [1, 1, 0.75], [1, 0.5, 0.5], [1, 1, 1]])
        let flaky = try #require((modules[3]["flaky_tests"] as? [[String: Any]])?.first)
        #expect(flaky["name"] as? String == "test_reconnect" && flaky["tries"] as? Int == 2 && flaky["cause"] as? String == "ConnectionResetError")
        // Absent values are JSON null, not missing keys: a consumer can rely on every field.
        #expect(modules[0].keys.contains("failing_since") && modules[0]["failing_since"] is NSNull)
    }

    @Test func jsonOfAFirstRunHasEmptyChangesAndNewModules() throws {
        let suite = try suiteJSON(runs: 1)
        #expect(suite["newly_failing"] as? [String] == [])
        #expect(suite["fixed"] as? [String] == [])
        #expect(suite["newly_flaky"] as? [String] == [])
        let modules = try #require(suite["modules"] as? [[String: Any]])
        #expect(modules.map { $0["standing"] as? String } == ["new", "new", "new", "new"])
        #expect(modules.map { $0["pass_rates"] as? [Double] } == [[0.75], [1], [1], [1]])
    }

    @Test func jsonWithoutHistoryHasNullStandings() throws {
        var report = try Self.report(runs: 3)
        report.suiteTrends = [:]
        let text = ReportJSON.document(report, redactor: ReportSamples.redactor).serialized()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let suite = try #require((document["suites"] as? [[String: Any]])?.first)
        #expect(suite["newly_failing"] as? [String] == [])
        let modules = try #require(suite["modules"] as? [[String: Any]])
        #expect(modules.allSatisfy { $0["standing"] is NSNull && ($0["pass_rates"] as? [Double]) == [] })
    }
}
