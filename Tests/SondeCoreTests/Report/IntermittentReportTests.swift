import Foundation
import Testing
@testable import SondeCore

@Suite("Intermittent targets in check --json and reports")
struct IntermittentReportTests {
    private let target = Target(name: "backend", interval: .seconds(5), timeout: .seconds(3), latencyTarget: nil,
                                probe: .tcp(TCPSpec(host: "127.0.0.1", port: 1)))

    private func results(_ pattern: String) -> [ProbeResult] {
        pattern.enumerated().map { i, mark in
            let down = mark == "x"
            let outcome: ProbeOutcome = down ? .failed(FailureReason(.httpStatus, "HTTP 503 (expected 2xx)")) : ProbeOutcome(latency: .milliseconds(10))
            return ProbeResult(target: "backend", kind: .tcp, status: down ? .down : .up, outcome: outcome, latencyTarget: nil,
                               startedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(i * 5)), sequence: i + 1)
        }
    }

    private func report(_ pattern: String) -> Report {
        Report(environment: "staging", started: Date(timeIntervalSince1970: 1_800_000_000), finished: Date(timeIntervalSince1970: 1_800_000_100),
               rounds: pattern.count, targets: [target], results: results(pattern), flapping: HistorySettings(flapFailures: 2, flapWindow: 10))
    }

    @Test func twoFailuresInTenAreListedWithWhenAndWhy() throws {
        let flapping = report("..x....x..")
        #expect(flapping.intermittent.map(\.target) == ["backend"])
        let json = ReportJSON.document(flapping, redactor: Redactor(secrets: [])).serialized()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entries = try #require(document["intermittent"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["name"] as? String == "backend")
        #expect(entries.first?["failures"] as? Int == 2)
        #expect(entries.first?["window"] as? Int == 10)
        #expect(entries.first?["failed_at"] as? [String] == ["2027-01-15T08:00:10.000Z", "2027-01-15T08:00:35.000Z"])
        #expect(entries.first?["reasons"] as? [String] == ["HTTP 503 (expected 2xx)"])
        let markdown = MarkdownReport.render(flapping, redactor: Redactor(secrets: []))
        #expect(markdown.contains("## Intermittent Failures"))
        #expect(markdown.contains("- **backend**: failed 2 of the last 10, at 2027-01-15 08:00:10 UTC, 2027-01-15 08:00:35 UTC (HTTP 503 (expected 2xx))"))
    }

    @Test func steadyOrAlwaysDownIsNotIntermittent() {
        #expect(report("..........").intermittent.isEmpty)
        #expect(report("x.........").intermittent.isEmpty)
        #expect(report("xxxxxxxxxx").intermittent.isEmpty)
        #expect(!MarkdownReport.render(report(".........."), redactor: Redactor(secrets: [])).contains("Intermittent"))
    }
}
