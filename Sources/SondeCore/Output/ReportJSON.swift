import Foundation

/// `sonde report --format json`: the `sonde check --json` document (version 1, every field kept)
/// extended with `finished`, `rounds`, `journeys`, `suites` and `expected_failures`
/// (docs/json-schema.md).
public enum ReportJSON {
    public static func document(_ report: Report, redactor: Redactor) -> JSONValue {
        CheckJSON.document(report.summary, redactor: redactor, intermittent: report.intermittent, extra: [
            ("finished", .string(Timestamp.iso8601(report.finished))),
            ("rounds", .int(report.rounds)),
            ("journeys", .array(report.latestJourneys.map { journey($0, runs: report.runs(of: $0.name), redactor: redactor) })),
            ("suites", .array(report.suites.map { suite($0, trends: report.suiteTrends[$0.name] ?? [:], redactor: redactor) })),
            ("expected_failures", .array(report.verdicts.map { verdict($0, redactor: redactor) })),
            ("uptime", uptime(report)),
        ])
    }

    /// `{"backend": {"1h": 0.9995, "24h": 1, "7d": null}}`: fractions from history; `{}` without it.
    static func uptime(_ report: Report) -> JSONValue {
        .object(report.summary.rows.compactMap { row in
            report.uptime[row.target.name].map { figures in
                (row.target.name, .object(figures.map { ($0.label, .optional($0.fraction)) }))
            }
        })
    }

    static func journey(_ run: JourneyResult, runs: [JourneyResult], redactor: Redactor) -> JSONValue {
        .object([
            ("name", .string(run.name)),
            ("status", .string(run.status.rawValue)),
            ("summary", .string(run.summary)),
            ("passed_steps", .int(run.passed)),
            ("total_steps", .int(run.total)),
            ("latency_ms", .ms(run.latency.milliseconds)),
            ("failure_reason", .optional(run.failureReason.map(redactor.redact))),
            ("runs", .int(runs.count)),
            ("passed_runs", .int(runs.filter { $0.status != .down }.count)),
            ("trace_id", .optional(run.traceID?.hex)),
            ("steps", .array(run.steps.map { step($0, redactor: redactor) })),
        ])
    }

    static func step(_ step: JourneyResult.StepResult, redactor: Redactor) -> JSONValue {
        let result = step.result
        return .object([
            ("name", .string(step.name)),
            ("target", .optional(result?.target)),
            ("kind", .optional(result?.kind.rawValue)),
            ("status", .string(step.statusText)),
            ("latency_ms", .ms(result?.latency?.milliseconds)),
            ("status_code", .optional(result?.outcome.statusCode)),
            ("reason", .optional(result?.reason.map { redactor.redact($0.message) })),
            ("reason_kind", .optional(result?.reason?.kind.rawValue)),
            ("trace_id", .optional(result?.traceID?.hex)),
        ])
    }

    static func suite(_ suite: SuiteResult, trends: [String: ModuleTrend] = [:], redactor: Redactor) -> JSONValue {
        let delta = SuiteRunDelta(suite.modules.compactMap { trends[$0.name] })
        return .object([
            ("name", .string(suite.name)),
            ("status", .string(suite.status.rawValue)),
            ("summary", .string(suite.summary)),
            ("error", .optional(suite.error.map(redactor.redact))),
            ("read_at", .string(Timestamp.iso8601(suite.readAt))),
            ("files", .array(suite.files.map { .string($0) })),
            ("exit_status", .optional(suite.exitStatus.map(Int.init))),
            ("passing_modules", .int(suite.passingModules)),
            ("total_modules", .int(suite.modules.count)),
            ("tests", .int(suite.tests)),
            ("passed", .int(suite.passed)),
            ("failed", .int(suite.failed)),
            ("errors", .int(suite.errors)),
            ("skipped", .int(suite.skipped)),
            ("flaky", .int(suite.flakyTests.count)),
            ("modules", .array(suite.modules.map { module($0, trend: trends[$0.name], redactor: redactor) })),
            ("failure_groups", .array(suite.failureGroups.map { group($0, redactor: redactor) })),
            ("flaky_tests", .array(suite.flakyTests.map { flaky($0, redactor: redactor) })),
            ("newly_failing", .array((delta?.newlyFailing ?? []).map { .string($0) })),
            ("fixed", .array((delta?.fixed ?? []).map { .string($0) })),
            ("newly_flaky", .array((delta?.newlyFlaky ?? []).map { .string($0) })),
        ])
    }

    static func module(_ module: ModuleResult, trend: ModuleTrend? = nil, redactor: Redactor) -> JSONValue {
        .object([
            ("name", .string(module.name)),
            ("passing", .bool(module.isPassing)),
            ("passed", .int(module.passed)),
            ("failed", .int(module.failed)),
            ("errors", .int(module.errors)),
            ("skipped", .int(module.skipped)),
            ("duration_s", .number((module.durationSeconds * 1000).rounded() / 1000)),
            ("failed_tests", .array(module.failedTests.map { .string($0) })),
            ("flaky_tests", .array(module.flaky.map { flaky($0, redactor: redactor) })),
            ("standing", .optional(trend?.standing.key)),
            ("failing_since", .optional(trend?.standing.failingSince.map { Timestamp.iso8601($0) })),
            ("failing_runs", .optional(trend?.standing.failingRuns)),
            ("pass_rates", .array((trend?.passRates ?? []).map { rate in rate.map { .number(($0 * 1000).rounded() / 1000) } ?? .null })),
        ])
    }

    /// A test that passed on a rerun; `tries` counts the passing one.
    static func flaky(_ test: FlakyTest, redactor: Redactor) -> JSONValue {
        .object([
            ("module", .string(test.module)),
            ("name", .string(test.name)),
            ("tries", .int(test.tries)),
            ("cause", .optional(test.cause.map(redactor.redact))),
        ])
    }

    static func group(_ group: FailureGroup, redactor: Redactor) -> JSONValue {
        .object([
            ("cause", .string(redactor.redact(group.cause))),
            ("count", .int(group.count)),
            ("modules", .array(group.modules.map { .string($0) })),
            ("tests", .array(group.tests.map { .string($0) })),
        ])
    }

    static func verdict(_ verdict: ReproVerdict, redactor: Redactor) -> JSONValue {
        .object([
            ("name", .string(verdict.name)),
            ("subject", .string(verdict.subject.rawValue)),
            ("expected", .string(verdict.expected)),
            ("actual", .string(redactor.redact(verdict.actual))),
            ("verdict", .string(verdict.verdict)),
            ("reproduced", .bool(verdict.reproduced)),
            ("reproduced_rounds", .int(verdict.reproducedRounds)),
            ("rounds", .int(verdict.rounds)),
        ])
    }
}
