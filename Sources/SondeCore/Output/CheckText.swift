/// The readable table `sonde check` prints.
public enum CheckText {
    public static func render(_ summary: CheckSummary, redactor: Redactor) -> String {
        var table = TextTable(headers: ["TARGET", "KIND", "STATUS", "LATENCY", "GOAL", "REPORTED", "REASON"])
        for row in summary.rows {
            let reported = (row.last?.outcome.reported ?? [])
                .map { "\($0.name) \($0.displayValue)" }.joined(separator: ", ")
            table.add([
                row.target.name,
                row.target.kind.rawValue,
                row.status.rawValue.uppercased(),
                row.latencyMs.map { Duration.milliseconds($0).humanReadable } ?? "-",
                row.target.latencyTarget?.humanReadable ?? "-",
                reported.isEmpty ? "-" : reported,
                row.reason.map { redactor.redact($0.message) } ?? "",
            ])
        }
        let c = summary.counts
        let footer = "\(summary.environment): \(c.up) up, \(c.slow) slow, \(c.down) down"
        return redactor.redact(table.render() + "\n\n" + footer)
    }
}
