import Foundation
import Testing
@testable import SondeCore

/// Reports written by the real runners (each folder's generate.sh), read as a user's suite would be.
/// Every expected count is derived from the console summary the same run printed beside its report
/// (`*.console.txt`); the judgement calls are in Fixtures/README.md.
@Suite("Real runners: pytest, unittest, nose2, Node, gotestsum, Surefire")
struct RealRunnerTests {
    /// [passed, failed, errors, skipped] per module name.
    private func counts(_ result: SuiteResult) -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: result.modules.map { ($0.name, [$0.passed, $0.failed, $0.errors, $0.skipped]) })
    }

    private func totals(_ result: SuiteResult) -> [Int] { [result.passed, result.failed, result.errors, result.skipped] }

    // MARK: pytest

    /// Console: 7 failed, 3 passed, 1 skipped, 1 xfailed, 1 xpassed, 2 errors. An xfail is skipped and
    /// an xpass passed (as pytest's own JUnit says); the test that passed and then errored in
    /// teardown (pytest counts it in both "passed" and "errors") is an error only: 3 passed.
    static let pytestModules: [String: [Int]] = [
        "test_cart": [2, 2, 0, 2], "test_flaky": [1, 3, 0, 0], "test_websocket": [0, 2, 2, 0],
    ]

    @Test(arguments: ["pytest-runs/xunit2.xml", "pytest-runs/xunit1.xml", "pytest-runs/xdist.xml"])
    func pytestFamiliesAndXdistReadAlike(_ fixture: String) {
        let result = SuiteFixtures.read(fixture)
        #expect(counts(result) == Self.pytestModules)
        #expect(totals(result) == [3, 7, 2, 2])
        #expect(result.summary == "0/3 modules passing")
        #expect(result.flakyTests.isEmpty)
        let causes = result.failureGroups.map(\.cause)
        #expect(causes.first == "agent did not start within <n>s")
        #expect(result.failureGroups.first?.count == 3)
        #expect(causes.contains("server rejected WebSocket connection: HTTP 500"))
        // pytest writes the colour escapes as the text "#x1B[31m"; they are not part of the cause.
        #expect(causes.contains("expected status 200, got 503"))
        #expect(causes.contains("[Errno 111] Connection refused: 127.0.0.1:5672"))
        #expect(causes.contains("socket left open after test"))
    }

    /// Console: 5 failed, 7 passed, 1 skipped, 1 xfailed, 1 xpassed, 2 errors, 17 rerun. The report
    /// holds 31 <testcase> elements for 14 tests; the two that passed on a rerun count once, as passed.
    @Test func pytestRerunfailuresCountsEachTestOnceAndNamesFlakyOnes() {
        let result = SuiteFixtures.read("pytest-runs/reruns.xml")
        #expect(counts(result) == ["test_cart": [2, 2, 0, 2], "test_flaky": [3, 1, 0, 0], "test_websocket": [0, 2, 2, 0]])
        #expect(totals(result) == [5, 5, 2, 2])
        #expect(result.tests == 14)
        #expect(result.flakyTests.map(\.summary) == ["test_passes_on_second_try (2 tries)", "test_passes_on_third_try (3 tries)"])
        #expect(result.flakyTests.allSatisfy { $0.module == "test_flaky" && $0.cause == nil })
        // The always-failing test is a failure, not flaky, though its earlier tries were written empty.
        #expect(result.modules.first { $0.name == "test_flaky" }?.failedTests == ["test_always_fails"])
        #expect(result.modules.first { $0.name == "test_flaky" }?.countsText == "3 passed (2 flaky), 1 failed")
    }

    /// Console: "Interrupted: 2 errors during collection", "2 errors". Each broken file is its own
    /// module (not one named after the runner), with the cause from the report's text.
    @Test func pytestCollectionErrorsBelongToTheirModules() {
        let result = SuiteFixtures.read("pytest-runs/collection-error.xml")
        #expect(counts(result) == ["test_broken_import": [0, 0, 1, 0], "test_syntax": [0, 0, 1, 0]])
        #expect(Set(result.failureGroups.map(\.cause)) == ["No module named 'staging_client_that_is_not_installed'", "invalid syntax"])

        let continued = SuiteFixtures.read("pytest-runs/collection-error-continue.xml")
        #expect(counts(continued) == ["test_broken_import": [0, 0, 1, 0], "test_syntax": [0, 0, 1, 0], "test_ok": [1, 0, 0, 0]])
        #expect(continued.summary == "1/3 modules passing")
    }

    // MARK: unittest-xml-reporting and nose2

    /// Console: "Ran 8 tests", FAILED (failures=1, errors=4, skipped=1, expected failures=1). unittest
    /// counts the setUpClass error among errors but not among the tests it ran: 9 here, 2 passed.
    static let unittestModules: [String: [Int]] = ["test_cart": [1, 1, 1, 2], "test_websocket": [1, 0, 3, 0]]

    @Test(arguments: ["unittest-runs/xmlrunner-file.xml", "unittest-runs/xmlrunner-folder", "unittest-runs/nose2.xml"])
    func unittestRunnersReadAlike(_ fixture: String) {
        let result = SuiteFixtures.read(fixture)
        #expect(counts(result) == Self.unittestModules)
        #expect(totals(result) == [2, 1, 4, 2])
        // The class fixture's error is in the module that owns the class, whichever runner split its name.
        #expect(result.modules.first { $0.name == "test_websocket" }?.failedTests.contains("setUpClass (BrokerTest)") == true)
    }

    /// nose2 writes "test failure" as every message; the causes come from the tracebacks and match
    /// what xmlrunner writes in its messages.
    @Test func nose2CausesComeFromTheTracebackAndMatchXmlrunner() {
        let nose2 = SuiteFixtures.read("unittest-runs/nose2.xml")
        let xmlrunner = SuiteFixtures.read("unittest-runs/xmlrunner-file.xml")
        let expected: Set = ["server rejected WebSocket connection: HTTP 500", "[Errno 111] Connection refused: 127.0.0.1:5672", "cart_id", "1199 != 1299 : total in cents"]
        #expect(Set(nose2.failureGroups.map(\.cause)) == expected)
        #expect(Set(xmlrunner.failureGroups.map(\.cause)) == expected)
        #expect(nose2.failureGroups.first?.cause == "server rejected WebSocket connection: HTTP 500")
    }

    // MARK: Node

    /// Console: tests 13, pass 4, fail 5, cancelled 2, skipped 1, todo 1. A todo is skipped (Node does
    /// not fail the run for it); a test cancelled because its hook failed is an error (it never ran).
    @Test func nodeModulesAreTopLevelDescribes() {
        let result = SuiteFixtures.read("node-test/report.xml")
        #expect(counts(result) == [
            "broker": [0, 0, 2, 0], "cart": [2, 1, 0, 2], "websocket": [1, 2, 0, 0], "(top-level tests)": [1, 2, 0, 0],
        ])
        #expect(totals(result) == [4, 5, 2, 2])
        #expect(!result.modules.map(\.name).contains("test"))
        let causes = result.failureGroups.map(\.cause)
        // Two groups of two lead; the one spanning the earlier module (broker's cancelled tests) first.
        #expect(result.failureGroups.prefix(2).map(\.count) == [2, 2])
        #expect(causes.contains("server rejected WebSocket connection: HTTP 500"))
        // Raw ESC bytes in the XML are read, and stripped from the cause.
        #expect(causes.contains("expected status 200, got 503"))
        #expect(causes.contains("test did not finish before its parent and was cancelled"))
    }

    // MARK: gotestsum

    /// Console: DONE 8 tests, 1 skipped, 3 failures.
    @Test func gotestsumModulesArePackages() {
        let result = SuiteFixtures.read("gotestsum/gotestsum.xml")
        #expect(result.modules.map(\.name) == ["cart", "ws", "store"])
        #expect(counts(result) == ["cart": [2, 1, 0, 0], "ws": [1, 2, 0, 1], "store": [1, 0, 0, 0]])
        // gotestsum's message is "Failed" for every test; the causes come from each test's log.
        #expect(Set(result.failureGroups.map(\.cause)) == [
            "total = 1199, want 1299", "server rejected WebSocket connection: HTTP 500", "reconnect took 5.2s, want under 1s",
        ])
    }

    /// Console: DONE 3 runs, 15 tests, 1 skipped, 7 failures; TestReconnect fails only in the first run.
    @Test func gotestsumRerunFailsCountsOnce() {
        let result = SuiteFixtures.read("gotestsum/reruns.xml")
        #expect(counts(result) == ["cart": [2, 1, 0, 0], "ws": [2, 1, 0, 1], "store": [1, 0, 0, 0]])
        #expect(result.tests == 8)
        #expect(result.flakyTests == [FlakyTest(module: "ws", name: "TestReconnect", tries: 2, cause: "reconnect took 5.2s, want under 1s")])
        // A subtest re-run with its failing parent passed every time: not flaky.
        #expect(!result.flakyTests.contains { $0.name == "TestTotal/with_coupon" })
    }

    // MARK: Surefire

    /// Console: Tests run: 7, Failures: 1, Errors: 1, Skipped: 1, Flakes: 2 (Surefire's own XML
    /// totals count every rerun: tests="9" for WebSocketTest).
    @Test func surefireJUnit4RerunsAndFlakes() {
        let result = SuiteFixtures.read("surefire-runs/junit4-reports")
        #expect(counts(result) == ["CartTest": [1, 1, 0, 1], "WebSocketTest": [3, 0, 1, 0]])
        #expect(result.tests == 7)
        #expect(result.flakyTests == [
            FlakyTest(module: "WebSocketTest", name: "broker", tries: 3, cause: "Connection refused: 127.0.0.1:5672"),
            FlakyTest(module: "WebSocketTest", name: "reconnects", tries: 2, cause: "reconnect took 5200 ms, want under 1000 ms"),
        ])
    }

    /// Console: Tests run: 8, Failures: 2, Errors: 2, Skipped: 1. The @BeforeAll failure is one error
    /// in its class; a @Nested class belongs to its outer class.
    @Test func surefireJUnit5() {
        let result = SuiteFixtures.read("surefire-runs/junit5-reports")
        #expect(counts(result) == ["BrokerTest": [0, 0, 1, 0], "CartTest": [2, 1, 0, 1], "WebSocketTest": [1, 1, 1, 0]])
        #expect(totals(result) == [3, 2, 2, 1])
        #expect(result.failureGroups.map(\.cause).contains("total in cents ==> expected: <1299> but was: <1199>"))
    }
}
