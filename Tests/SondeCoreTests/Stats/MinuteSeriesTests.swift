import Foundation
import Testing
@testable import SondeCore

@Suite struct MinuteSeriesTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 60))

    func sample(_ seconds: Double, _ ms: Double?, _ status: Status = .up) -> LatencyWindow.Sample {
        LatencyWindow.Sample(status: status, latencyMs: ms, at: start.addingTimeInterval(seconds))
    }

    @Test func resultsFoldIntoABucketAMinuteWithLowMedianAndHigh() {
        var series = MinuteSeries(capacity: 10)
        for (s, ms) in [(0.0, 30.0), (10, 10), (20, 20), (50, 90)] { series.record(sample(s, ms)) }
        series.record(sample(55, nil, .down))
        series.record(sample(61, 5, .slow))
        let buckets = series.buckets
        #expect(buckets.count == 2)
        #expect(buckets[0].start == start)
        #expect(buckets[0].count == 5 && buckets[0].down == 1 && buckets[0].answered == 4)
        #expect(buckets[0].minMs == 10 && buckets[0].maxMs == 90)
        #expect(buckets[0].medianMs == 30)
        #expect(buckets[1].slow == 1 && buckets[1].medianMs == 5)
    }

    @Test func memoryIsBoundedByTheCapacity() {
        var series = MinuteSeries(capacity: 5)
        for minute in 0..<50 { series.record(sample(Double(minute) * 60, 10)) }
        #expect(series.count == 6, "five closed minutes and the one filling")
        #expect(series.buckets.first?.start == start.addingTimeInterval(44 * 60))
    }

    @Test func aLateResultDoesNotReorderTheSeries() {
        var series = MinuteSeries()
        series.record(sample(120, 10))
        series.record(sample(0, 99))
        #expect(series.buckets.map(\.maxMs) == [10])
    }

    @Test func uptimeCountsFailuresSinceAMoment() {
        var series = MinuteSeries()
        series.record(sample(0, nil, .down))
        for i in 1...9 { series.record(sample(60 + Double(i), 10)) }
        #expect(series.uptime(since: .distantPast).results == 10)
        #expect(series.uptime(since: .distantPast).failures == 1)
        #expect(series.uptime(since: start.addingTimeInterval(60)).failures == 0)
    }

    @Test func targetStatsKeepTheSeries() {
        var stats = TargetStats(name: "api", minutes: 4)
        let result = ProbeResult(target: "api", kind: .http, status: .up, outcome: ProbeOutcome(latency: .milliseconds(12)),
                                 latencyTarget: nil, startedAt: start, sequence: 1)
        stats.record(result)
        #expect(stats.minutes.buckets.map(\.maxMs) == [12])
        #expect(stats.minutes.capacity == 4)
    }
}
