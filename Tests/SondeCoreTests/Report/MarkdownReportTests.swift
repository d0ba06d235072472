import Foundation
import Testing
@testable import SondeCore

@Suite("Markdown report shaped like the seed reports")
struct MarkdownReportTests {
    private func markdown() throws -> String {
        MarkdownReport.render(try ReportSamples.report(), redactor: ReportSamples.redactor)
    }

    @Test func sectionsComeInTheSeedsOrder() throws {
        let text = try markdown()
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(headings == [
            "## Executive Summary", "## Reproduction Verdicts", "## Service Health", "## Database Status",
            "## WebSockets", "## Journeys", "## Test Modules", "## Performance Against Targets",
        ])
        #expect(text.hasPrefix("# Sonde Report: staging\n**Date:** 2025-09-04 15:33:20 UTC  \n**Environment:** staging  \n**Rounds:** 1 (2.5s)"))
    }

    @Test func summaryNamesTheSharedFailureFirst() throws {
        let text = try markdown()
        #expect(text.contains("- **Targets:** 3 up, 1 slow, 1 down (of 5)"))
        #expect(text.contains("- **Journey golden path:** ❌ 4/5 steps"))
        #expect(text.contains("- **Suite staging e2e:** ❌ 20% of test modules passing (1/5 modules passing)"))
        #expect(text.contains("- **Critical finding:** `server rejected WebSocket connection: HTTP 500` (5 tests in 3 modules)"))
    }

    @Test func reproductionTableHasExpectedActualVerdict() throws {
        let text = try markdown()
        #expect(text.contains("| Target | Expected Failure | Actual Result | Verdict |"))
        #expect(text.contains("| backend | Service Unavailable | ✅ HTTP 200 in 410ms | ❌ NOT REPRODUCED |"))
        #expect(text.contains("| ws | Connection timeouts | ✅ connected in 778ms | ❌ NOT REPRODUCED |"))
        #expect(text.contains("| golden path | Complete user journey fails | ❌ 4/5 steps (Chat Init Endpoint: HTTP 404 (expected 2xx)) | ✅ REPRODUCED |"))
    }

    @Test func healthDatabasesAndWebSocketsAreListed() throws {
        let text = try markdown()
        #expect(text.contains("| backend | https://api.staging.example/health | ✅ 200 OK | 410ms | 500ms |  |"))
        #expect(text.contains("| chat-init | https://api.staging.example/api/chat/init | ❌ 404 Not Found | 9.0ms | - | HTTP 404 (expected 2xx) |"))
        #expect(text.contains("✅ postgres (postgres): Connected (12ms response time)"))
        #expect(text.contains("✅ postgres: 101ms response time (reported by backend)"))
        #expect(text.contains("⚠️ Connection: wss://api.staging.example/ws → Connected in 778ms"))
        #expect(text.contains(#"Response: {"type":"connect","data":{"mode":"main"}}"#))
    }

    @Test func journeyStepsShowStatusLatencyAndTheFailingReason() throws {
        let text = try markdown()
        #expect(text.contains("### golden path: ❌ 4/5 steps (80% functional)"))
        #expect(text.contains("✅ 1. Frontend Load (173ms)"))
        #expect(text.contains("✅ 4. WebSocket Connection (697ms)"))
        #expect(text.contains("❌ 5. Chat Init Endpoint (HTTP 404 (expected 2xx), 31ms)"))
    }

    @Test func modulesAreGroupedByCauseThenFailedThenPassing() throws {
        let text = try markdown()
        #expect(text.contains("1. `server rejected WebSocket connection: HTTP 500`: 5 tests in 3 modules (test_1_websocket_events_staging, test_2_message_flow_staging, test_3_agent_pipeline_staging)"))
        #expect(text.contains("#### Failed Test Modules (4/5)\n1. ❌ **test_1_websocket_events_staging** - 3 passed, 2 failed\n   - Error: `server rejected WebSocket connection: HTTP 500`\n   - Failed tests:\n     - `test_concurrent_websocket_real`"))
        #expect(text.contains("#### Successful Test Modules (1/5)\n1. ✅ **test_4_agent_orchestration_staging** - 6 passed, 2 skipped"))
        #expect(text.contains("- **Tests:** 27 (17 passed, 7 failed, 1 error, 2 skipped)"))
        let causes = try #require(text.range(of: "#### Failures by cause"))
        let failed = try #require(text.range(of: "#### Failed Test Modules"))
        #expect(causes.lowerBound < failed.lowerBound, "the shared cause is the first thing to see")
    }

    @Test func performanceAgainstTargets() throws {
        let text = try markdown()
        #expect(text.contains("- api: 85ms (target: 100ms) ✅"))
        #expect(text.contains("- ws: 778ms (target: 50ms) ❌"))
    }

    @Test func unreadableSuiteShowsItsErrorAndCommandOutput() throws {
        var report = try ReportSamples.report(withSuite: false)
        report.suites = [SuiteResult(name: "nightly", error: "out.xml is not well-formed XML", commandOutput: "collected 12 items\nKilled", exitStatus: 137)]
        let text = MarkdownReport.render(report, redactor: ReportSamples.redactor)
        #expect(text.contains("### nightly: ❌ unreadable\n\nError: `out.xml is not well-formed XML`"))
        #expect(text.contains("```\ncollected 12 items\nKilled\n```"))
    }

    @Test func noReproductionSectionWithoutExpectedFailuresAndSecretsNeverShow() throws {
        let report = Report(
            environment: "staging", started: ReportSamples.started, finished: ReportSamples.started, rounds: 1,
            targets: [ReportSamples.postgres, ReportSamples.api],
            results: [
                ReportSamples.result(ReportSamples.postgres, .down, ms: nil, failure: FailureReason(.auth, "password pw-secret rejected | retry")),
                ReportSamples.result(ReportSamples.api, .up, ms: 20, code: 200),
            ]
        )
        let text = MarkdownReport.render(report, redactor: ReportSamples.redactor)
        #expect(!text.contains("Reproduction"))
        #expect(!text.contains("pw-secret"))
        #expect(text.contains("❌ postgres (postgres): Unavailable: password *** rejected | retry"))
        #expect(text.contains("**Result:** ❌ 1 problem found"))
    }

    @Test func tableCellsEscapePipes() {
        #expect(MarkdownText.cell("a | b\nc") == "a \\| b c")
        #expect(MarkdownText.code("use `x`") == "`use 'x'`")
    }
}
