import Foundation
import Testing
@testable import SondeCore

/// The keys of the database, WebSocket and TCP kinds, read from YAML as a user writes them.
@Suite("Config: postgres, redis, clickhouse, tcp and websocket targets")
struct ProbeKindConfigTests {
    private func target(_ yaml: String, environment: [String: String] = [:]) throws -> (Target, SondeConfig) {
        let config = try ConfigLoader.parse("targets:\n" + yaml, file: "f.yml", environment: environment)
        return (try #require(config.targets.first), config)
    }

    @Test func postgresWithQueryAndTLSMode() throws {
        let (t, config) = try target("""
          - name: db
            postgres: postgres://app:${PGPASSWORD}@db.internal:5432/app
            query: SELECT count(*) FROM jobs
            tls: verify-full
            expect: { latency: 50ms }
        """, environment: ["PGPASSWORD": "pg-secret-1"])
        guard case .postgres(let spec) = t.probe else { Issue.record("not postgres"); return }
        #expect(spec.query == "SELECT count(*) FROM jobs")
        #expect(spec.tls == .verifyFull)
        #expect(spec.url.password == "pg-secret-1")
        #expect(t.latencyTarget == .milliseconds(50))
        #expect(!t.probe.displayEndpoint.contains("pg-secret-1"))
        #expect(config.redactor.redact("auth failed: pg-secret-1") == "auth failed: ***")
    }

    @Test func postgresDefaultsToSelectOneAndPrefer() throws {
        let (t, _) = try target("  - name: db\n    postgres: postgresql://app@127.0.0.1/app\n")
        guard case .postgres(let spec) = t.probe else { Issue.record("not postgres"); return }
        #expect(spec.query == "SELECT 1")
        #expect(spec.tls == .prefer)
    }

    @Test func postgresUnknownTLSModeListsTheModes() {
        let error = #expect(throws: ConfigErrors.self) {
            try ConfigLoader.parse("targets:\n  - name: db\n    postgres: postgres://a@h/d\n    tls: sometimes\n", file: "f.yml")
        }
        #expect(error?.description.contains("disable, prefer, require, verify-full") == true)
    }

    @Test func redisWithUserPasswordDatabaseAndRole() throws {
        let (t, config) = try target("  - name: cache\n    redis: redis://probe:${REDIS_PW}@127.0.0.1:6379/2\n    role: master\n",
                                     environment: ["REDIS_PW": "redis-secret-1"])
        guard case .redis(let spec) = t.probe else { Issue.record("not redis"); return }
        #expect(spec.role == "master")
        #expect(spec.url.path == "/2")
        #expect(!t.probe.displayEndpoint.contains("redis-secret-1"))
        #expect(config.redactor.redact("redis-secret-1") == "***")
    }

    @Test func redisDatabaseMustBeANumber() {
        let error = #expect(throws: ConfigErrors.self) {
            try ConfigLoader.parse("targets:\n  - name: c\n    redis: redis://127.0.0.1:6379/cache\n", file: "f.yml")
        }
        #expect(error?.description.contains("must be a number") == true)
    }

    @Test func clickhouseUserPasswordAndQuery() throws {
        let (t, config) = try target("""
          - name: olap
            clickhouse: http://127.0.0.1:8123
            user: sonde
            password: ${CH_PW}
            query: SELECT count() FROM system.tables
        """, environment: ["CH_PW": "ch-secret-1"])
        guard case .clickhouse(let spec) = t.probe else { Issue.record("not clickhouse"); return }
        #expect(spec.user == "sonde")
        #expect(spec.password == "ch-secret-1")
        #expect(spec.query == "SELECT count() FROM system.tables")
        #expect(config.redactor.redact("key ch-secret-1") == "key ***")
    }

    @Test func clickhouseLiteralPasswordIsStillASecret() throws {
        let (_, config) = try target("  - name: olap\n    clickhouse: http://127.0.0.1:8123\n    password: literal-pw-9\n")
        #expect(config.redactor.redact("literal-pw-9") == "***")
    }

    @Test(arguments: [("127.0.0.1:6379", "127.0.0.1", 6379), ("[::1]:5432", "::1", 5432), ("db.internal:1", "db.internal", 1)])
    func tcpHostAndPort(text: String, host: String, port: Int) throws {
        let (t, _) = try target("  - name: port\n    tcp: \"\(text)\"\n")
        #expect(t.probe == .tcp(TCPSpec(host: host, port: port)))
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.1:0", "127.0.0.1:70000", ":80"])
    func tcpRejectsBadEndpoints(text: String) {
        #expect(throws: ConfigErrors.self) { try ConfigLoader.parse("targets:\n  - name: p\n    tcp: \"\(text)\"\n", file: "f.yml") }
    }

    @Test func websocketWithHeadersSubprotocolGreetingAndRoundTrip() throws {
        let (t, config) = try target("""
          - name: events
            websocket: wss://api.staging.example.com/ws
            headers: { Authorization: "Bearer ${STAGING_JWT}" }
            subprotocol: sonde.v1
            send: '{"type":"ping"}'
            expect:
              first: $.type == "connect"
              reply: pong
              latency: 200ms
        """, environment: ["STAGING_JWT": "jwt-secret-1"])
        guard case .websocket(let spec) = t.probe else { Issue.record("not websocket"); return }
        #expect(spec.subprotocol == "sonde.v1")
        #expect(spec.send == #"{"type":"ping"}"#)
        #expect(spec.expectReply == .contains("pong"))
        #expect(spec.expectFirst?.mismatch(in: #"{"type":"connect"}"#) == nil)
        #expect(spec.expectFirst?.mismatch(in: #"{"type":"bye"}"#) != nil)
        let auth = try #require(spec.headers.first)
        #expect(auth.isSecret)
        #expect(auth.displayValue == "***")
        #expect(!config.redactor.redact("sent Bearer jwt-secret-1").contains("jwt-secret-1"))
    }

    @Test func websocketTLSKeys() throws {
        let ca = FileManager.default.temporaryDirectory.appending(path: "sonde-ca-\(UUID().uuidString).pem")
        try Data("not checked here".utf8).write(to: ca)
        defer { try? FileManager.default.removeItem(at: ca) }
        let (t, _) = try target("  - name: ws\n    websocket: wss://127.0.0.1:8443/ws\n    ca: \(ca.path)\n    insecure: true\n")
        guard case .websocket(let spec) = t.probe else { Issue.record("not websocket"); return }
        #expect(spec.caFile == ca.path)
        #expect(spec.insecure)
        let error = #expect(throws: ConfigErrors.self) {
            try ConfigLoader.parse("targets:\n  - name: ws\n    websocket: wss://h/ws\n    ca: /nonexistent/ca.pem\n", file: "f.yml")
        }
        #expect(error?.description.contains("CA file '/nonexistent/ca.pem' cannot be read") == true)
    }

    @Test func websocketNeedsAWebSocketScheme() {
        #expect(throws: ConfigErrors.self) {
            try ConfigLoader.parse("targets:\n  - name: ws\n    websocket: https://example.com/ws\n", file: "f.yml")
        }
    }

    @Test func aKeyOfAnotherKindIsNamed() {
        let error = #expect(throws: ConfigErrors.self) {
            try ConfigLoader.parse("targets:\n  - name: ws\n    websocket: ws://127.0.0.1/ws\n    query: SELECT 1\n", file: "f.yml")
        }
        #expect(error?.description.contains("'query' does not apply to websocket targets") == true)
    }
}
