import Foundation

/// `sonde check --json`: version 1 of the schema documented in README.md.
public enum CheckJSON {
    public static func document(
        _ summary: CheckSummary, redactor: Redactor, intermittent: [Intermittency] = [], extra: [(String, JSONValue)] = []
    ) -> JSONValue {
        .object([
            ("version", .int(1)),
            ("environment", .string(summary.environment)),
            ("started", .string(Timestamp.iso8601(summary.started))),
            ("targets", .array(summary.rows.map { target($0, redactor: redactor) })),
            ("intermittent", .array(intermittent.map { flapping($0, redactor: redactor) })),
        ] + extra)
    }

    /// A target that failed k of its last n results: how many, when, and why.
    static func flapping(_ entry: Intermittency, redactor: Redactor) -> JSONValue {
        .object([
            ("name", .string(entry.target)),
            ("failures", .int(entry.failures)),
            ("window", .int(entry.window)),
            ("failed_at", .array(entry.failedAt.map { .string(Timestamp.iso8601($0)) })),
            ("reasons", .array(entry.reasons.map { .string(redactor.redact($0)) })),
        ])
    }

    public static func target(_ row: CheckSummary.Row, redactor: Redactor) -> JSONValue {
        let last = row.last?.outcome
        return .object([
            ("name", .string(row.target.name)),
            ("kind", .string(row.target.kind.rawValue)),
            ("endpoint", .string(redactor.redact(row.target.probe.displayEndpoint))),
            ("status", .string(row.status.rawValue)),
            ("latency_ms", .ms(row.latencyMs)),
            ("target_ms", .ms(row.target.latencyTarget?.milliseconds)),
            ("reason", .optional(row.reason.map { redactor.redact($0.message) })),
            ("reason_kind", .optional(row.reason?.kind.rawValue)),
            ("status_code", .optional(last?.statusCode)),
            ("reported", .object((last?.reported ?? []).map { ($0.name, .ms($0.value)) })),
            // Plugin perfdata carries its own units (s, %, B): name -> unit; a figure not named here is in ms.
            ("reported_units", .object((last?.reported ?? []).compactMap { m in m.unit.map { (m.name, JSONValue.string($0)) } })),
            ("phases_ms", .object((last?.phases ?? []).map { ($0.name, .ms($0.duration.milliseconds)) })),
            ("certificate_days_left", .optional(last?.certificateDaysLeft)),
            ("http_version", .optional(last?.httpVersion)),
            ("message", .optional(last?.message.map(redactor.redact))),
            ("trace_id", .optional(last?.traceID?.hex)),
            ("rounds", .int(row.results.count)),
            ("failures", .int(row.failures)),
            ("p50_ms", .ms(row.stats.window.p50)),
            ("p95_ms", .ms(row.stats.window.p95)),
            ("p99_ms", .ms(row.stats.window.p99)),
        ])
    }
}

public enum Timestamp {
    public static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }
}
