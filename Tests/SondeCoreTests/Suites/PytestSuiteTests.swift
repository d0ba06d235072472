import Foundation
import Testing
@testable import SondeCore
import SondeProbes

/// Runs the real pytest on Fixtures/pytest_suite (failing, erroring, skipped and xfailed tests)
/// and checks what Sonde derives from the JUnit XML it writes.
@Suite("Suites from a real pytest run", .enabled(if: SuiteFixtures.runPytest, "python3 -m pytest is not installed (pip install pytest)"))
struct PytestSuiteTests {
    static let command = "PYTHONDONTWRITEBYTECODE=1 python3 -m pytest -p no:cacheprovider -q --junitxml=reports/junit.xml tests"

    /// A `run:` suite whose command is real pytest, read through the watcher as `sonde` does.
    private func runSuite() async throws -> SuiteResult {
        let folder = try SuiteFixtures.pytestSuiteCopy()
        let spec = SuiteSpec(name: "e2e", source: .command(run: Self.command, output: "reports/junit.xml"), interval: .seconds(60), timeout: .seconds(120))
        let watcher = SuiteWatcher(spec: spec, baseDirectory: folder.path, redactor: Redactor(secrets: []), commands: SuiteCommandRunner())
        return try #require(await watcher.refresh())
    }

    @Test func modulesAreNamedAfterTestFilesWithTheirCounts() async throws {
        let suite = try await runSuite()
        #expect(suite.error == nil, "\(suite.error ?? "")\n\(suite.commandOutput ?? "")")
        #expect(suite.exitStatus == 1, "pytest exits 1 when tests fail")
        #expect(suite.modules.map(\.name) == [
            "test_1_websocket_events_staging", "test_2_message_flow_staging", "test_3_agent_pipeline_staging",
            "test_4_agent_orchestration_staging", "test_5_startup_resilience_staging",
        ])
        let counts = suite.modules.map { [$0.passed, $0.failed, $0.errors, $0.skipped] }
        #expect(counts == [[3, 2, 0, 0], [3, 2, 0, 0], [3, 3, 0, 0], [6, 0, 0, 2], [2, 0, 1, 0]])
        #expect(suite.summary == "1/5 modules passing")
        #expect((suite.tests, suite.passed, suite.failed, suite.errors, suite.skipped) == (27, 17, 7, 1, 2))
        #expect(suite.modules.allSatisfy { $0.durationSeconds >= 0 })
        #expect(suite.modules[0].failedTests == ["test_concurrent_websocket_real", "test_websocket_event_flow_real"])
    }

    @Test func failuresGroupByCauseAcrossModulesMostSharedFirst() async throws {
        let suite = try await runSuite()
        let groups = suite.failureGroups
        #expect(groups.count == 3)
        let shared = try #require(groups.first)
        #expect(shared.cause == "server rejected WebSocket connection: HTTP 500")
        #expect(shared.count == 5)
        #expect(shared.modules == ["test_1_websocket_events_staging", "test_2_message_flow_staging", "test_3_agent_pipeline_staging"])
        #expect(shared.spread == "5 tests in 3 modules")
        // Two timeouts naming different agents and durations are one cause.
        #expect(groups[1].count == 2)
        #expect(groups[1].cause == "agent <id> did not start within <n>s")
        // A fixture error (pytest's "failed on setup with ...") groups by the error inside.
        #expect(groups[2].cause.contains("Connection refused"))
        #expect(groups[2].modules == ["test_5_startup_resilience_staging"])
    }

    @Test func commandOutputIsKeptForTheDetailView() async throws {
        let suite = try await runSuite()
        let output = try #require(suite.commandOutput)
        #expect(output.contains("7 failed"))
        #expect(output.contains("1 error"))
    }
}
