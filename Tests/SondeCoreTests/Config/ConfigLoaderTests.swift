import Foundation
import Testing
@testable import SondeCore

@Suite("Config loading")
struct ConfigLoaderTests {
    static let issueExample = """
    environment: staging
    interval: 5s
    timeout: 3s
    targets:
      - name: backend
        http: https://api.staging.example.com/health
        headers: { X-Probe: sonde, Authorization: "Bearer ${STAGING_JWT}" }
        expect:
          status: 200
          latency: 100ms
          contains: healthy
          json:
            - $.status == "healthy"
            - $.checks.postgres.response_time_ms < 250
        report:
          postgres: $.checks.postgres.response_time_ms
          redis: $.checks.redis.response_time_ms
    """

    @Test func theIssueExampleLoadsWithDefaultsAndSecrets() throws {
        let config = try ConfigLoader.parse(Self.issueExample, file: "sonde.yml", environment: ["STAGING_JWT": "eyJ.secret.token"])
        #expect(config.environment == "staging")
        let backend = try #require(config.target(named: "backend"))
        #expect(backend.interval == .seconds(5))
        #expect(backend.timeout == .seconds(3))
        #expect(backend.latencyTarget == .milliseconds(100))
        guard case .http(let spec) = backend.probe else { Issue.record("not http"); return }
        #expect(spec.expect.status.description == "200")
        #expect(spec.expect.contains == "healthy")
        #expect(spec.expect.json.count == 2)
        #expect(spec.report.map(\.name) == ["postgres", "redis"])
        let auth = try #require(spec.headers.first { $0.name == "Authorization" })
        #expect(auth.value == "Bearer eyJ.secret.token")
        #expect(auth.isSecret)
        #expect(auth.displayValue == "***")
        #expect(config.redactor.redact("token eyJ.secret.token here") == "token *** here")
        #expect(backend.location?.line == 5)
    }

    @Test(arguments: [("250ms", Duration.milliseconds(250)), ("5s", .seconds(5)), ("2m", .seconds(120)), ("1.5s", .milliseconds(1500))])
    func durations(text: String, expected: Duration) throws {
        let config = try ConfigLoader.parse("interval: \(text)\ntargets:\n  - name: a\n    tcp: 127.0.0.1:1\n", file: "f.yml")
        #expect(config.targets.first?.interval == expected)
    }

    @Test func variablesWithDefaultsAndEscapes() throws {
        let yaml = "environment: ${ENV_NAME:-staging}\ntargets:\n  - name: a\n    http: http://127.0.0.1:${PORT}/cost$$\n"
        let config = try ConfigLoader.parse(yaml, file: "f.yml", environment: ["PORT": "8080"])
        #expect(config.environment == "staging")
        guard case .http(let spec) = config.targets.first?.probe else { Issue.record("not http"); return }
        #expect(spec.url.absoluteString == "http://127.0.0.1:8080/cost$")
    }

    @Test(arguments: [("200", [200], [201]), ("[200, 204]", [200, 204], [201]), ("\"200-299\"", [200, 250, 299], [300]), ("2xx", [200, 299], [199, 300])])
    func statusForms(text: String, accepted: [Int], rejected: [Int]) throws {
        let yaml = "targets:\n  - name: a\n    http: http://127.0.0.1:1/\n    expect: { status: \(text) }\n"
        let config = try ConfigLoader.parse(yaml, file: "f.yml")
        guard case .http(let spec) = config.targets.first?.probe else { Issue.record("not http"); return }
        for code in accepted { #expect(spec.expect.status.accepts(code)) }
        for code in rejected { #expect(!spec.expect.status.accepts(code)) }
    }

    @Test func passwordInAURLIsASecret() throws {
        let yaml = "targets:\n  - name: db\n    postgres: postgres://sonde:${PGPASSWORD}@127.0.0.1:5432/app\n"
        let config = try ConfigLoader.parse(yaml, file: "f.yml", environment: ["PGPASSWORD": "pa55word!"])
        let endpoint = try #require(config.targets.first).probe.displayEndpoint
        #expect(!endpoint.contains("pa55word"))
        #expect(endpoint.contains("***"))
        #expect(config.redactor.redact("failed for pa55word!") == "failed for ***")
    }

    @Test func perTargetOverridesBeatGlobalDefaults() throws {
        let yaml = "interval: 10s\ntimeout: 2s\ntargets:\n  - name: a\n    tcp: 127.0.0.1:1\n    interval: 1s\n  - name: b\n    tcp: 127.0.0.1:2\n"
        let config = try ConfigLoader.parse(yaml, file: "f.yml")
        #expect(config.targets.map(\.interval) == [.seconds(1), .seconds(10)])
        #expect(config.targets.map(\.timeout) == [.seconds(2), .seconds(2)])
    }

    @Test func theShippedExampleValidates() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("examples/staging.yml").path
        let config = try ConfigLoader.load(path: path, environment: ["STAGING_JWT": "x.y.z", "PGPASSWORD": "pw", "REDIS_PASSWORD": "pw"])
        #expect(config.environment == "staging")
        #expect(["backend", "auth", "frontend"].allSatisfy { config.target(named: $0) != nil })
    }
}
