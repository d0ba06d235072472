/// The journeys section: each step with its status and latency, the failing step's reason.
enum MarkdownJourneys {
    static func section(_ report: Report) -> [String] {
        let latest = report.latestJourneys
        guard !latest.isEmpty else { return [] }
        var lines = ["## Journeys"]
        for run in latest {
            let share = run.total == 0 ? "" : " (\(MarkdownText.percent(Double(run.passed) / Double(run.total))) functional)"
            lines += ["", "### \(run.name): \(MarkdownText.mark(run.status)) \(run.summary)\(share)", "```"]
            lines += run.steps.enumerated().map { index, step in stepLine(index + 1, step) }
            lines.append("```")
            let runs = report.runs(of: run.name)
            if runs.count > 1 {
                let passing = runs.filter { $0.status != .down }.count
                lines.append("Passed \(passing) of \(runs.count) runs.")
            }
        }
        return lines
    }

    static func stepLine(_ number: Int, _ step: JourneyResult.StepResult) -> String {
        guard let result = step.result else { return "⏭️ \(number). \(step.name) (skipped: an earlier step failed)" }
        let latency = result.latency.map { $0.humanReadable }
        if let reason = result.reason {
            return "❌ \(number). \(step.name) (\(reason.message)\(latency.map { ", \($0)" } ?? ""))"
        }
        return "\(MarkdownText.mark(result.status)) \(number). \(step.name) (\(latency ?? "-"))"
    }
}
