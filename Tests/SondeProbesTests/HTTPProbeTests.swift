import Foundation
import SondeCore
import Testing
@testable import SondeProbes

@Suite("HTTP probe against a real server on 127.0.0.1")
struct HTTPProbeTests {
    private func target(_ yaml: String, env: [String: String] = [:]) throws -> (Target, SondeConfig) {
        let config = try ConfigLoader.parse(yaml, file: "test.yml", environment: env)
        let first = try #require(config.targets.first)
        return (first, config)
    }

    private func probe(_ target: Target) async -> ProbeResult {
        await Engine.probeOnce(target, probe: ProbeFactory.make(target), sequence: 1)
    }

    private func yaml(_ path: String, _ extra: String = "", timeout: String = "3s") async throws -> String {
        let base = try await HTTPTestServer.baseURL()
        return """
        timeout: \(timeout)
        targets:
          - name: t
            http: \(base)\(path)
        \(extra.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        """
    }

    @Test func healthyEndpointIsUpWithPhasesAndReportedMetrics() async throws {
        let (t, _) = try target(try await yaml("/health", """
        expect:
          status: 200
          contains: healthy
          json:
            - $.status == "healthy"
            - $.checks.postgres.response_time_ms < 250
        report:
          postgres: $.checks.postgres.response_time_ms
          redis: $.checks.redis.response_time_ms
        version: $.version
        """))
        let result = await probe(t)
        #expect(result.status == .up, "\(String(describing: result.reason))")
        #expect(result.outcome.statusCode == 200)
        #expect(result.outcome.reported == [ReportedMetric(name: "postgres", value: 101.46), ReportedMetric(name: "redis", value: 17.92)])
        #expect(result.outcome.version == "1.4.2")
        let names = result.outcome.phases.map(\.name)
        #expect(names == ["dns", "connect", "first_byte", "transfer", "total"])
        #expect(result.outcome.phase("total") == result.latency)
    }

    @Test(arguments: [404, 500, 503])
    func errorStatusIsDownWithTheStatusAsReason(code: Int) async throws {
        let (t, _) = try target(try await yaml("/status/\(code)"))
        let result = await probe(t)
        #expect(result.status == .down)
        #expect(result.reason == FailureReason(.httpStatus, "HTTP \(code) (expected 2xx)"))
        #expect(result.outcome.statusCode == code)
        // A bad status is a whole exchange: its phases, first byte included, are kept for the detail view.
        #expect(result.outcome.phases.map(\.name) == ["dns", "connect", "first_byte", "transfer", "total"])
    }

    @Test func expectedStatusListAndRangeAccept() async throws {
        let (list, _) = try target(try await yaml("/status/503", "expect:\n  status: [200, 503]"))
        #expect(await probe(list).status == .up)
        let (range, _) = try target(try await yaml("/status/404", "expect:\n  status: \"400-499\""))
        #expect(await probe(range).status == .up)
        let (single, _) = try target(try await yaml("/health", "expect:\n  status: 204"))
        #expect(await probe(single).reason?.message == "HTTP 200 (expected 204)")
    }

    @Test func latencyOverTheTargetIsSlow() async throws {
        // No loopback request answers within a microsecond, so this is slow without any timing games.
        let (t, _) = try target(try await yaml("/health", "expect:\n  latency: 0.001ms"))
        let result = await probe(t)
        #expect(result.status == .slow)
        #expect(result.reason == nil)
    }

    @Test func missingSubstringIsAnAssertionFailure() async throws {
        let (t, _) = try target(try await yaml("/text", "expect:\n  contains: degraded"))
        let result = await probe(t)
        #expect(result.status == .down)
        #expect(result.reason == FailureReason(.assertion, "body does not contain \"degraded\""))
    }

    @Test func jsonAssertionNamesExpectedAndActual() async throws {
        let (t, _) = try target(try await yaml("/degraded", "expect:\n  json:\n    - $.status == \"healthy\""))
        let result = await probe(t)
        #expect(result.reason == FailureReason(.assertion, "expected $.status == \"healthy\", got $.status = \"degraded\""))
        let (num, _) = try target(try await yaml("/degraded", "expect:\n  json: [\"$.checks.postgres.response_time_ms < 250\"]"))
        #expect(await probe(num).reason?.message == "expected $.checks.postgres.response_time_ms < 250, got $.checks.postgres.response_time_ms = 900")
        let (missing, _) = try target(try await yaml("/health", "expect:\n  json: [\"$.checks.clickhouse\"]"))
        #expect(await probe(missing).reason?.message == "expected $.checks.clickhouse, got $.checks.clickhouse missing")
    }

    @Test func nonJSONBodyFailsJSONAssertionsClearly() async throws {
        let (t, _) = try target(try await yaml("/not-json", "expect:\n  json: [\"$.status == 1\"]"))
        let result = await probe(t)
        #expect(result.reason?.kind == .assertion)
        #expect(result.reason?.message.contains("not JSON") == true)
    }

    @Test func bodyOverTheLimitIsAClearReason() async throws {
        let (t, _) = try target(try await yaml("/big"))
        let result = await probe(t)
        #expect(result.reason == FailureReason(.bodyTooLarge, "response body is larger than the 1 MiB limit (raise it with max_body)"))
        let (raised, _) = try target(try await yaml("/big", "max_body: 4MiB"))
        #expect(await probe(raised).status == .up)
    }

    @Test func refusedConnectionIsClassified() async throws {
        let port = try closedLoopbackPort()
        let (t, _) = try target("targets:\n  - name: t\n    http: http://127.0.0.1:\(port)/")
        let result = await probe(t)
        #expect(result.reason == FailureReason(.refused, "connection refused by 127.0.0.1:\(port)"))
    }

    @Test func redirectsAreReportedOrFollowed() async throws {
        let (plain, _) = try target(try await yaml("/moved"))
        #expect(await probe(plain).reason?.message == "HTTP 301 (expected 2xx), redirects to /health")
        let (followed, _) = try target(try await yaml("/moved", "follow_redirects: 3"))
        #expect(await probe(followed).status == .up)
        let (loop, _) = try target(try await yaml("/loop", "follow_redirects: 5"))
        #expect(await probe(loop).reason?.message.hasPrefix("stopped after 5 redirects") == true)
    }

    @Test func methodHeadersAndBodyAreSent() async throws {
        let base = try await HTTPTestServer.baseURL()
        let (t, _) = try target("""
        targets:
          - name: t
            http: \(base)/echo-body
            method: post
            body: '{"ping":1}'
            expect:
              json: ["$.ping == 1"]
        """)
        #expect(await probe(t).status == .up)
    }

    @Test func hungServerTimesOutAtItsDeadlineWithoutDelayingAHealthyTarget() async throws {
        let hung = try SilentListener()
        let base = try await HTTPTestServer.baseURL()
        let config = try ConfigLoader.parse("""
        targets:
          - name: hung
            http: http://127.0.0.1:\(hung.port)/health
            timeout: 1500ms
          - name: healthy
            http: \(base)/health
            timeout: 1500ms
        """, file: "test.yml")
        let engine = Engine(targets: config.targets, factory: ProbeFactory.make)
        var order: [String] = []
        var results: [String: ProbeResult] = [:]
        for await event in engine.events(rounds: 1) {
            if case .result(let r) = event {
                order.append(r.target)
                results[r.target] = r
            }
        }
        #expect(order == ["healthy", "hung"], "the healthy target must not wait for the hung one")
        let hungResult = try #require(results["hung"])
        #expect(hungResult.reason == FailureReason(.timeout, "timed out after 1.5s during waiting for the response"))
        let healthy = try #require(results["healthy"])
        #expect(healthy.status == .up)
        // Its latency is its own: far below the hung target's budget.
        #expect(try #require(healthy.latency) < .milliseconds(750))
    }

    @Test func secretHeaderNeverAppearsInTableOrJSON() async throws {
        let token = "tok-Zq81-very-secret"
        let base = try await HTTPTestServer.baseURL()
        let config = try ConfigLoader.parse("""
        environment: test
        targets:
          - name: echo
            http: \(base)/echo-headers
            headers: { Authorization: "Bearer ${STAGING_JWT}", X-Probe: sonde }
            expect:
              contains: nothing-like-this
        """, file: "test.yml", environment: ["STAGING_JWT": token])
        let t = try #require(config.targets.first)
        let result = await probe(t)
        // The server echoed the header, so the raw result holds the token...
        #expect(result.outcome.message?.contains(token) == true)
        // ...and nothing a person sees does.
        let summary = CheckSummary(environment: "test", started: Date(), targets: config.targets, results: [result])
        let table = CheckText.render(summary, redactor: config.redactor)
        let json = CheckJSON.document(summary, redactor: config.redactor).serialized()
        #expect(!table.contains(token))
        #expect(!json.contains(token))
        #expect(json.contains(Redactor.mask))
    }

    @Test func userAndPasswordInTheURLAreSentAsBasicAuthAndNeverShown() async throws {
        let password = "pw-with:@/-secret"
        let base = try await HTTPTestServer.baseURL()
        let config = try ConfigLoader.parse("""
        targets:
          - name: echo
            http: "http://probe:${HTTP_PW}@\(base.dropFirst("http://".count))/echo-headers"
            expect: { contains: nothing-like-this }
        """, file: "test.yml", environment: ["HTTP_PW": password])
        let t = try #require(config.targets.first)
        let result = await probe(t)
        let encoded = Data("probe:\(password)".utf8).base64EncodedString()
        // The server saw the credentials as curl would send them...
        #expect(result.outcome.message?.contains("Basic \(encoded)") == true, "\(result.outcome.message ?? "")")
        // ...and neither form reaches a person.
        let summary = CheckSummary(environment: "test", started: Date(), targets: config.targets, results: [result])
        for text in [CheckText.render(summary, redactor: config.redactor), CheckJSON.document(summary, redactor: config.redactor).serialized()] {
            #expect(!text.contains(encoded))
            #expect(!text.contains(password))
        }
        // The echoed body is in the JSON's message, masked where the credentials were.
        #expect(CheckJSON.document(summary, redactor: config.redactor).serialized().contains("Basic \(Redactor.mask)"))
    }

    @Test func percentEncodedPathAndQueryAreSentAsWritten() async throws {
        let (t, _) = try target(try await yaml("/echo-path/a%2Fb%20c?q=x%26y", "expect: { contains: \"/echo-path/a%2Fb%20c?q=x%26y\" }"))
        let result = await probe(t)
        #expect(result.status == .up, "\(String(describing: result.reason))")
    }
}
