import Foundation
import Testing
@testable import SondeCore

/// The table `sonde check` prints.
@Suite("Check table")
struct CheckTextTests {
    @Test func everyColumnHasItsOwnHeaderAndTheGoalStandsUnderGOAL() throws {
        let target = Target(name: "api", interval: .seconds(1), timeout: .seconds(1), latencyTarget: .milliseconds(100),
                            probe: .tcp(TCPSpec(host: "127.0.0.1", port: 9)))
        let result = ProbeResult(target: "api", kind: .tcp, status: .up, outcome: ProbeOutcome(latency: .milliseconds(12)),
                                 latencyTarget: .milliseconds(100), startedAt: Date(timeIntervalSince1970: 0), sequence: 1)
        let summary = CheckSummary(environment: "t", started: Date(timeIntervalSince1970: 0), targets: [target], results: [result])
        let lines = CheckText.render(summary, redactor: Redactor(secrets: [])).split(separator: "\n").map(String.init)
        let headers = try #require(lines.first).split(separator: " ").map(String.init)
        #expect(headers == ["TARGET", "KIND", "STATUS", "LATENCY", "GOAL", "REPORTED", "REASON"])
        #expect(Set(headers).count == headers.count)
        let goalColumn = try #require(lines.first?.range(of: "GOAL")).lowerBound.utf16Offset(in: lines[0])
        let row = lines[1]
        #expect(row.dropFirst(goalColumn).hasPrefix("100ms"), "\(row)")
    }

    /// A service may report any number; a huge one once trapped in Duration.milliseconds(_:).
    @Test(arguments: [1e300, Double.infinity, -Double.infinity, Double.nan])
    func aReportedFigureOfAnySizeIsShownWithoutTrapping(_ value: Double) {
        let target = Target(name: "api", interval: .seconds(1), timeout: .seconds(1), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 9)))
        let outcome = ProbeOutcome(latency: .milliseconds(1), reported: [ReportedMetric(name: "db", value: value)])
        let result = ProbeResult(target: "api", kind: .tcp, status: .up, outcome: outcome, latencyTarget: nil,
                                 startedAt: Date(timeIntervalSince1970: 0), sequence: 1)
        let summary = CheckSummary(environment: "t", started: Date(timeIntervalSince1970: 0), targets: [target], results: [result])
        #expect(CheckText.render(summary, redactor: Redactor(secrets: [])).contains("db "))
        #expect(!CheckJSON.document(summary, redactor: Redactor(secrets: [])).serialized().isEmpty)
    }
}
