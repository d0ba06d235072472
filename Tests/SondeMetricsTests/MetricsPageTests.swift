import Foundation
import SondeCore
@testable import SondeMetrics
import Testing

@Suite("/metrics page")
struct MetricsPageTests {
    func text(_ observed: Observations, _ config: SondeConfig, _ format: ExpositionFormat = .text) -> String {
        String(decoding: MetricsPage.render(observed, labels: ExportLabels(config: config), format: format), as: UTF8.self)
    }

    @Test func blackboxNamesAndSondeFiguresAreThere() throws {
        let (config, observed) = try Fixtures.fleetStore()
        let page = text(observed, config)
        let labels = #"target="backend",kind="http",environment="staging",location="eu-west""#
        #expect(page.contains("probe_success{\(labels)} 1\n"))
        #expect(page.contains(#"probe_success{target="db",kind="postgres",environment="staging",location="eu-west"} 0"#))
        #expect(page.contains("probe_duration_seconds{\(labels)} 0.03\n"))
        #expect(page.contains("probe_http_status_code{\(labels)} 200\n"))
        #expect(page.contains("probe_ssl_earliest_cert_expiry{\(labels)} 1800000000\n"))
        #expect(page.contains("probe_dns_lookup_time_seconds{\(labels)} 0.001\n"))
        // blackbox's phase names for HTTP; the total is probe_duration_seconds, not a phase.
        for phase in ["resolve", "connect", "tls", "processing", "transfer"] {
            #expect(page.contains("probe_http_duration_seconds{\(labels),phase=\"\(phase)\"}"), "\(phase)")
        }
        #expect(!page.contains("phase=\"total\""))
        #expect(page.contains(#"sonde_websocket_duration_seconds{target="chat",kind="websocket",environment="staging",location="eu-west",phase="round_trip"} 0.003"#))
        #expect(page.contains(#"sonde_database_duration_seconds{target="db",kind="postgres",environment="staging",location="eu-west",phase="connect"} 0.001"#))
        #expect(page.contains("sonde_probes_total{\(labels)} 3\n"))
        #expect(page.contains(#"sonde_probe_failures_total{target="db",kind="postgres",environment="staging",location="eu-west"} 3"#))
        #expect(page.contains("sonde_status{\(labels),status=\"up\"} 1\n"))
        #expect(page.contains("sonde_status{\(labels),status=\"down\"} 0\n"))
        // 10, 20 and 30 ms: 1 at le=0.01, 2 at 0.025, 3 from 0.05 on.
        #expect(page.contains("sonde_latency_seconds_bucket{\(labels),le=\"0.01\"} 1\n"))
        #expect(page.contains("sonde_latency_seconds_bucket{\(labels),le=\"0.025\"} 2\n"))
        #expect(page.contains("sonde_latency_seconds_bucket{\(labels),le=\"+Inf\"} 3\n"))
        #expect(page.contains("sonde_latency_seconds_count{\(labels)} 3\n"))
        #expect(page.contains(#"sonde_reported_seconds{target="backend",metric="postgres",environment="staging",location="eu-west"} 0.1015"#))
        #expect(page.contains(#"sonde_journey_steps_passed{journey="golden",environment="staging",location="eu-west"} 1"#))
        #expect(page.contains(#"sonde_journey_steps{journey="golden",environment="staging",location="eu-west"} 2"#))
        #expect(page.contains(#"sonde_journey_step_success{journey="golden",environment="staging",location="eu-west",step="chat"} 0"#))
        #expect(page.contains(#"sonde_deploy_timestamp_seconds{deploy="v2 \"quoted\"",source="manual",environment="staging",location="eu-west"} 1796000000"#))
    }

    @Test func secretsNeverReachThePage() throws {
        // A target named after its own password is contrived, but a ${VAR} in a name is not.
        let yaml = """
            targets:
              - name: db-${DB_PASSWORD}
                postgres: postgres://sonde:${DB_PASSWORD}@127.0.0.1:1/app
            """
        let config = try Fixtures.config(yaml, environment: ["DB_PASSWORD": "s3cret-value"])
        var observed = Observations()
        observed.record(.result(Fixtures.result("db-s3cret-value", kind: .postgres, status: .down, latencyMs: nil, phases: [], statusCode: nil,
                                                failure: FailureReason(.auth, "bad password s3cret-value"))))
        for format in [ExpositionFormat.text, .openMetrics] {
            let page = text(observed, config, format)
            #expect(!page.contains("s3cret-value"))
            #expect(page.contains(#"probe_success{target="db-***",kind="postgres",environment="default"} 0"#))
        }
    }

    @Test func promtoolAcceptsThePage() async throws {
        guard let promtool = Promtool.path else {
            try #require(!Promtool.required, "promtool is required (SONDE_REQUIRE_SERVICES=1): apt-get install prometheus")
            return
        }
        let (config, observed) = try Fixtures.fleetStore()
        let result = try await Promtool.checkMetrics(promtool, page: MetricsPage.render(observed, labels: ExportLabels(config: config), format: .text))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.isEmpty, "promtool's lint: \(result.output)")
    }

    @Test func openMetricsPageEndsWithEOFAndNamesCountersWithoutTotal() throws {
        let (config, observed) = try Fixtures.fleetStore()
        let page = text(observed, config, .openMetrics)
        #expect(page.hasSuffix("# EOF\n"))
        #expect(page.contains("# TYPE sonde_probes counter\n"))
        #expect(page.contains("# TYPE sonde_latency_seconds histogram\n"))
    }

    /// Every family describes one moment: a burst of results that always lands on every target
    /// at once must never show two targets with different probe counts on one page.
    @Test func aScrapeDuringABurstIsConsistent() async throws {
        let targets = (0..<50).map { "t\($0)" }
        let config = try Fixtures.config("targets:\n" + targets.map { "  - name: \($0)\n    tcp: 127.0.0.1:1\n" }.joined())
        let store = ObservationStore()
        let labels = ExportLabels(config: config)
        let writer = Task.detached {
            for round in 1...300 {
                store.mutate { observed in
                    for name in targets { observed.record(.result(Fixtures.result(name, kind: .tcp, sequence: round))) }
                }
            }
        }
        var pages = 0
        while pages < 40 {
            let page = String(decoding: MetricsPage.render(store.current(), labels: labels, format: .text), as: UTF8.self)
            let counts = Set(page.split(separator: "\n").filter { $0.hasPrefix("sonde_probes_total{") }.compactMap { $0.split(separator: " ").last })
            #expect(counts.count <= 1, "one page, several moments: \(counts)")
            pages += 1
            await Task.yield()
        }
        await writer.value
        let last = String(decoding: MetricsPage.render(store.current(), labels: labels, format: .text), as: UTF8.self)
        #expect(last.contains(#"sonde_probes_total{target="t49",kind="tcp",environment="default"} 300"#))
    }
}
