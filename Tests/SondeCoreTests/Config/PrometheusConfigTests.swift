import Foundation
import Testing
@testable import SondeCore

/// `prometheus:` targets and the top-level `location:` key, read as a user writes them.
@Suite("Config: prometheus targets and location")
struct PrometheusConfigTests {
    func problems(_ yaml: String) -> [String] {
        do {
            _ = try ConfigLoader.parse(yaml, file: "f.yml")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func queryExpectationAndReport() throws {
        let config = try ConfigLoader.parse("""
            location: eu-west
            targets:
              - name: checkout 5xx
                prometheus: http://monitor:${PROM_PASSWORD}@127.0.0.1:9090
                query: sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m]))
                report: error_rate
                expect: { value: "< 0.01", latency: 200ms }
            """, file: "f.yml", environment: ["PROM_PASSWORD": "prom-secret"])
        #expect(config.location == "eu-west")
        let target = try #require(config.targets.first)
        guard case .prometheus(let spec) = target.probe else { Issue.record("not prometheus"); return }
        #expect(target.kind == .prometheus)
        #expect(spec.query == #"sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m]))"#)
        #expect(spec.expectation == ValueExpectation(comparison: .less, bound: 0.01))
        #expect(spec.reportName == "error_rate")
        #expect(target.latencyTarget == .milliseconds(200))
        #expect(!target.probe.displayEndpoint.contains("prom-secret"))
    }

    @Test(arguments: [("< 0.01", "< 0.01", 0.005, true), (">= 1", ">= 1", 0.5, false), ("0", "== 0", 0, true), ("!=2", "!= 2", 2, false), ("<= 3", "<= 3", 3, true)])
    func valueExpectations(text: String, shown: String, value: Double, accepted: Bool) throws {
        let expectation = try #require(ValueExpectation(text))
        #expect(expectation.description == shown)
        #expect(expectation.accepts(value) == accepted)
    }

    @Test func badInputNamesLineAndKey() {
        #expect(problems("targets:\n  - name: p\n    prometheus: http://127.0.0.1:9090\n    query: up\n    expect: { value: about 3 }\n")
            == ["f.yml:5:22: targets[0].expect.value: 'about 3' is not a comparison; write it like \"< 0.01\", \">= 1\" or \"== 0\""])
        #expect(problems("targets:\n  - name: p\n    prometheus: http://127.0.0.1:9090\n")
            == ["f.yml:2:5: targets[0]: missing required key 'query'"])
        #expect(problems("targets:\n  - name: p\n    prometheus: http://127.0.0.1:9090\n    query: up\n    expect: { status: 200 }\n").first?
            .contains("unknown key 'status'") == true)
    }

    @Test(arguments: ["eu west", "eu,us", "région", ""])
    func badLocationsAreRefusedWithTheLine(location: String) {
        let found = problems("location: \"\(location)\"\ntargets:\n  - name: a\n    tcp: 127.0.0.1:1\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("f.yml:1:11: location: ") == true, "\(found)")
    }
}
