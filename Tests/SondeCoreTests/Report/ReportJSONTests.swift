import Foundation
import Testing
@testable import SondeCore

@Suite("Report JSON: check --json version 1 plus journeys, suites and verdicts")
struct ReportJSONTests {
    private func document() throws -> [String: Any] {
        let text = ReportJSON.document(try ReportSamples.report(), redactor: ReportSamples.redactor).serialized()
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func keepsEveryCheckJSONField() throws {
        let report = try ReportSamples.report()
        let check = CheckJSON.document(report.summary, redactor: ReportSamples.redactor).serialized()
        let checkKeys = try #require(try JSONSerialization.jsonObject(with: Data(check.utf8)) as? [String: Any]).keys
        let doc = try document()
        #expect(Set(checkKeys).isSubset(of: Set(doc.keys)))
        #expect(doc["version"] as? Int == 1)
        let targets = try #require(doc["targets"] as? [[String: Any]])
        #expect(targets.map { $0["name"] as? String } == ["backend", "api", "ws", "postgres", "chat-init"])
        #expect(targets[3]["endpoint"] as? String == "postgres://app:***@127.0.0.1:5432/app")
    }

    @Test func journeysCarryTheirStepsAndFailingReason() throws {
        let journeys = try #require(try document()["journeys"] as? [[String: Any]])
        let journey = try #require(journeys.first)
        #expect(journey["summary"] as? String == "4/5 steps")
        #expect(journey["status"] as? String == "down")
        #expect(journey["failure_reason"] as? String == "Chat Init Endpoint: HTTP 404 (expected 2xx)")
        let steps = try #require(journey["steps"] as? [[String: Any]])
        #expect(steps.map { $0["status"] as? String } == ["up", "up", "up", "up", "down"])
        #expect(steps[0]["latency_ms"] as? Double == 173)
        #expect(steps[4]["status_code"] as? Int == 404)
        #expect(steps[4]["reason_kind"] as? String == "http_status")
    }

    @Test func suitesCarryModulesAndFailureGroups() throws {
        let suites = try #require(try document()["suites"] as? [[String: Any]])
        let suite = try #require(suites.first)
        #expect(suite["summary"] as? String == "1/5 modules passing")
        #expect(suite["passing_modules"] as? Int == 1)
        #expect(suite["total_modules"] as? Int == 5)
        #expect(suite["tests"] as? Int == 27)
        let modules = try #require(suite["modules"] as? [[String: Any]])
        #expect(modules.first?["name"] as? String == "test_1_websocket_events_staging")
        #expect(modules.first?["failed"] as? Int == 2)
        let groups = try #require(suite["failure_groups"] as? [[String: Any]])
        #expect(groups.first?["cause"] as? String == "server rejected WebSocket connection: HTTP 500")
        #expect(groups.first?["count"] as? Int == 5)
        #expect((groups.first?["modules"] as? [String])?.count == 3)
    }

    @Test func expectedFailuresCarryTheVerdict() throws {
        let verdicts = try #require(try document()["expected_failures"] as? [[String: Any]])
        #expect(verdicts.map { $0["name"] as? String } == ["backend", "ws", "golden path"])
        #expect(verdicts.map { $0["verdict"] as? String } == ["NOT REPRODUCED", "NOT REPRODUCED", "REPRODUCED"])
        #expect(verdicts[2]["subject"] as? String == "journey")
        #expect(verdicts[0]["actual"] as? String == "HTTP 200 in 410ms")
    }
}
