import ArgumentParser
import Foundation
import Prometheus
import SondeCore
import SondeMetrics

/// What exposition costs: the time and size of a /metrics page over N targets, read from the
/// store at scrape time, and what a result costs on its way there. The reference in the same
/// run is swift-prometheus 2.4.1 two ways: a registry built from the same snapshot per scrape
/// (what reading the store at scrape time asks of it), and a long-lived registry updated on
/// every result (its own idiom, which keeps a second copy of the results).
struct ExpositionCost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "exposition", abstract: "Scrape time and size of /metrics, and exposition cost per result.")

    @Option var targets = 1000
    @Option var scrapes = 20
    @Option(help: "Results recorded for the per-result figures.") var results = 200_000

    func run() async throws {
        let names = (0..<targets).map { String(format: "svc-%05d", $0) }
        guard let url = URL(string: "https://api.example.com/health") else { throw ValidationError("bad URL") }
        let config = SondeConfig(
            environment: "staging",
            targets: names.map { Target(name: $0, interval: .seconds(5), timeout: .seconds(3), probe: .http(HTTPSpec(url: url))) },
            location: "eu-west"
        )
        let start = Date()
        let sample = { (i: Int) -> ProbeResult in
            let ms = 1 + Double((i &* 2_654_435_761) % 5000) / 100
            var outcome = ProbeOutcome(
                latency: .microseconds(Int64(ms * 1000)),
                phases: [("dns", 0.1), ("connect", 0.2), ("tls", 0.3), ("first_byte", 0.3), ("transfer", 0.1), ("total", 1.0)]
                    .map { PhaseTiming($0.0, .microseconds(Int64(ms * 1000 * $0.1))) },
                statusCode: i % 97 == 0 ? 503 : 200
            )
            outcome.certificate = CertificateFacts(subject: "bench", notAfter: start.addingTimeInterval(86_400 * 60))
            return ProbeResult(target: names[i % names.count], kind: .http, status: i % 97 == 0 ? .down : .up, outcome: outcome,
                               latencyTarget: nil, startedAt: start.addingTimeInterval(Double(i) / 1000), sequence: i / names.count + 1)
        }
        let inputs = (0..<results).map(sample)

        // Per result: recording into the store (counters and histogram included) against the
        // long-lived swift-prometheus registry updated with the same figures.
        let store = ObservationStore()
        let storeClock = ContinuousClock.now
        for result in inputs { store.record(.result(result)) }
        let storeNs = (ContinuousClock.now - storeClock).seconds * 1e9 / Double(results)
        let live = LiveRegistry(names: names, config: config)
        let liveClock = ContinuousClock.now
        for result in inputs { live.observe(result) }
        let liveNs = (ContinuousClock.now - liveClock).seconds * 1e9 / Double(results)

        let labels = ExportLabels(config: config)
        let observed = store.current()
        var sondeTimes: [Double] = [], openTimes: [Double] = [], perScrapeTimes: [Double] = [], liveEmitTimes: [Double] = []
        var sondeBytes = 0, openBytes = 0, referenceBytes = 0, liveBytes = 0
        for _ in 0..<scrapes {
            var clock = ContinuousClock.now
            sondeBytes = MetricsPage.render(store.current(), labels: labels, format: .text).count
            sondeTimes.append((ContinuousClock.now - clock).seconds * 1000)
            clock = ContinuousClock.now
            openBytes = MetricsPage.render(store.current(), labels: labels, format: .openMetrics).count
            openTimes.append((ContinuousClock.now - clock).seconds * 1000)
            clock = ContinuousClock.now
            referenceBytes = PerScrapeRegistry.render(observed, config: config).count
            perScrapeTimes.append((ContinuousClock.now - clock).seconds * 1000)
            clock = ContinuousClock.now
            liveBytes = live.registry.emitToBuffer().count
            liveEmitTimes.append((ContinuousClock.now - clock).seconds * 1000)
        }
        let sondeMs = median(sondeTimes)
        print("""
        targets=\(targets) scrapes=\(scrapes) results=\(results)
        sonde /metrics text:        median_ms=\(format(sondeMs)) bytes=\(sondeBytes) bytes_per_target=\(sondeBytes / max(targets, 1))
        sonde /metrics openmetrics: median_ms=\(format(median(openTimes))) bytes=\(openBytes)
        swift-prometheus, registry built per scrape from the snapshot (no histogram): median_ms=\(format(median(perScrapeTimes))) bytes=\(referenceBytes) ratio_to_sonde=\(format(median(perScrapeTimes) / sondeMs, 1))x
        swift-prometheus, long-lived registry, emit only: median_ms=\(format(median(liveEmitTimes))) bytes=\(liveBytes) ratio_to_sonde=\(format(median(liveEmitTimes) / sondeMs, 2))x
        per result: store.record (counters + histogram included) ns=\(format(storeNs, 0)); swift-prometheus live registry update ns=\(format(liveNs, 0)) (on top of the store, which it would not replace)
        """)
    }
}

/// The families Sonde's page has, minus the histogram (a swift-prometheus histogram can only be
/// fed observations, not set from cumulative counts), built into a fresh registry per scrape.
enum PerScrapeRegistry {
    static func render(_ observed: Observations, config: SondeConfig) -> [UInt8] {
        let registry = PrometheusCollectorRegistry()
        for target in config.targets {
            guard let stats = observed[target: target.name], let last = stats.last else { continue }
            let labels = [("target", target.name), ("kind", target.kind.rawValue), ("environment", config.environment), ("location", config.location ?? "")]
            LiveRegistry.set(registry, labels: labels, result: last)
            registry.makeCounter(name: "sonde_probes_total", labels: labels).increment(by: Int64(stats.count))
            registry.makeCounter(name: "sonde_probe_failures_total", labels: labels).increment(by: Int64(stats.failures))
            registry.makeGauge(name: "sonde_intermittent", labels: labels).set(to: observed.intermittency(target.name) == nil ? 0 : 1)
        }
        return registry.emitToBuffer()
    }
}

/// swift-prometheus as its README uses it: metrics made once, updated on every result.
final class LiveRegistry: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let labels: [String: [(String, String)]]
    private let probes: [String: Counter]
    private let latency: [String: DurationHistogram]

    init(names: [String], config: SondeConfig) {
        var labels: [String: [(String, String)]] = [:]
        var probes: [String: Counter] = [:]
        var latency: [String: DurationHistogram] = [:]
        let buckets = LatencyHistogram.bounds.map { Duration.milliseconds(Int64($0 * 1000)) }
        for name in names {
            let set = [("target", name), ("kind", "http"), ("environment", config.environment), ("location", config.location ?? "")]
            labels[name] = set
            probes[name] = registry.makeCounter(name: "sonde_probes_total", labels: set)
            latency[name] = registry.makeDurationHistogram(name: "sonde_latency_seconds", labels: set, buckets: buckets)
        }
        self.labels = labels
        self.probes = probes
        self.latency = latency
    }

    func observe(_ result: ProbeResult) {
        guard let set = labels[result.target] else { return }
        Self.set(registry, labels: set, result: result)
        probes[result.target]?.increment()
        if let value = result.latency { latency[result.target]?.record(value) }
    }

    static func set(_ registry: PrometheusCollectorRegistry, labels: [(String, String)], result: ProbeResult) {
        registry.makeGauge(name: "probe_success", labels: labels).set(to: result.status == .down ? 0 : 1)
        registry.makeGauge(name: "probe_duration_seconds", labels: labels).set(to: result.latency?.seconds ?? 0)
        registry.makeGauge(name: "probe_http_status_code", labels: labels).set(to: Double(result.outcome.statusCode ?? 0))
        registry.makeGauge(name: "probe_ssl_earliest_cert_expiry", labels: labels).set(to: result.outcome.certificate?.notAfter.timeIntervalSince1970 ?? 0)
        registry.makeGauge(name: "probe_dns_lookup_time_seconds", labels: labels).set(to: result.outcome.phase("dns")?.seconds ?? 0)
        for phase in result.outcome.phases where phase.name != "total" {
            registry.makeGauge(name: "probe_http_duration_seconds", labels: labels + [("phase", phase.name)]).set(to: phase.duration.seconds)
        }
        for status in Status.allCases {
            registry.makeGauge(name: "sonde_status", labels: labels + [("status", status.rawValue)]).set(to: status == result.status ? 1 : 0)
        }
        registry.makeGauge(name: "sonde_last_probe_timestamp_seconds", labels: labels).set(to: result.startedAt.timeIntervalSince1970)
    }
}
