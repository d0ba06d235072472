import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SondeAlerts
import SondeCore
import Testing

/// Against the real Alertmanager `.ci/services/alertmanager.sh` starts on 127.0.0.1:59093.
@Suite("Alertmanager gets alerts with the documented labels, and their resolution", .enabled(if: Alertmanager.shouldRun, Alertmanager.skipComment))
struct AlertmanagerDeliveryTests {
    @Test("Firing shows in Alertmanager's API with labels and annotations; resolved takes it out")
    func fireThenResolve() async throws {
        try #require(Alertmanager.check())
        let config = try Fixtures.config("""
        alerts:
          channels: { am: { alertmanager: "http://127.0.0.1:\(Alertmanager.port)" } }
          rules: [{ name: down, when: down, notify: am, severity: critical }]
        """)
        let dispatcher = AlertDispatcher(config.alerts, options: .init(environment: "staging", redactor: config.redactor))
        let running = Task { await dispatcher.run() }
        // A target name no other run used, so alerts left from earlier runs cannot answer for it.
        let target = "backend-\(UUID().uuidString.prefix(8))"
        var firing = Fixtures.notice(target, channels: ["am"])
        firing.since = Date().addingTimeInterval(-30)
        dispatcher.send([firing])
        let shown = try await Alertmanager.alerts(target: target, until: { !$0.isEmpty })
        let alert = try #require(shown.first)
        let labels = try #require(alert["labels"] as? [String: String])
        #expect(labels == ["alertname": "down", "target": target, "environment": "staging", "kind": "http", "severity": "critical"])
        let annotations = try #require(alert["annotations"] as? [String: String])
        #expect(annotations["description"] == "HTTP 503 (expected 2xx)")
        #expect(annotations["summary"] == "\(target) down in staging")
        #expect((alert["status"] as? [String: Any])?["state"] as? String == "active")

        var resolved = firing
        resolved.state = .resolved
        resolved.ended = Date().addingTimeInterval(-1)
        dispatcher.send([resolved])
        let after = try await Alertmanager.alerts(target: target, until: { $0.isEmpty })
        #expect(after.isEmpty, "a resolved alert leaves Alertmanager's active list")
        dispatcher.finish()
        await running.value
    }
}

/// The Alertmanager service, and reading its API.
enum Alertmanager {
    static let port = 59093
    static var required: Bool { ProcessInfo.processInfo.environment["SONDE_REQUIRE_SERVICES"] == "1" }
    static var isRunning: Bool { (try? Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/-/ready")!)) != nil }
    static var shouldRun: Bool { isRunning || required }
    static let skipComment: Comment = "alertmanager is not running on 127.0.0.1:\(port); start it with `bash .ci/services/alertmanager.sh start`"

    static func check() -> Bool {
        if isRunning { return true }
        Issue.record("alertmanager is required (SONDE_REQUIRE_SERVICES=1) but not running on 127.0.0.1:\(port): bash .ci/services/alertmanager.sh start")
        return false
    }

    struct NotSeen: Error, CustomStringConvertible {
        var description: String
    }

    /// Asks /api/v2/alerts until `until` holds for the target's alerts (Alertmanager applies a
    /// post asynchronously), for at most 20 s.
    static func alerts(target: String, until done: ([[String: Any]]) -> Bool) async throws -> [[String: Any]] {
        let filter = "target=\"\(target)\"".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/api/v2/alerts?filter=\(filter)"))
        let deadline = ContinuousClock.now + .seconds(20)
        var last: [[String: Any]] = []
        while ContinuousClock.now < deadline {
            let (data, _) = try await URLSession.shared.data(from: url)
            last = (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
            if done(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw NotSeen(description: "Alertmanager did not reach the expected state for \(target) in 20 s; last answer: \(last)")
    }
}
