import Foundation
import SondeCore
import SondeHistory
import Testing

/// A result `seconds` after `base`, up or down, with a version and a latency.
func sample(
    _ target: String, at seconds: Double, from base: Date, status: Status = .up, ms: Double = 10,
    version: String? = nil, reason: String = "HTTP 503"
) -> ProbeResult {
    let outcome = status == .down
        ? ProbeOutcome(failure: FailureReason(.httpStatus, reason), statusCode: 503, version: version)
        : ProbeOutcome(latency: .milliseconds(ms), phases: [PhaseTiming("connect", .milliseconds(1))], statusCode: 200, version: version)
    return ProbeResult(target: target, kind: .http, status: status, outcome: outcome, latencyTarget: nil,
                       startedAt: base.addingTimeInterval(seconds), sequence: Int(seconds))
}

func openStore(in folder: URL, redactor: Redactor = Redactor(secrets: [])) throws -> HistoryStore {
    try HistoryStore(path: folder.appendingPathComponent("history.sqlite").path, redactor: redactor)
}

@Suite struct HistoryStoreTests {
    let base = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func resultsRoundTripThroughTheFile() async throws {
        let folder = try temporaryFolder()
        let store = try openStore(in: folder)
        let written = [sample("api", at: 1, from: base, version: "1.0"), sample("api", at: 2, from: base, status: .down)]
        try await store.append(written)
        try store.close()

        let reopened = try openStore(in: folder)
        let read = try await reopened.results()
        #expect(read.count == 2)
        #expect(read[0].outcome.version == "1.0")
        #expect(read[0].latency == .milliseconds(10))
        #expect(read[0].outcome.phases.first?.name == "connect")
        #expect(read[1].status == .down)
        #expect(read[1].reason == FailureReason(.httpStatus, "HTTP 503"))
        #expect(read[1].startedAt == base.addingTimeInterval(2))
        #expect(try await reopened.integrityCheck() == "ok")
    }

    @Test func theFileIsInWALMode() async throws {
        let folder = try temporaryFolder()
        let store = try openStore(in: folder)
        try await store.append([sample("api", at: 1, from: base)])
        #expect(FileManager.default.fileExists(atPath: store.path + "-wal"))
    }

    @Test func retentionDropsOldResultsAndMarkersOnly() async throws {
        let store = try openStore(in: try temporaryFolder())
        let now = base.addingTimeInterval(10 * 86_400)
        let old = (0..<5).map { sample("api", at: Double($0), from: base) }
        let fresh = (0..<3).map { sample("api", at: 9 * 86_400 + Double($0), from: base) }
        try await store.append(old + fresh)
        try await store.add(DeployMarker(name: "old", at: base, source: .flag))
        try await store.add(DeployMarker(name: "new", at: now.addingTimeInterval(-60), source: .manual))

        let dropped = try await store.prune(retention: .seconds(7 * 86_400), now: now)

        #expect(dropped == 5)
        #expect(try await store.count() == 3)
        #expect(try await store.markers().map(\.name) == ["new"])
    }

    @Test func secretsAreRedactedBeforeTheyReachTheFile() async throws {
        let folder = try temporaryFolder()
        let store = try openStore(in: folder, redactor: Redactor(secrets: ["s3cret-token"]))
        try await store.append([sample("api", at: 1, from: base, status: .down, reason: "401 for token s3cret-token")])
        try store.close()
        let bytes = try Data(contentsOf: folder.appendingPathComponent("history.sqlite"))
            + ((try? Data(contentsOf: folder.appendingPathComponent("history.sqlite-wal"))) ?? Data())
        #expect(!String(decoding: bytes, as: UTF8.self).contains("s3cret-token"))
        #expect(try await openStore(in: folder).results().first?.reason?.message == "401 for token ***")
    }

    @Test func summariesGivePercentilesAndErrorRatePerTarget() async throws {
        let store = try openStore(in: try temporaryFolder())
        let api = (1...100).map { sample("api", at: Double($0), from: base, ms: Double($0)) }
        let db = [sample("db", at: 1, from: base), sample("db", at: 2, from: base, status: .down)]
        try await store.append(api + db)
        let summaries = try await store.summaries()
        #expect(summaries.map(\.target) == ["api", "db"])
        let s = summaries[0].summary
        #expect(s.count == 100)
        #expect(abs((s.p50 ?? 0) - 50) < 0.5)
        #expect(abs((s.p95 ?? 0) - 95) < 0.5)
        #expect(abs((s.p99 ?? 0) - 99) < 0.5)
        #expect(summaries[1].summary.errorRate == 50)
    }

    @Test func seedHoldsRecentResultsPerTargetMarkersAndLastVersions() async throws {
        let store = try openStore(in: try temporaryFolder())
        let api = (0..<30).map { sample("api", at: Double($0), from: base, version: $0 < 20 ? "1.0" : "1.1") }
        let db = (0..<3).map { sample("db", at: Double($0), from: base, status: $0 == 2 ? .down : .up) }
        try await store.append(api + db)
        try await store.add(DeployMarker(name: "1.1", at: base.addingTimeInterval(20), source: .detected, target: "api", fromVersion: "1.0", toVersion: "1.1"))
        try await store.add(DeployMarker(name: "ancient", at: base.addingTimeInterval(-3600), source: .flag))

        let seed = try await store.seed(perTarget: 10)

        #expect(seed.results.filter { $0.target == "api" }.count == 10)
        #expect(seed.results.filter { $0.target == "db" }.count == 3)
        #expect(seed.results.map(\.startedAt) == seed.results.map(\.startedAt).sorted())
        #expect(seed.results.last(where: { $0.target == "api" })?.startedAt == base.addingTimeInterval(29))
        #expect(seed.markers.map(\.name) == ["1.1"])
        #expect(seed.versions == ["api": "1.1"])
        var replayed = Observations()
        for result in seed.results { replayed.record(.result(result)) }
        #expect(replayed[target: "db"]?.last?.status == .down)
        #expect(replayed.events.compactMap { if case .change(let change) = $0 { change.summary } else { nil } } == ["200 -> 503"])
        var detector = seed.deployDetector
        #expect(detector.observe(sample("api", at: 40, from: base, version: "1.2"))?.fromVersion == "1.1")
    }

    @Test func aFileThatIsNotSQLiteSaysWhatToDo() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("history.sqlite")
        try Data("not a database, just text that is long enough to have a header".utf8).write(to: path)
        #expect {
            _ = try HistoryStore(path: path.path)
        } throws: { error in
            "\(error)".contains("--history PATH") && "\(error)".contains(path.path)
        }
    }
}
