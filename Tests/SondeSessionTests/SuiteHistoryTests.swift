import Foundation
import SondeCore
import SondeHistory
import SondeSession
import Testing

/// Suite readings kept in history: a later session (a restarted dashboard, the next `sonde
/// report`) says what changed since the last run, even the first time it reads the suite.
@Suite struct SuiteHistoryTests {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    private func reading(_ minute: Int, failing: [String]) -> SuiteResult {
        SuiteResult(
            name: "e2e",
            modules: [
                ModuleResult(name: "test_3_agent_pipeline", passed: 4 - failing.count, failed: failing.count, failedTests: failing),
                ModuleResult(name: "test_1_websocket", passed: 3),
            ],
            readAt: start.addingTimeInterval(Double(minute) * 60))
    }

    @Test func aNewSessionComparesWithTheRunsAnEarlierOneRecorded() async throws {
        let history = try TemporaryHistory()
        _ = try await Session.run(history.setup()) { session in
            session.record(.suite(reading(0, failing: [])))
            session.record(.suite(reading(2, failing: ["test_a"])))
        }
        #expect(try await history.store.suiteReadings().map(\.modules.first?.failingTests) == [[], ["test_a"]])

        _ = try await Session.run(history.setup()) { session in
            // No reading yet in this session, but the runs in history are the ones compared with.
            #expect(session.store.snapshot().suiteReadings["e2e"]?.count == 2)
            session.record(.suite(reading(4, failing: ["test_a", "test_b"])))
            let observed = session.store.snapshot()
            let trend = try #require(observed.trend(suite: "e2e", module: "test_3_agent_pipeline"))
            #expect(trend.standing == .stillFailing(since: start.addingTimeInterval(120), runs: 2))
            #expect(trend.newlyFailingTests == ["test_b"])
            #expect(trend.passRates == [1, 0.75, 0.5])
            let logged = observed.events.compactMap { entry -> String? in
                guard case .suite(let change) = entry else { return nil }
                return change.text
            }
            #expect(logged == ["suite e2e: 1 newly failing (test_3_agent_pipeline)"])
        }
        #expect(try await history.store.suiteReadings().count == 3)
    }

    @Test func readingsArePrunedWithResults() async throws {
        let history = try TemporaryHistory()
        try await history.store.append([SuiteReading(reading(0, failing: ["old"])), SuiteReading(reading(600, failing: []))])
        try await history.store.prune(olderThan: start.addingTimeInterval(300 * 60))
        #expect(try await history.store.suiteReadings().map(\.readAt) == [start.addingTimeInterval(600 * 60)])
    }

    @Test func testNamesWithSecretsAreMaskedInTheFile() async throws {
        let history = try TemporaryHistory(secrets: ["s3cr3t-token"])
        try await history.store.append([SuiteReading(reading(0, failing: ["test_login[s3cr3t-token]"]))])
        // WAL mode: what was written may still be in the -wal file beside the database.
        let raw = [history.store.path, history.store.path + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
            .map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(raw.contains("test_login"), "the reading is in the files read")
        #expect(!raw.contains("s3cr3t-token"))
        #expect(try await history.store.suiteReadings().first?.modules.first?.failingTests == ["test_login[***]"])
    }
}
