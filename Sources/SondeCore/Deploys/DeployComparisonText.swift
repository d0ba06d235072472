import Foundation

/// The before/after table `sonde check --watch-deploy` prints (and reports can reuse).
public enum DeployComparisonText {
    public static func render(_ comparison: DeployComparison) -> String {
        var table = TextTable(headers: ["TARGET", "BEFORE", "P50", "P95", "ERRORS", "AFTER", "P50", "P95", "ERRORS", "VERDICT"])
        for row in comparison.rows {
            table.add([row.target] + cells(row.before) + cells(row.after) + [verdict(row.verdict)])
        }
        return table.render()
    }

    public static func verdict(_ verdict: RegressionRule.Verdict) -> String {
        switch verdict {
        case .ok: "ok"
        case .regressed(let findings): "REGRESSED: " + findings.map(\.description).joined(separator: ", ")
        case .insufficient(let why): "not judged: \(why)"
        }
    }

    static func cells(_ summary: LatencySummary) -> [String] {
        [
            "\(summary.count)",
            summary.p50.map { Duration.milliseconds($0).humanReadable } ?? "-",
            summary.p95.map { Duration.milliseconds($0).humanReadable } ?? "-",
            summary.errorRate.map { RegressionRule.Finding.percent($0) } ?? "-",
        ]
    }
}
