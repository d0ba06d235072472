import Foundation
import SondeCore

/// `/metrics`: one page from one snapshot of the store, so a scrape in the middle of a burst of
/// results is still consistent (every family describes the same moment). Counters and the
/// histogram are the store's own cumulative figures; nothing here keeps state between scrapes.
public enum MetricsPage {
    public static func render(_ observed: Observations, labels: ExportLabels, format: ExpositionFormat) -> [UInt8] {
        var page = ExpositionWriter(format: format, reservingCapacity: 2048 + labels.targets.count * 1600)
        let seen = labels.targets.compactMap { target in observed[target: target.name].map { (target.labels, $0) } }

        ResultFamilies.write(seen.compactMap { labels, stats in stats.last.map { ResultFamilies.Row(labels: labels, result: $0) } }, into: &page)
        writeTargetTotals(seen, observed: observed, into: &page)
        writeReported(observed, labels: labels, into: &page)
        writeJourneys(observed, labels: labels, into: &page)
        writeSuites(observed, labels: labels, into: &page)
        writeDeploys(observed, labels: labels, into: &page)
        page.finish()
        return page.bytes
    }

    private static func writeTargetTotals(_ seen: [(LabelSet, TargetStats)], observed: Observations, into page: inout ExpositionWriter) {
        page.family("sonde_status", .gauge, help: "The target's latest verdict: 1 for the status it has (up, slow or down), 0 for the others.")
        for (labels, stats) in seen {
            guard let status = stats.last?.status else { continue }
            for candidate in Status.allCases { page.sample("sonde_status", labels, [("status", candidate.rawValue)], candidate == status ? 1 : 0) }
        }
        page.family("sonde_probes", .counter, help: "Probes of the target since Sonde started.")
        for (labels, stats) in seen { page.counter("sonde_probes", labels, [], stats.count) }
        page.family("sonde_probe_failures", .counter, help: "Probes of the target that were down since Sonde started.")
        for (labels, stats) in seen { page.counter("sonde_probe_failures", labels, [], stats.failures) }
        page.family("sonde_latency_seconds", .histogram, help: "Latency of the target's answered probes since Sonde started.")
        for (labels, stats) in seen {
            let histogram = stats.histogram
            page.histogram("sonde_latency_seconds", labels, bounds: LatencyHistogram.bounds, cumulative: histogram.cumulative, sum: histogram.sum, count: histogram.count)
        }
        page.family("sonde_last_probe_timestamp_seconds", .gauge, help: "When the target's latest probe started, in Unix seconds.")
        for (labels, stats) in seen {
            if let last = stats.last { page.sample("sonde_last_probe_timestamp_seconds", labels, [], last.startedAt.timeIntervalSince1970) }
        }
        page.family("sonde_intermittent", .gauge, help: "1 while the target fails some of its recent probes and answers others (history: flap_failures of flap_window).")
        for (labels, stats) in seen { page.sample("sonde_intermittent", labels, [], observed.intermittency(stats.name) == nil ? 0 : 1) }
    }

    private static func writeReported(_ observed: Observations, labels: ExportLabels, into page: inout ExpositionWriter) {
        guard !observed.reportedKeys.isEmpty else { return }
        page.family("sonde_reported_seconds", .gauge, help: "The latest figure a service reports about a dependency (report:), in seconds.")
        for key in observed.reportedKeys {
            guard let value = observed.reportedHistory[key]?.last else { continue }
            page.sample("sonde_reported_seconds", labels.named("target", key.service, [("metric", key.metric)]), [], value / 1000)
        }
    }

    private static func writeJourneys(_ observed: Observations, labels: ExportLabels, into page: inout ExpositionWriter) {
        let journeys = observed.journeys.values.sorted { $0.name < $1.name }
        guard !journeys.isEmpty else { return }
        let named = journeys.map { (labels.named("journey", $0.name), $0) }
        page.family("sonde_journey_success", .gauge, help: "Whether the journey's latest run passed every step.")
        for (set, journey) in named { page.sample("sonde_journey_success", set, [], journey.status == .down ? 0 : 1) }
        page.family("sonde_journey_steps_passed", .gauge, help: "Steps of the journey's latest run that passed.")
        for (set, journey) in named { page.sample("sonde_journey_steps_passed", set, [], Double(journey.passed)) }
        page.family("sonde_journey_steps", .gauge, help: "Steps in the journey.")
        for (set, journey) in named { page.sample("sonde_journey_steps", set, [], Double(journey.total)) }
        page.family("sonde_journey_duration_seconds", .gauge, help: "How long the journey's latest run took.")
        for (set, journey) in named { page.sample("sonde_journey_duration_seconds", set, [], journey.latency.seconds) }
        page.family("sonde_journey_step_success", .gauge, help: "Whether each step of the journey's latest run passed (skipped steps are 0).")
        for (set, journey) in named {
            for step in journey.steps {
                let passed = step.result.map { $0.status != .down } ?? false
                page.sample("sonde_journey_step_success", set, [("step", labels.redact(step.name))], passed ? 1 : 0)
            }
        }
    }

    private static func writeSuites(_ observed: Observations, labels: ExportLabels, into page: inout ExpositionWriter) {
        let suites = observed.suiteOrder.compactMap { observed.suites[$0] }
        guard !suites.isEmpty else { return }
        let named = suites.map { (labels.named("suite", $0.name), $0) }
        page.family("sonde_suite_modules_passing", .gauge, help: "Modules of the suite with no failed or errored test.")
        for (set, suite) in named { page.sample("sonde_suite_modules_passing", set, [], Double(suite.passingModules)) }
        page.family("sonde_suite_modules", .gauge, help: "Modules in the suite's latest results.")
        for (set, suite) in named { page.sample("sonde_suite_modules", set, [], Double(suite.modules.count)) }
        page.family("sonde_suite_tests", .gauge, help: "Tests in the suite's latest results, by result.")
        for (set, suite) in named {
            for (result, count) in [("passed", suite.passed), ("failed", suite.failed), ("error", suite.errors), ("skipped", suite.skipped)] {
                page.sample("sonde_suite_tests", set, [("result", result)], Double(count))
            }
        }
    }

    private static func writeDeploys(_ observed: Observations, labels: ExportLabels, into page: inout ExpositionWriter) {
        // The latest marker only: a series per deploy name would grow without end.
        guard let marker = observed.markers.last else { return }
        page.family("sonde_deploy_timestamp_seconds", .gauge, help: "When the latest deploy marker was placed, in Unix seconds; its name is the deploy label.")
        let set = LabelSet([("deploy", labels.redact(marker.name)), ("source", marker.source.rawValue)] + labels.base)
        page.sample("sonde_deploy_timestamp_seconds", set, [], marker.at.timeIntervalSince1970)
    }
}
