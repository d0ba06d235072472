import Foundation

/// `sonde report --format markdown`: the report on-call engineers used to assemble by hand
/// (summary, service health, databases, WebSockets, journeys, test modules, performance and
/// the reproduction table), in that order. Sections with nothing to say are left out.
public enum MarkdownReport {
    public static func render(_ report: Report, redactor: Redactor) -> String {
        redactor.redact(sections(report).map { $0.lines.joined(separator: "\n") }.joined(separator: "\n\n")) + "\n"
    }

    /// The report's parts, by name, so the HTML report can place its charts among them.
    public enum SectionID: String, Sendable, CaseIterable {
        case header, summary, reproduction, serviceHealth, uptime, intermittent, databases, webSockets, journeys, suites, performance
    }

    /// The sections with something to say, in order; lines not yet redacted.
    public static func sections(_ report: Report) -> [(id: SectionID, lines: [String])] {
        SectionID.allCases.map { ($0, lines(of: $0, report)) }.filter { !$0.1.isEmpty }
    }

    static func lines(of section: SectionID, _ report: Report) -> [String] {
        switch section {
        case .header: header(report)
        case .summary: summary(report)
        case .reproduction: reproduction(report)
        case .serviceHealth: serviceHealth(report)
        case .uptime: uptime(report)
        case .intermittent: intermittent(report)
        case .databases: databases(report)
        case .webSockets: webSockets(report)
        case .journeys: MarkdownJourneys.section(report)
        case .suites: MarkdownSuites.section(report.suites, trends: report.suiteTrends)
        case .performance: performance(report)
        }
    }

    /// Uptime over 1 h / 24 h / 7 d from the history file; left out when there is none.
    static func uptime(_ report: Report) -> [String] {
        guard !report.uptime.isEmpty else { return [] }
        let windows = Uptime.standardWindows
        let labels = windows.map { Uptime(window: $0, results: 0, failures: 0).label }
        let rows = report.summary.rows.map { row in
            let figures = report.uptime[row.target.name] ?? []
            return [row.target.name] + windows.map { window in figures.first { $0.window == window }?.percentText(decimals: 2) ?? "–" }
        }
        return ["## Uptime", ""] + MarkdownText.table(["Target"] + labels, rows)
    }

    static func intermittent(_ report: Report) -> [String] {
        guard !report.intermittent.isEmpty else { return [] }
        return ["## Intermittent Failures", ""] + report.intermittent.map { "- **\($0.target)**: \($0.describe(time: dateText))" }
    }

    static func header(_ report: Report) -> [String] {
        let seconds = report.finished.timeIntervalSince(report.started)
        let verdict = report.problems == 0 ? "✅ all checks passing" : "❌ \(report.problems) problem\(report.problems == 1 ? "" : "s") found"
        return [
            "# Sonde Report: \(report.environment)",
            "**Date:** \(dateText(report.started))  ",
            "**Environment:** \(report.environment)  ",
            "**Rounds:** \(report.rounds) (\(Duration.milliseconds(seconds * 1000).humanReadable))  ",
            "**Result:** \(verdict)",
        ]
    }

    static func summary(_ report: Report) -> [String] {
        var lines = ["## Executive Summary"]
        let c = report.summary.counts
        if !report.summary.rows.isEmpty {
            lines.append("- **Targets:** \(c.up) up, \(c.slow) slow, \(c.down) down (of \(report.summary.rows.count))")
        }
        for run in report.latestJourneys {
            lines.append("- **Journey \(run.name):** \(MarkdownText.mark(run.status)) \(run.summary)")
        }
        for suite in report.suites {
            let rate = suite.moduleRate.map { "\(MarkdownText.percent($0)) of test modules passing " } ?? ""
            lines.append("- **Suite \(suite.name):** \(MarkdownText.mark(suite.status)) \(rate)(\(suite.summary))")
        }
        if !report.verdicts.isEmpty {
            let reproduced = report.verdicts.filter(\.reproduced).count
            lines.append("- **Expected failures:** \(reproduced)/\(report.verdicts.count) reproduced")
        }
        if let finding = criticalFinding(report) { lines.append("- **Critical finding:** \(finding)") }
        return lines
    }

    /// The first thing an engineer needs to see: the cause most tests share, else the first failure.
    static func criticalFinding(_ report: Report) -> String? {
        let groups = report.suites.flatMap(\.failureGroups).sorted { $0.count > $1.count }
        if let top = groups.first {
            return "\(MarkdownText.code(top.cause)) (\(top.spread))"
        }
        if let row = report.summary.rows.first(where: { $0.status == .down }), let reason = row.reason {
            return "\(row.target.name): \(MarkdownText.code(reason.message))"
        }
        if let run = report.latestJourneys.first(where: { $0.status == .down }), let reason = run.failureReason {
            return "journey \(run.name): \(MarkdownText.code(reason))"
        }
        return nil
    }

    static func reproduction(_ report: Report) -> [String] {
        guard !report.verdicts.isEmpty else { return [] }
        let rows = report.verdicts.map { verdict in
            [
                verdict.name, verdict.expected,
                "\(verdict.actualIsHealthy ? "✅" : "❌") \(ReproText.actual(verdict))",
                "\(verdict.reproduced ? "✅" : "❌") \(verdict.verdict)",
            ]
        }
        return ["## Reproduction Verdicts", ""] + MarkdownText.table(["Target", "Expected Failure", "Actual Result", "Verdict"], rows)
    }

    static func serviceHealth(_ report: Report) -> [String] {
        let rows = report.rows(.services)
        guard !rows.isEmpty else { return [] }
        let table = rows.map { row in
            [
                row.target.name, row.target.probe.displayEndpoint, "\(MarkdownText.mark(row.status)) \(outcomeText(row))",
                MarkdownText.ms(row.latencyMs), row.target.latencyTarget?.humanReadable ?? "-", row.reason?.message ?? "",
            ]
        }
        return ["## Service Health", ""] + MarkdownText.table(["Service", "Endpoint", "Status", "Latency", "Target", "Details"], table)
    }

    static func databases(_ report: Report) -> [String] {
        let direct = report.rows(.databases)
        let reported = report.summary.rows.flatMap { row in
            (row.last?.outcome.reported ?? []).map { (service: row.target.name, metric: $0) }
        }
        guard !direct.isEmpty || !reported.isEmpty else { return [] }
        var lines = ["## Database Status", "```"]
        for row in direct {
            let state = row.status == .down ? "Unavailable: \(row.reason?.message ?? "down")" : "Connected (\(MarkdownText.ms(row.latencyMs)) response time)"
            lines.append("\(MarkdownText.mark(row.status)) \(row.target.name) (\(row.target.kind.rawValue)): \(state)")
        }
        for (service, metric) in reported {
            lines.append("✅ \(metric.name): \(MarkdownText.ms(metric.value)) response time (reported by \(service))")
        }
        return lines + ["```"]
    }

    static func webSockets(_ report: Report) -> [String] {
        let rows = report.rows(.websockets)
        guard !rows.isEmpty else { return [] }
        var lines = ["## WebSockets", "```"]
        for row in rows {
            let endpoint = row.target.probe.displayEndpoint
            if row.status == .down {
                lines.append("❌ Connection: \(endpoint) → \(row.reason?.message ?? "failed")")
                continue
            }
            let phaseList = row.last?.outcome.phases ?? []
            // Connected means TCP, TLS and the upgrade done; the round trip is the message exchange after it.
            let setup = phaseList.filter { ["connect", "tls", "handshake"].contains($0.name) }
            let connected = setup.isEmpty ? row.latencyMs : setup.reduce(Duration.zero) { $0 + $1.duration }.milliseconds
            var line = "\(MarkdownText.mark(row.status)) Connection: \(endpoint) → Connected in \(MarkdownText.ms(connected))"
            if let trip = phaseList.first(where: { $0.name == "round_trip" }) { line += ", message round trip \(trip.duration.humanReadable)" }
            lines.append(line)
            let phases = phaseList.map { "\($0.name) \($0.duration.humanReadable)" }
            if !phases.isEmpty { lines.append("   Phases: \(phases.joined(separator: ", "))") }
            if let message = row.last?.outcome.message { lines.append("   Response: \(message.excerpt(120))") }
        }
        return lines + ["```"]
    }

    static func performance(_ report: Report) -> [String] {
        let rows = report.summary.rows.filter { $0.target.latencyTarget != nil }
        guard !rows.isEmpty else { return [] }
        var lines = ["## Performance Against Targets"]
        for row in rows {
            guard let goal = row.target.latencyTarget else { continue }
            let p95 = report.rounds > 1 ? ", p95 \(MarkdownText.ms(row.stats.window.p95))" : ""
            let met = row.latencyMs.map { $0 <= goal.milliseconds } ?? false
            let latency = row.latencyMs == nil ? "no answer" : MarkdownText.ms(row.latencyMs)
            lines.append("- \(row.target.name): \(latency)\(p95) (target: \(goal.humanReadable)) \(met ? "✅" : "❌")")
        }
        return lines
    }

    /// "200 OK", "connected", or "down" for a row's status column.
    static func outcomeText(_ row: CheckSummary.Row) -> String {
        if let code = row.last?.outcome.statusCode { return "\(code) \(HTTPStatusText.phrase(code))".trimmingCharacters(in: .whitespaces) }
        return row.status.rawValue
    }

    static func dateText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }
}
