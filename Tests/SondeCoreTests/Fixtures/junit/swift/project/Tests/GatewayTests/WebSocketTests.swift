import Testing
import Staging

/// Swift Testing beside XCTest: `swift test --xunit-output` writes these to a second file.
@Suite struct WebSocketTests {
    @Test func upgradeAccepted() {
        #expect(Staging.status(of: "/ws") == 101, "server rejected WebSocket connection: HTTP 200")
    }
    @Test func heartbeatInterval() { #expect(30 / 2 == 15) }
    @Test(.disabled("needs the broker")) func brokerFanout() {}
}
