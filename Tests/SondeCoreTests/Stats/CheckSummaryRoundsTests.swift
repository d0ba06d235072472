import Foundation
import Testing
@testable import SondeCore

/// `sonde check --rounds N`: the percentiles and the median cover all N rounds.
@Suite("Check summary over many rounds")
struct CheckSummaryRoundsTests {
    @Test(arguments: [150, 250, 1000])
    func percentilesCoverEveryRoundNotOnlyTheLast100(rounds: Int) throws {
        let target = Target(name: "api", interval: .seconds(1), timeout: .seconds(1), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 9)))
        // 60% slow rounds first, then a fast tail of 100: a window of the last 100 would see only the tail.
        let slowCount = rounds - 100
        let results = (0..<rounds).map { i in
            ProbeResult(target: "api", kind: .tcp, status: .up, outcome: ProbeOutcome(latency: .milliseconds(i < slowCount ? 500 : 10)),
                        latencyTarget: nil, startedAt: Date(timeIntervalSince1970: Double(i)), sequence: i + 1)
        }
        let row = try #require(CheckSummary(environment: "t", started: Date(), targets: [target], results: results).rows.first)
        #expect(row.stats.window.samples.count == rounds)
        let p99 = try #require(row.stats.window.p99)
        let p50 = try #require(row.stats.window.p50)
        #expect(abs(p99 - 500) < 5)
        // The median is slow when most rounds were; with only the last 100 it would be 10 ms.
        if slowCount * 2 > rounds { #expect(abs(p50 - 500) < 5) } else { #expect(abs(p50 - 10) < 1) }
        #expect(row.latencyMs == p50)
    }
}
