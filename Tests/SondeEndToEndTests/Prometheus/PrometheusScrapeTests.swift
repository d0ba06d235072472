import Foundation
import Testing

/// A real Prometheus scrapes two agents in two locations and probes through one of them in
/// blackbox_exporter's multi-target style; everything is asserted through its query API.
@Suite("Prometheus scrapes sonde agents", .serialized)
struct PrometheusScrapeTests {
    @Test(.enabled(if: PrometheusServer.shouldRun, "prometheus is not installed (apt-get install prometheus)"))
    func twoLocationsAndTheProbeJob() async throws {
        let directory = try ScratchDirectory.make("prometheus")
        defer { ScratchDirectory.remove(directory) }
        let upstream = try await StatusServer.start()
        defer { upstream.task.cancel() }
        let base = "http://127.0.0.1:\(upstream.port)"
        // The same target names in both places; `api` is broken only as seen from us-east.
        let agents = try await LocationAgents.start(in: directory, upstream: base, apiPaths: [("eu-west", "/ok"), ("us-east", "/fail")])
        let eu = try #require(agents.byLocation["eu-west"])
        let prometheus = try await PrometheusServer.start(config: """
            global: { scrape_interval: 1s, scrape_timeout: 900ms }
            scrape_configs:
              - job_name: sonde
                static_configs: [{ targets: [\(agents.scrapeTargets)] }]
              - job_name: blackbox
                metrics_path: /probe
                params: { module: [http_2xx] }
                static_configs: [{ targets: [web, api] }]
                relabel_configs:
                  - { source_labels: [__address__], target_label: __param_target }
                  - { source_labels: [__param_target], target_label: instance }
                  - { target_label: __address__, replacement: "127.0.0.1:\(eu.port)" }
            """, in: directory)

        let api = try await prometheus.await(#"probe_success{job="sonde",target="api"}"#) { $0.count == 2 }
        #expect(api.first { $0.labels["location"] == "eu-west" }?.value == "1", "\(api)")
        #expect(api.first { $0.labels["location"] == "us-east" }?.value == "0", "\(api)")
        #expect(api.allSatisfy { $0.labels["environment"] == "staging" && $0.labels["kind"] == "http" })
        let web = try await prometheus.query(#"probe_success{job="sonde",target="web"}"#)
        #expect(web.map(\.value) == ["1", "1"], "\(web)")
        let phases = try await prometheus.query(#"probe_http_duration_seconds{job="sonde",location="eu-west",target="web"}"#)
        #expect(Set(phases.compactMap { $0.labels["phase"] }).isSuperset(of: ["connect", "processing", "transfer"]), "\(phases)")
        let codes = try await prometheus.query(#"probe_http_status_code{job="sonde",location="us-east",target="api"}"#)
        #expect(codes.map(\.value) == ["503"])
        // Cumulative figures come through as a counter and a histogram Prometheus can work with.
        let rate = try await prometheus.await(#"sum(rate(sonde_latency_seconds_count{job="sonde",target="web"}[5s]))"#) { ($0.first.flatMap { Double($0.value) } ?? 0) > 0 }
        #expect(!rate.isEmpty)
        // Prometheus asks for OpenMetrics first; every scrape of ours must have been read.
        let up = try await prometheus.query(#"up{job="sonde"}"#)
        #expect(up.map(\.value) == ["1", "1"], "\(up)")

        let probed = try await prometheus.await(#"probe_success{job="blackbox"}"#) { $0.count == 2 }
        #expect(Set(probed.map { $0.labels["instance"] ?? "" }) == ["web", "api"])
        #expect(probed.allSatisfy { $0.value == "1" }, "eu-west sees both up: \(probed)")
        let probeUp = try await prometheus.query(#"up{job="blackbox"}"#)
        #expect(probeUp.map(\.value) == ["1", "1"], "\(probeUp)")

        // The prometheus: kind reads the same series back, and is down with the reason once
        // Prometheus is gone.
        let check = directory.appendingPathComponent("check.yml")
        try """
            targets:
              - name: api seen from us
                prometheus: \(prometheus.url)
                query: probe_success{job="sonde",location="us-east",target="api"}
                expect: { value: "== 1" }
              - name: api seen from eu
                prometheus: \(prometheus.url)
                query: probe_success{job="sonde",location="eu-west",target="api"}
                expect: { value: "== 1" }
                report: eu_api
            """.write(to: check, atomically: true, encoding: .utf8)
        let read = try CheckDocument(try await SondeProcess.run(["check", check.path, "--json", "-", "--no-history"]))
        #expect(read.status == 1, "\(read.raw)")
        #expect(read.target("api seen from eu")?["status"] as? String == "up", "\(read.raw)")
        #expect(read.target("api seen from eu")?["message"] as? String == "value 1")
        #expect((read.target("api seen from eu")?["reported"] as? [String: Any])?["eu_api"] as? Double == 1)
        #expect(read.target("api seen from us")?["status"] as? String == "down")
        #expect(read.target("api seen from us")?["reason"] as? String == "expected value == 1, got 0", "\(read.raw)")

        await prometheus.stop()
        let gone = try CheckDocument(try await SondeProcess.run(["check", check.path, "--json", "-", "--no-history"]))
        #expect(gone.status == 1)
        let reason = gone.target("api seen from eu")?["reason"] as? String ?? ""
        #expect(reason.hasPrefix("Prometheus at 127.0.0.1:\(prometheus.port): "), "\(gone.raw)")
        #expect(gone.target("api seen from eu")?["reason_kind"] as? String == "refused")
        #expect(await agents.stop() == [0, 0])
    }
}

/// `sonde check --json -`'s document, read back by target name.
struct CheckDocument {
    let status: Int32
    let raw: String
    private let targets: [[String: Any]]

    init(_ output: SondeProcess.Output) throws {
        status = output.status
        raw = output.all
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.all)")
        targets = json["targets"] as? [[String: Any]] ?? []
    }

    func target(_ name: String) -> [String: Any]? { targets.first { $0["name"] as? String == name } }
}
