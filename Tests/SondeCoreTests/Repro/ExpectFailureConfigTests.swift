import Testing
@testable import SondeCore

@Suite("expect_failure written as in an incident")
struct ExpectFailureConfigTests {
    @Test(arguments: [
        ("503", ExpectedFailure.Condition.status(503), "HTTP 503"),
        ("timeout", .timeout, "timeout"),
        ("rejected", .upgradeRejected(nil), "WebSocket upgrade rejected"),
        ("down", .down, "down"),
        ("Connection refused", .reasonContains("Connection refused"), "Connection refused"),
        ("503 Service Unavailable", .status(503), "503 Service Unavailable"),
        ("Service Unavailable", .status(503), "Service Unavailable"),
        ("bad gateway", .status(502), "bad gateway"),
        ("HTTP 504", .status(504), "HTTP 504"),
        ("HTTP 503 Service Unavailable", .status(503), "HTTP 503 Service Unavailable"),
        ("503 upstream connect error", .reasonContains("503 upstream connect error"), "503 upstream connect error"),
        ("Service Unavailable today", .reasonContains("Service Unavailable today"), "Service Unavailable today"),
        ("{status: 503, description: Service Unavailable}", .status(503), "Service Unavailable"),
        ("{status: 503 Service Unavailable}", .status(503), "HTTP 503"),
        ("{rejected: 500}", .upgradeRejected(500), "WebSocket upgrade rejected (HTTP 500)"),
        ("{down: true, description: Complete user journey fails}", .down, "Complete user journey fails"),
    ])
    func forms(text: String, condition: ExpectedFailure.Condition, description: String) throws {
        let config = try ConfigLoader.parse("""
        targets:
          - name: t
            http: http://127.0.0.1:9/
            expect_failure: \(text)
        """, file: "e.yml")
        #expect(config.targets.first?.expectedFailure == ExpectedFailure(condition: condition, description: description))
    }
}
