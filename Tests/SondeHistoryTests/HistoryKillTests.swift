import Foundation
import SondeCore
import SondeHistory
import Testing

/// The real binary recording into a real file, killed with SIGKILL in the middle of its writes.
@Suite(.serialized) struct HistoryKillTests {
    @Test func killDuringWritesLeavesASoundFileWithWhatWasCommitted() async throws {
        let (server, folder, config) = try await stagingServer(interval: "10ms") { _ in .init() }
        defer { server.stop() }
        let history = folder.appendingPathComponent("history.sqlite").path

        let (process, _) = try SondeBinary.start(["check", config.path, "--rounds", "10000", "--history", history], in: folder)
        // 150 probes at 10 ms take at least 1.5 s on the scheduler's clock: several 500 ms
        // commits have happened, and more results are buffered, when the kill lands.
        await server.waitForRequests(150)
        kill(process.processIdentifier, SIGKILL)
        await SondeBinary.waitForExit(process)
        #expect(process.terminationReason == .uncaughtSignal)
        let served = server.requests

        let store = try HistoryStore(path: history)
        #expect(try await store.integrityCheck() == "ok")
        let kept = try await store.count()
        #expect(kept > 0, "nothing was committed before the kill")
        #expect(kept <= served)
        let results = try await store.results()
        #expect(results.allSatisfy { $0.target == "api" && $0.status == .up })

        // The file takes writes again, and the next run's results add to it.
        let again = try await SondeBinary.run(["check", config.path, "--rounds", "3", "--history", history], in: folder)
        #expect(again.status == 0, "\(again.output)")
        #expect(try await store.count() == kept + 3)
    }

    @Test func repeatedKillsNeverCorruptTheFile() async throws {
        let (server, folder, config) = try await stagingServer(interval: "5ms") { _ in .init() }
        defer { server.stop() }
        let history = folder.appendingPathComponent("history.sqlite").path
        var lastCount = 0
        for round in 1...4 {
            let (process, _) = try SondeBinary.start(["check", config.path, "--rounds", "10000", "--history", history], in: folder)
            await server.waitForRequests(server.requests + 60 + round * 17)
            kill(process.processIdentifier, SIGKILL)
            await SondeBinary.waitForExit(process)
            let store = try HistoryStore(path: history)
            #expect(try await store.integrityCheck() == "ok")
            let count = try await store.count()
            #expect(count >= lastCount, "committed results disappeared after kill \(round)")
            lastCount = count
            try store.close()
        }
    }
}
