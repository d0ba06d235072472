import Foundation
import SondeCore

/// The config `sonde demo` runs: the demo staging's endpoints, written as a user would write
/// them, and read by the real config loader.
public enum DemoConfig {
    public static func yaml(port: Int, webSocketPort: Int, reportPath: String) -> String {
        let base = "http://127.0.0.1:\(port)"
        return """
        environment: demo-staging
        interval: 2s
        timeout: 2s
        targets:
          - name: backend
            http: \(base)/backend/health
            expect:
              status: 200
              latency: 150ms
              json:
                - $.status == "healthy"
            report:
              postgres: $.checks.postgres.response_time_ms
              redis: $.checks.redis.response_time_ms
              clickhouse: $.checks.clickhouse.response_time_ms
            version: $.version
          - name: backend-api
            http: \(base)/backend/api/health
            expect: { status: 2xx, latency: 150ms }
          - name: auth
            http: \(base)/auth/health
            expect: { status: 200, latency: 300ms, contains: healthy }
          - name: frontend
            http: \(base)/
            expect: { status: 200, latency: 200ms }
          - name: websocket
            websocket: ws://127.0.0.1:\(webSocketPort)/ws
            send: '{"type":"ping"}'
            expect:
              first: $.type == "connect"
              reply: $.type == "pong"
              latency: 250ms
        journeys:
          - name: golden path
            interval: 4s
            steps:
              - frontend
              - auth
              - backend
              - websocket
              - name: chat init
                http: \(base)/backend/api/chat/init
                expect: { status: 200, json: [ '$.thread_id != ""' ] }
        suites:
          - name: staging-e2e
            junit: \(reportPath)
            interval: 30s

        """
    }

    /// Writes the bundled JUnit report to a fresh temporary folder; returns its path.
    public static func writeReport() throws(DemoError) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-demo-\(getpid())")
        let file = folder.appendingPathComponent("staging-e2e.xml")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(DemoJUnitReport.xml.utf8).write(to: file, options: .atomic)
        } catch {
            throw .cannotWriteReport(file.path)
        }
        return file.path
    }

    /// The demo's config for a staging listening on `port`.
    public static func make(port: Int, webSocketPort: Int, reportPath: String) throws -> SondeConfig {
        try ConfigLoader.parse(yaml(port: port, webSocketPort: webSocketPort, reportPath: reportPath), file: "<sonde demo>")
    }
}
