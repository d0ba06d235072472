import Foundation
import Testing
@testable import SondeCore

/// Reports written by real tools (see Fixtures/README.md for where each came from).
@Suite("JUnit XML from Surefire, Swift and pytest")
struct JUnitFormatsTests {
    private func suite(_ pattern: String) -> SuiteResult { SuiteFixtures.read(pattern) }

    @Test func surefireModulesAreTestClasses() {
        let result = suite("surefire")
        #expect(result.files.count == 3)
        #expect(result.modules.map(\.name) == ["CartTest", "CheckoutTest", "InventoryTest"])
        #expect(result.modules.map { [$0.passed, $0.failed, $0.errors, $0.skipped] } == [[1, 1, 0, 1], [1, 0, 2, 0], [2, 0, 0, 0]])
        #expect(result.summary == "1/3 modules passing")
        #expect(result.failureGroups.first?.cause == "server rejected WebSocket connection: HTTP 500")
        #expect(result.failureGroups.first?.count == 2)
        #expect(result.failureGroups.last?.cause == "total in cents expected:<1299> but was:<1199>")
    }

    /// console.txt (8 XCTest cases; "Executed 1 test, with 1 failure" for testCheckoutAnswers200,
    /// testBrokerReachable and testCheckoutRoute; "Test skipped" for testCouponService). SwiftPM's
    /// XCTest report carries no failure text (`message="failure"`) and writes the XCTSkip as a pass,
    /// so that is the best correct reading: the module fails, the cause says the report has none.
    @Test func swiftXCTestModulesAreTestClasses() {
        let result = suite("swift/xunit.xml")
        // A parallel run writes its cases in the order they finished: compare per module.
        let counts = Dictionary(uniqueKeysWithValues: result.modules.map { ($0.name, [$0.passed, $0.failed, $0.errors, $0.skipped]) })
        #expect(counts == ["CartTests": [3, 1, 0, 0], "GatewayTests": [1, 1, 0, 0], "PaymentTests": [1, 1, 0, 0]])
        #expect(result.modules.allSatisfy { !$0.isPassing })
        #expect(result.tests == 8)
        #expect(result.failureGroups.count == 1)
        #expect(result.failureGroups.first?.count == 3)
        #expect(result.failureGroups.first?.cause == "failure (no message in the report)")
    }

    /// console.txt: "Test run with 3 tests in 1 suite failed ... with 1 issue"; brokerFanout() skipped.
    @Test func swiftTestingSuitesAreModules() {
        let result = suite("swift/xunit-swift-testing.xml")
        #expect(result.modules.map(\.name) == ["WebSocketTests"])
        #expect((result.passed, result.failed, result.skipped) == (1, 1, 1))
        #expect(result.failureGroups.first?.cause.contains("server rejected WebSocket connection: HTTP 200") == true)
    }

    @Test func pytestReportKeptFromARealRun() {
        let result = suite("pytest/report.xml")
        #expect(result.summary == "1/5 modules passing")
        #expect(result.modules.first?.name == "test_1_websocket_events_staging")
        #expect(result.failureGroups.first?.spread == "5 tests in 3 modules")
    }
}
