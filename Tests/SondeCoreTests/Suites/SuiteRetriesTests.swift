import Foundation
import Testing
@testable import SondeCore
import SondeProbes

/// A `run:` suite with `retries:` runs its command again while tests fail; runs the real pytest
/// on pytest-runs/project/tests/test_flaky.py, whose tests pass on their second and third tries.
@Suite("run: suites re-run by retries", .enabled(if: SuiteFixtures.runPytest, "python3 -m pytest is not installed (pip install pytest)"))
struct SuiteRetriesTests {
    static let command = "mkdir -p state && FLAKY_STATE=state PYTHONDONTWRITEBYTECODE=1 python3 -m pytest -p no:cacheprovider "
        + "-p no:rerunfailures -p no:xdist -q tests/test_flaky.py --junitxml=reports/junit.xml"

    private func run(retries: Int) async throws -> SuiteResult {
        let folder = try SuiteFixtures.scratch()
        try FileManager.default.copyItem(
            at: SuiteFixtures.root.appendingPathComponent("junit/pytest-runs/project"), to: folder.appendingPathComponent("project"))
        let spec = SuiteSpec(
            name: "flaky", source: .command(run: Self.command, output: "reports/junit.xml"), interval: .seconds(60), timeout: .seconds(120),
            retries: retries)
        let watcher = SuiteWatcher(spec: spec, baseDirectory: folder.appendingPathComponent("project").path, redactor: Redactor(secrets: []), commands: SuiteCommandRunner())
        return try #require(await watcher.refresh())
    }

    @Test func withoutRetriesTheFlakyTestsFail() async throws {
        let suite = try await run(retries: 0)
        #expect(suite.error == nil, "\(suite.error ?? "")\n\(suite.commandOutput ?? "")")
        #expect((suite.passed, suite.failed) == (1, 3))
        #expect(suite.flakyTests.isEmpty)
    }

    @Test func retriesCountEachTestOnceAndNameTheFlakyOnes() async throws {
        let suite = try await run(retries: 2)
        #expect(suite.error == nil, "\(suite.error ?? "")\n\(suite.commandOutput ?? "")")
        #expect((suite.tests, suite.passed, suite.failed) == (4, 3, 1))
        #expect(suite.flakyTests.map(\.summary) == ["test_passes_on_second_try (2 tries)", "test_passes_on_third_try (3 tries)"])
        #expect(suite.flakyTests.first?.cause == "agent did not start within 5s")
        #expect(suite.modules.first?.failedTests == ["test_always_fails"])
        #expect(suite.exitStatus == 1, "the last run's exit status: one test still fails")
    }

    @Test func oneRetryLeavesTheThirdTryTestFailing() async throws {
        // One retry: two runs, so the test that needs three tries still fails.
        let suite = try await run(retries: 1)
        #expect(suite.flakyTests.map(\.summary) == ["test_passes_on_second_try (2 tries)"])
        #expect(suite.failed == 2)
    }
}
