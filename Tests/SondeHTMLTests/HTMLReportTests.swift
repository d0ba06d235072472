import Foundation
import SondeCore
@testable import SondeHTML
import SondeHistory
import Testing

/// The HTML report and the history figures under it, on a real history file with fixed dates.
@Suite struct HTMLReportTests {
    let end = Date(timeIntervalSince1970: 1_800_000_000)

    static let config = """
        environment: staging
        targets:
          - name: api
            http: http://127.0.0.1:1/health
            expect: { latency: 100ms }
          - name: backend
            http: http://user:hunter2secret@127.0.0.1:1/
        """

    func result(_ target: String, secondsBeforeEnd: Double, status: Status = .up, ms: Double = 20, reason: String = "HTTP 503") -> ProbeResult {
        let outcome = status == .down
            ? ProbeOutcome(failure: FailureReason(.httpStatus, reason), statusCode: 503)
            : ProbeOutcome(latency: .milliseconds(ms), statusCode: 200)
        return ProbeResult(target: target, kind: .http, status: status, outcome: outcome, latencyTarget: nil,
                           startedAt: end.addingTimeInterval(-secondsBeforeEnd), sequence: 1)
    }

    /// api: one result a minute for the last 2 hours, down for 3 minutes 30 minutes ago; a deploy 20 minutes ago.
    func history() async throws -> HistoryStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try HistoryStore(path: folder.appendingPathComponent("history.sqlite").path)
        var results: [ProbeResult] = []
        for minute in 0..<120 {
            let down = (30..<33).contains(minute)
            results.append(result("api", secondsBeforeEnd: Double(minute) * 60 + 1, status: down ? .down : .up, ms: minute < 20 ? 80 : 20))
        }
        try await store.append(results)
        _ = try await store.add(DeployMarker(name: "deploy 1.4.2", at: end.addingTimeInterval(-1_200), source: .flag))
        return store
    }

    @Test func uptimeCountsEveryResultOfEachWindow() async throws {
        let store = try await history()
        let uptime = try await store.uptime(until: end)
        let api = try #require(uptime["api"])
        #expect(api.map(\.label) == ["1h", "24h", "7d"])
        #expect(api[0].results == 60 && api[0].failures == 3)
        #expect(api[0].percentText(decimals: 2) == "95.00%")
        #expect(api[1].results == 120 && api[1].percentText(decimals: 2) == "97.50%")
        #expect(uptime["backend"] == nil)
    }

    @Test func uptimeNeverRoundsAFailureUpToAHundredPercent() {
        #expect(Uptime(window: 604_800, results: 100_000, failures: 1).percentText(decimals: 2) == "99.99%")
        #expect(Uptime(window: 604_800, results: 10_000, failures: 1).percentText(decimals: 1) == "99.9%")
        #expect(Uptime(window: 604_800, results: 10, failures: 0).percentText(decimals: 2) == "100%")
        #expect(Uptime(window: 604_800, results: 0, failures: 0).percentText(decimals: 2) == "–")
        #expect(Uptime(window: 604_800, results: 0, failures: 0).fraction == nil)
        #expect(Uptime.standardWindows.map { Uptime(window: $0, results: 0, failures: 0).label } == ["1h", "24h", "7d"])
    }

    @Test func theTimelineSlicesTheSpanAndComparesTheNewestDeploy() async throws {
        let store = try await history()
        let timeline = try await store.timeline(start: end.addingTimeInterval(-3_600), end: end, buckets: 60, targets: ["api", "backend"])
        let api = try #require(timeline.series["api"])
        #expect(api.count == 60)
        #expect(api.reduce(0) { $0 + $1.count } == 60)
        #expect(api.reduce(0) { $0 + $1.down } == 3)
        // The outage 30-33 minutes back sits in slices 27-29 of 60 one-minute slices.
        #expect(api.indices.filter { api[$0].down > 0 } == [27, 28, 29])
        #expect(api[59].meanMs == 80 && api[0].meanMs == 20, "the last 20 minutes answered in 80ms")
        #expect(timeline.series["backend"]?.allSatisfy { $0.count == 0 } == true)
        #expect(timeline.markers.map(\.name) == ["deploy 1.4.2"])
        let deploy = try #require(timeline.deploy)
        #expect(deploy.rows.map(\.target) == ["api"])
    }

    func report() throws -> Report {
        let config = try ConfigLoader.parse(Self.config, file: "sonde.yml")
        let results = [
            result("api", secondsBeforeEnd: 1, ms: 30),
            result("backend", secondsBeforeEnd: 1, status: .down, reason: "<script>alert('x')</script><img src=x onerror=alert(1)>"),
        ]
        return Report(environment: config.environment, started: end.addingTimeInterval(-2), finished: end, rounds: 1,
                      targets: config.targets, results: results)
    }

    @Test func thePageIsSelfContainedAndDrawsEachChart() async throws {
        let store = try await history()
        let timeline = try await store.timeline(start: end.addingTimeInterval(-7_200), end: end, buckets: 120, targets: ["api", "backend"])
        var report = try report()
        report.uptime = try await store.uptime(until: end)
        let config = try ConfigLoader.parse(Self.config, file: "sonde.yml")
        let html = HTMLReport.render(report, timeline: timeline, redactor: config.redactor)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\""))
        #expect(html.components(separatedBy: "<svg class=\"chart latency\"").count - 1 == 1, "only api has results in the span")
        #expect(html.components(separatedBy: "<svg class=\"chart uptime\"").count - 1 == 2)
        #expect(html.contains("<svg class=\"chart deploy-bars\""))
        #expect(html.contains("deploy 1.4.2"))
        #expect(html.contains("goal 100ms"))
        #expect(html.contains("<td class=\"number\">95.00%</td>"))
        // The Markdown report's sections are all there, as HTML.
        #expect(html.contains("<h1>Sonde Report: staging</h1>"))
        #expect(html.contains("<h2>Service Health</h2>"))
        #expect(html.contains("<h2>Uptime</h2>"))
        #expect(html.contains("<table>\n<thead><tr><th>Service</th>"), "the service table is a table, whatever its cells hold")
        // What a service sent back is text, never markup; a password in a URL never shows.
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("hunter2secret"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
    }

    /// Seen on a screenshot: emoji drew as empty boxes without a colour-emoji font, and a deploy
    /// at the span's end had its name cut by the chart's edge.
    @Test func statusMarksNeedNoEmojiFontAndEdgeLabelsRunInward() async throws {
        let config = try ConfigLoader.parse(Self.config, file: "sonde.yml")
        let html = HTMLReport.render(try report(), timeline: nil, redactor: config.redactor)
        #expect(!html.unicodeScalars.contains { [0x2705, 0x274C].contains($0.value) }, "no emoji left in the page")
        #expect(html.contains(#"<span class="mark down" title="failing">\#u{2716}</span>"#))
        #expect(HTMLText.marks("\u{26A0}\u{FE0F} new flaky") == #"<span class="mark slow" title="warning">\#u{26A0}\#u{FE0E}</span> new flaky"#)

        let store = try await history()
        _ = try await store.add(DeployMarker(name: "1.4.3", at: end.addingTimeInterval(-10), source: .flag))
        let timeline = try await store.timeline(start: end.addingTimeInterval(-3_600), end: end, buckets: 60, targets: ["api"])
        let chart = SVGLatencyChart(buckets: try #require(timeline.series["api"]), start: timeline.start, end: timeline.end,
                                    goalMs: nil, markers: timeline.markers, title: "api").render()
        #expect(chart.contains(#"text-anchor="end">1.4.3</text>"#), "\(chart)")
        #expect(chart.contains(#"text-anchor="middle">deploy 1.4.2</text>"#))
    }

    @Test func chartsStartWhereAYoungHistoryBegins() async throws {
        let store = try await history()
        let oldest = try await store.oldestResult(from: end.addingTimeInterval(-86_400), to: end)
        #expect(oldest == end.addingTimeInterval(-(119 * 60 + 1)))
        // A 24 h span over 2 h of history draws the 2 h (from the oldest result's minute).
        let start = HistoryStore.chartStart(requested: end.addingTimeInterval(-86_400), oldest: oldest, end: end)
        #expect(start == Date(timeIntervalSince1970: ((end.timeIntervalSince1970 - 7_141) / 60).rounded(.down) * 60))
        // A span inside the history, and a history of seconds, keep the span (at least two minutes).
        #expect(HistoryStore.chartStart(requested: end.addingTimeInterval(-3_600), oldest: oldest, end: end) == end.addingTimeInterval(-3_600))
        #expect(HistoryStore.chartStart(requested: end.addingTimeInterval(-86_400), oldest: end.addingTimeInterval(-30), end: end)
                == end.addingTimeInterval(-120))
        #expect(HistoryStore.chartStart(requested: end.addingTimeInterval(-86_400), oldest: nil, end: end) == end.addingTimeInterval(-86_400))
    }

    @Test func withoutHistoryThePageSaysWhyThereAreNoCharts() throws {
        let config = try ConfigLoader.parse(Self.config, file: "sonde.yml")
        let html = HTMLReport.render(try report(), timeline: nil, redactor: config.redactor)
        #expect(html.contains("without a history file"))
        #expect(!html.contains("<svg"))
    }

    @Test func theMarkdownReportListsUptimeFromHistory() async throws {
        let store = try await history()
        var report = try report()
        report.uptime = try await store.uptime(until: end)
        let config = try ConfigLoader.parse(Self.config, file: "sonde.yml")
        let markdown = MarkdownReport.render(report, redactor: config.redactor)
        #expect(markdown.contains("## Uptime\n\n| Target | 1h | 24h | 7d |"))
        #expect(markdown.contains("| api | 95.00% | 97.50% | 97.50% |"))
        #expect(markdown.contains("| backend | – | – | – |"))
    }
}
