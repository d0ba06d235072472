import Foundation
import Testing
@testable import SondeCore

@Suite("JUnit report: a testcase per target and journey step")
struct JUnitReportTests {
    /// Sonde's own parser reads it back, as a CI system would.
    private func cases(_ report: Report) throws -> [JUnitCase] {
        let xml = JUnitReport.render(report, redactor: ReportSamples.redactor)
        return try JUnitParser.parse(Data(xml.utf8), source: "sonde.xml")
    }

    @Test func everyTargetAndStepIsATestcase() throws {
        let parsed = try cases(try ReportSamples.report())
        #expect(parsed.count == 5 + 5)
        let targets = parsed.filter { $0.suite == "staging targets" }
        #expect(targets.map(\.outcome) == [.passed, .passed, .passed, .passed, .failed])
        #expect(targets[4].message == "HTTP 404 (expected 2xx)")
        #expect(targets[3].name == "postgres (postgres://app:***@127.0.0.1:5432/app)")
        let steps = parsed.filter { $0.suite == "journey golden path" }
        #expect(steps.map(\.name) == ["1. Frontend Load", "2. Auth Service Check", "3. Backend API Health", "4. WebSocket Connection", "5. Chat Init Endpoint"])
        #expect(steps.last?.outcome == .failed)
        #expect(abs((steps.first?.durationSeconds ?? 0) - 0.173) < 0.0005)
    }

    @Test func skippedStepsAreSkippedAndTextIsEscaped() throws {
        let target = ReportSamples.chat
        let run = JourneyResult(name: "j", steps: [
            .init(name: "a<b>&\"c\"", result: ReportSamples.result(target, .down, ms: 5, failure: FailureReason(.assertion, "expected $.ok == true, got <false> & \u{01}"))),
            .init(name: "later", result: nil),
        ], startedAt: ReportSamples.started)
        let report = Report(
            environment: "e", started: ReportSamples.started, finished: ReportSamples.started, rounds: 1, targets: [], results: [],
            journeys: [JourneySpec(name: "j", steps: [], interval: .seconds(5))], journeyRuns: [run]
        )
        let parsed = try cases(report)
        #expect(parsed.map(\.name) == ["1. a<b>&\"c\"", "2. later"])
        #expect(parsed.map(\.outcome) == [.failed, .skipped])
        #expect(parsed[0].message == "expected $.ok == true, got <false> & ")
    }

    @Test func counts() throws {
        let xml = JUnitReport.render(try ReportSamples.report(), redactor: ReportSamples.redactor)
        #expect(xml.contains(#"<testsuites name="sonde" tests="10" failures="2" errors="0""#))
        #expect(!xml.contains("pw-secret"))
    }
}
