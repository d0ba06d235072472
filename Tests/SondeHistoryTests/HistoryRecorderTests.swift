import Foundation
import SondeCore
import SondeHistory
import Testing

@Suite struct HistoryRecorderTests {
    let base = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func finishCommitsEverythingRecorded() async throws {
        let store = try openStore(in: try temporaryFolder())
        // A flush interval longer than the test: only finish() can have written these.
        let recorder = HistoryRecorder(store: store, flushEvery: .seconds(3600))
        for i in 0..<250 { recorder.record(sample("api", at: Double(i), from: base)) }
        #expect(try await store.count() == 0)
        await recorder.finish()
        #expect(try await store.count() == 250)
        #expect(recorder.written == 250)
        #expect(recorder.lastError == nil)
    }

    @Test func theFlushLoopCommitsWithoutBeingAsked() async throws {
        let store = try openStore(in: try temporaryFolder())
        let recorder = HistoryRecorder(store: store, flushEvery: .milliseconds(20))
        recorder.record([sample("api", at: 1, from: base), sample("api", at: 2, from: base)])
        // Waits for the loop's commit (bounded), not for a fixed time.
        let deadline = ContinuousClock.now + .seconds(10)
        while try await store.count() < 2, ContinuousClock.now < deadline { await Task.yield() }
        #expect(try await store.count() == 2)
        await recorder.finish()
    }

    @Test func aCancelledCallerStillCommitsItsLastBatch() async throws {
        let store = try openStore(in: try temporaryFolder())
        let recorder = HistoryRecorder(store: store, flushEvery: .seconds(3600))
        recorder.record(sample("api", at: 1, from: base))
        // A dashboard quitting cancels its tasks before they close history.
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await recorder.finish()
        }
        await task.value
        #expect(try await store.count() == 1)
    }

    @Test func aMarkerLandsAfterTheResultsRecordedBeforeIt() async throws {
        let store = try openStore(in: try temporaryFolder())
        let recorder = HistoryRecorder(store: store, flushEvery: .seconds(3600))
        recorder.record(sample("api", at: 1, from: base))
        let stored = try await recorder.add(DeployMarker(name: "v2", at: base.addingTimeInterval(2), source: .manual))
        #expect(stored.id != nil)
        #expect(try await store.count() == 1)
        #expect(try await store.markers().map(\.name) == ["v2"])
        await recorder.finish()
    }
}
