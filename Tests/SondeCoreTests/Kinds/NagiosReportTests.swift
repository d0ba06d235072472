import Foundation
import Testing
@testable import SondeCore

@Suite("check --format nagios: one plugin line")
struct NagiosReportTests {
    private func summary(_ rows: [(String, Status, Double?, FailureReason?)]) -> CheckSummary {
        let targets = rows.map { Target(name: $0.0, interval: .seconds(1), timeout: .seconds(1), latencyTarget: .milliseconds(100),
                                        probe: .tcp(TCPSpec(host: "127.0.0.1", port: 9))) }
        let results = rows.map { row in
            ProbeResult(target: row.0, kind: .tcp, status: row.1,
                        outcome: ProbeOutcome(latency: row.2.map(Duration.milliseconds), failure: row.1 == .down ? row.3 : nil,
                                              warning: row.1 == .slow ? row.3 : nil),
                        latencyTarget: .milliseconds(100), startedAt: Date(), sequence: 1)
        }
        return CheckSummary(environment: "staging", started: Date(), targets: targets, results: results)
    }

    @Test func allUpIsOKWithPerfdata() {
        let s = summary([("api", .up, 12.5, nil), ("db", .up, 3, nil)])
        #expect(NagiosReport.line(s, redactor: Redactor(secrets: [])) == "SONDE OK - 2 targets up in staging | api=12.5ms;100;;0 db=3ms;100;;0")
        #expect(NagiosReport.exitCode(s) == 0)
    }

    @Test func downIsCriticalAndNamesTheReasonMasked() {
        let s = summary([("api", .down, nil, FailureReason(.refused, "token s3cret | refused")), ("db", .slow, 150, FailureReason(.plugin, "lag"))])
        #expect(NagiosReport.line(s, redactor: Redactor(secrets: ["s3cret"])) == "SONDE CRITICAL - 1 of 2 targets down: api (token *** / refused) | db=150ms;100;;0")
        #expect(NagiosReport.exitCode(s) == 2)
        #expect(NagiosReport.exitCode(summary([("db", .slow, 150, nil)])) == 1)
    }
}
