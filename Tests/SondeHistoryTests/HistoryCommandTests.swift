import Foundation
import SondeCore
import SondeHistory
import Testing

/// `sonde history` and the retention `sonde check` applies, through the real binary.
@Suite struct HistoryCommandTests {
    @Test func checkAppliesTheConfiguredRetentionToTheFile() async throws {
        let (server, folder, _) = try await stagingServer { _ in .init() }
        defer { server.stop() }
        let config = try writeConfig(in: folder, url: server.url, extra: "history: { retention: 1h }")
        let store = try HistoryStore(path: folder.appendingPathComponent(HistoryLocation.defaultFileName).path)
        let now = Date()
        try await store.append((1...4).map { sample("api", at: -7200 - Double($0), from: now) })
        try await store.append([sample("api", at: -60, from: now)])
        try await store.add(DeployMarker(name: "old", at: now.addingTimeInterval(-7200), source: .flag))

        let run = try await SondeBinary.run(["check", config.path], in: folder)

        #expect(run.status == 0, "\(run.output)")
        #expect(try await store.count() == 2)
        #expect(try await store.markers().isEmpty)
    }

    @Test func historyPrintsPercentilesIntermittencyAndFailureWindowsWithReasons() async throws {
        let folder = try temporaryFolder()
        let config = try writeConfig(in: folder, url: "http://127.0.0.1:9/health", extra: "history: { flap_failures: 2, flap_window: 6 }")
        let store = try HistoryStore(path: folder.appendingPathComponent(HistoryLocation.defaultFileName).path)
        let now = Date().addingTimeInterval(-120)
        let statuses: [Status] = [.up, .down, .down, .up, .up, .down, .up]
        try await store.append(statuses.enumerated().map { i, status in
            sample("api", at: Double(i), from: now, status: status, ms: 20, reason: i == 5 ? "timeout" : "HTTP 503")
        })
        try await store.append((0..<5).map { sample("db", at: Double($0), from: now, ms: 4) })

        let plain = try await SondeBinary.run(["history", "--config", config.path, "--since", "10m"], in: folder)
        #expect(plain.status == 0, "\(plain.output)")
        #expect(plain.output.contains(#/api\s+7\s+3\s+42\.9%\s+20ms/#), "\(plain.output)")
        #expect(plain.output.contains("api: failed 3 of the last 6"), "\(plain.output)")
        #expect(plain.output.contains("(HTTP 503; timeout)"), "\(plain.output)")
        #expect(!plain.output.contains("db: failed"))

        let failures = try await SondeBinary.run(["history", "api", "--config", config.path, "--failures"], in: folder)
        #expect(failures.status == 0, "\(failures.output)")
        #expect(failures.output.contains("Failure windows:"), "\(failures.output)")
        #expect(failures.output.contains(#/api .* 2 .* HTTP 503 ×2/#), "\(failures.output)")
        #expect(failures.output.contains(#/api .* 1 .* timeout/#), "\(failures.output)")
        #expect(!failures.output.contains("db "), "\(failures.output)")
    }

    @Test func aMissingHistorySaysHowToGetOne() async throws {
        let folder = try temporaryFolder()
        let run = try await SondeBinary.run(["history", "--history", folder.appendingPathComponent("none.sqlite").path], in: folder)
        #expect(run.status == 2)
        #expect(run.output.contains("Run `sonde check` or `sonde watch` first"), "\(run.output)")
    }
}
