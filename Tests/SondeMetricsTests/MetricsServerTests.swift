import Foundation
import SondeCore
import SondeMetrics
import SondeProbes
import Testing

@Suite("Metrics server: /metrics and /probe over HTTP")
struct MetricsServerTests {
    func serve(_ config: SondeConfig, store: ObservationStore) async throws -> MetricsServer.Running {
        let server = MetricsServer(
            labels: ExportLabels(config: config), onDemand: ProbeOnDemand(config: config, factory: ProbeFactory.make),
            observations: { store.current() }
        )
        return try await server.start(on: MetricsAddress(host: "127.0.0.1", port: 0))
    }

    @Test func metricsAnswerInTheFormatAsked() async throws {
        let (config, observed) = try Fixtures.fleetStore()
        let store = ObservationStore(observed)
        let running = try await serve(config, store: store)
        let text = try await Fetch.get(running.url + "/metrics")
        #expect(text.status == 200)
        #expect(text.contentType.hasPrefix("text/plain; version=0.0.4"))
        #expect(text.body.contains("# TYPE sonde_probes_total counter"))
        let open = try await Fetch.get(running.url + "/metrics", accept: "application/openmetrics-text;version=1.0.0,text/plain;q=0.5")
        #expect(open.contentType.hasPrefix("application/openmetrics-text; version=1.0.0"))
        #expect(open.body.hasSuffix("# EOF\n"))
        // A scrape reads the store without swallowing the dashboard's wake-up.
        store.record(.result(Fixtures.result("backend", sequence: 9)))
        _ = try await Fetch.get(running.url + "/metrics")
        #expect(store.hasUnseenChanges)
        await running.stop()
    }

    @Test func probeRunsTheTargetNowInBlackboxShape() async throws {
        // Another metrics server is the service probed: its index answers 200, a bare /probe 400.
        let upstream = try await serve(try Fixtures.config("targets:\n  - name: a\n    tcp: 127.0.0.1:1\n"), store: ObservationStore())
        let config = try Fixtures.config("""
            targets:
              - name: healthy api
                http: \(upstream.url)/
              - name: broken
                http: \(upstream.url)/probe
            """)
        let running = try await serve(config, store: ObservationStore())
        // Prometheus relabelling writes a space as '+' (Go's url.Values).
        let healthy = try await Fetch.get(running.url + "/probe?module=http_2xx&target=healthy+api")
        #expect(healthy.status == 200)
        #expect(healthy.body.contains("\nprobe_success 1\n"), "\(healthy.body)")
        #expect(healthy.body.contains("\nprobe_http_status_code 200\n"))
        #expect(healthy.body.contains("probe_http_duration_seconds{phase=\"connect\"}"))
        let broken = try await Fetch.get(running.url + "/probe?target=broken")
        #expect(broken.body.contains("\nprobe_success 0\n"))
        #expect(broken.body.contains("\nprobe_http_status_code 400\n"))
        let unknown = try await Fetch.get(running.url + "/probe?target=nope")
        #expect(unknown.status == 400)
        #expect(unknown.body == "unknown target 'nope': this Sonde probes healthy api, broken\n")
        let missing = try await Fetch.get(running.url + "/probe")
        #expect(missing.status == 400)
        #expect(missing.body.hasPrefix("target parameter is missing"))
        await running.stop()
        await upstream.stop()
    }

    @Test func aPortInUseIsSaidWithTheAddress() async throws {
        let config = try Fixtures.config("targets:\n  - name: a\n    tcp: 127.0.0.1:1\n")
        let first = try await serve(config, store: ObservationStore())
        let server = MetricsServer(labels: ExportLabels(config: config), onDemand: ProbeOnDemand(config: config, factory: ProbeFactory.make),
                                   observations: { Observations() })
        await #expect {
            try await server.start(on: first.address)
        } throws: { error in
            "\(error)" == "cannot serve metrics on \(first.address): the port is in use (pick another with --metrics HOST:PORT)"
        }
        await first.stop()
    }
}
