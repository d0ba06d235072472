import Foundation
import SondeCore
import SondeHistory

/// The text of `sonde history`, read from the store.
struct HistoryText {
    let store: HistoryStore
    let settings: HistorySettings
    let since: Date
    let span: Duration
    let target: String?

    /// `--alerts`: every alert event in the span, oldest first.
    func renderAlerts() async throws(HistoryError) -> String {
        let notices = try await store.alerts(since: since).filter { target == nil || $0.subject == target }
        guard !notices.isEmpty else { return "No alerts\(target.map { " for \($0)" } ?? "") in the last \(span.humanReadable)." }
        var table = TextTable(headers: ["TIME", "RULE", "TARGET", "STATE", "SINCE", "CHANNELS", "REASON"])
        for notice in notices {
            let state = notice.reminder ? "reminder" : notice.state.rawValue
            table.add([HistoryTime.clock(notice.at), notice.rule, notice.subject, state, HistoryTime.clock(notice.since),
                       notice.channels.joined(separator: ","), notice.reason])
        }
        return "Alerts in the last \(span.humanReadable):\n" + table.render()
    }

    func render(failuresOnly: Bool, limit: Int) async throws(HistoryError) -> String {
        let summaries = try await store.summaries(since: since, target: target)
        guard !summaries.isEmpty else {
            return "No results\(target.map { " for \($0)" } ?? "") in the last \(span.humanReadable)."
        }
        var parts = [summaryTable(summaries)]
        let recent = try await store.recent(perTarget: settings.flapWindow, since: since, target: target)
        let flapping = intermittent(recent)
        if !flapping.isEmpty { parts.append("Intermittent:\n" + flapping.joined(separator: "\n")) }
        let markers = try await store.markers(since: since)
        if !markers.isEmpty {
            parts.append("Deploys:\n" + markers.map { "  \(HistoryTime.clock($0.at))  \($0.summary) [\($0.source.rawValue)]" }.joined(separator: "\n"))
        }
        if failuresOnly {
            parts.append(failureWindows(try await store.failureWindows(since: since, target: target)))
        } else if limit > 0 {
            parts.append(resultsTable(try await store.results(since: since, target: target).suffix(limit)))
        }
        return parts.joined(separator: "\n\n")
    }

    private func summaryTable(_ summaries: [(target: String, summary: LatencySummary)]) -> String {
        var table = TextTable(headers: ["TARGET", "RESULTS", "DOWN", "ERRORS", "P50", "P95", "P99"])
        for (name, s) in summaries {
            table.add([name, "\(s.count)", "\(s.failures)", s.errorRate.map { String(format: "%.1f%%", $0) } ?? "-",
                       ms(s.p50), ms(s.p95), ms(s.p99)])
        }
        return "Last \(span.humanReadable):\n" + table.render()
    }

    private func intermittent(_ recent: [ProbeResult]) -> [String] {
        Dictionary(grouping: recent, by: \.target).sorted { $0.key < $1.key }.compactMap { name, mine in
            IntermittencyDetector.assess(mine, failures: settings.flapFailures, window: settings.flapWindow)
                .map { "  \(name): \($0.describe(time: HistoryTime.clock))" }
        }
    }

    private func failureWindows(_ windows: [FailureWindow]) -> String {
        guard !windows.isEmpty else { return "No failures." }
        var table = TextTable(headers: ["TARGET", "FROM", "TO", "PROBES", "RECOVERED", "REASONS"])
        for window in windows {
            let reasons = window.reasons.map { $0.count > 1 ? "\($0.message) ×\($0.count)" : $0.message }
            table.add([window.target, HistoryTime.clock(window.start), HistoryTime.clock(window.end), "\(window.count)",
                       window.recoveredAt.map(HistoryTime.clock) ?? "still failing", reasons.joined(separator: "; ")])
        }
        return "Failure windows:\n" + table.render()
    }

    private func resultsTable(_ results: ArraySlice<ProbeResult>) -> String {
        var table = TextTable(headers: ["TIME", "TARGET", "STATUS", "LATENCY", "CODE", "VERSION", "REASON"])
        for result in results {
            table.add([HistoryTime.clock(result.startedAt), result.target, result.status.rawValue.uppercased(),
                       ms(result.latency?.milliseconds), result.outcome.statusCode.map(String.init) ?? "-",
                       result.outcome.version ?? "-", result.reason?.message ?? ""])
        }
        return "Results (newest \(results.count)):\n" + table.render()
    }

    private func ms(_ value: Double?) -> String {
        value.map { Duration.milliseconds($0).humanReadable } ?? "-"
    }
}
