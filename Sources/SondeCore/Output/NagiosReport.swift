import Foundation

/// `sonde check --format nagios`: Sonde as a Nagios / Icinga plugin. One line, the worst state
/// first, every target's latency as perfdata (with its goal as the warning threshold), and the
/// plugin API's exit code: 0 OK, 1 WARNING (slow), 2 CRITICAL (down), 3 UNKNOWN (config error).
public enum NagiosReport {
    public static func line(_ summary: CheckSummary, redactor: Redactor) -> String {
        let state = PluginState(summary.rows.map(\.status).max() ?? .up)
        let down = summary.rows.filter { $0.status == .down }
        let slow = summary.rows.filter { $0.status == .slow }
        var text = "SONDE \(state.label) - "
        if !(down.isEmpty && slow.isEmpty) {
            let worst = down.isEmpty ? slow : down
            let word = down.isEmpty ? "slow" : "down"
            text += "\(worst.count) of \(summary.rows.count) targets \(word): "
                + worst.map { "\($0.target.name) (\($0.reason?.message ?? word))" }.joined(separator: ", ")
        } else {
            text += "\(summary.rows.count) target\(summary.rows.count == 1 ? "" : "s") up in \(summary.environment)"
        }
        // The `|` starts perfdata: a reason that contains one must not end the text early.
        text = redactor.redact(text).replacingOccurrences(of: "|", with: "/")
        let perfdata = summary.rows.compactMap { row -> String? in
            guard let ms = row.latencyMs else { return nil }
            return PerfDatum(label: row.target.name, value: (ms * 1000).rounded() / 1000, unit: "ms",
                             warn: row.target.latencyTarget.map { PerfDatum.number($0.milliseconds) }, min: 0).formatted
        }
        return perfdata.isEmpty ? text : text + " | " + perfdata.joined(separator: " ")
    }

    public static func exitCode(_ summary: CheckSummary) -> Int32 {
        PluginState(summary.rows.map(\.status).max() ?? .up).rawValue
    }

    /// For a config that cannot be read: UNKNOWN, as the plugin guidelines ask.
    public static func unknown(_ message: String) -> String {
        "SONDE UNKNOWN - " + message.replacingOccurrences(of: "|", with: "/").replacingOccurrences(of: "\n", with: "; ")
    }
}
