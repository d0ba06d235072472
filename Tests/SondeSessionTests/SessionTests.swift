import Foundation
import SondeCore
import SondeHistory
import SondeSession
import Synchronization
import Testing

/// The session as a library: what `watch`, `check` and `report` share, without the binary.
@Suite struct SessionTests {
    @Test func resultsGoToTheStoreAndHistoryAndAVersionChangeBecomesAMarkerInBoth() async throws {
        let history = try TemporaryHistory()
        let (_, closing) = try await Session.run(history.setup()) { session in
            for (n, version) in ["1.4.0", "1.4.0", "1.5.0"].enumerated() {
                session.record(.result(result(n + 1, version: version)))
            }
            let observed = session.store.snapshot()
            #expect(observed[target: "api"]?.count == 3)
            #expect(observed.markers.map(\.summary) == ["deploy 1.5.0 (api 1.4.0 -> 1.5.0)"])
        }
        #expect(closing.markers.map(\.marker.source) == [.detected])
        #expect(closing.markers.allSatisfy { $0.notRecorded == nil })
        let stored = try await history.store.markers()
        #expect(stored.map(\.toVersion) == ["1.5.0"])
        #expect(try await history.store.results().count == 3)
        #expect(await closing.recorded(perTarget: 2)?.count == 2)
    }

    @Test func aRestartedSessionStartsFromHistoryAndKnowsTheLastVersion() async throws {
        let history = try TemporaryHistory()
        _ = try await Session.run(history.setup()) { session in
            session.record(.result(result(1, version: "7")))
            session.place(DeployMarker(name: "release-42", at: Date(), source: .manual))
        }
        let (_, closing) = try await Session.run(history.setup(seed: SessionSeed(perTarget: 50))) { session in
            let observed = session.store.snapshot()
            #expect(observed[target: "api"]?.count == 1)
            #expect(observed.markers.map(\.name) == ["release-42"])
            // 7 was seen before the restart, so 8 is a deploy, and 7 again would not have been.
            session.record(.result(result(2, version: "8")))
        }
        #expect(closing.markers.map(\.marker.summary) == ["deploy 8 (api 7 -> 8)"])
    }

    @Test func theDeployFlagPlacesANamedMarkerAtOpen() async throws {
        let history = try TemporaryHistory()
        let (count, closing) = try await Session.run(history.setup(deploy: "release-43")) { session in
            session.store.snapshot().markers.count
        }
        #expect(count == 1)
        #expect(closing.markers.map(\.marker.name) == ["release-43"])
        #expect(try await history.store.markers().map(\.source) == [.flag])
    }

    @Test func withoutHistoryTheStoreStillFillsAndNothingIsRecorded() async throws {
        let said = Mutex<[String]>([])
        let setup = SessionSetup(config: config, recorder: nil, probing: .withoutProbes, seed: SessionSeed(perTarget: 10), problems: { line in said.withLock { $0.append(line) } })
        let (_, closing) = try await Session.run(setup) { session in
            session.record(.result(result(1, version: "1")))
            session.record(.result(result(2, version: "2")))
            #expect(session.store.snapshot()[target: "api"]?.count == 2)
        }
        #expect(closing.markers.count == 1)
        #expect(await closing.recorded(perTarget: 10) == nil)
        #expect(said.withLock { $0 }.isEmpty)
    }

    @Test func theStoreIsPokedOncePerBurstUntilItIsRead() async throws {
        let pokes = Atomic<Int>(0)
        let setup = SessionSetup(config: config, recorder: nil, probing: .withoutProbes, onChange: { pokes.add(1, ordering: .relaxed) })
        _ = try await Session.run(setup) { session in
            for n in 1...5 { session.record(.result(result(n, version: nil))) }
            #expect(pokes.load(ordering: .relaxed) == 1)
            _ = session.store.snapshot()
            session.record(.result(result(6, version: nil)))
            #expect(pokes.load(ordering: .relaxed) == 2)
        }
    }
}

let config = SondeConfig(environment: "test", targets: [])

private func result(_ sequence: Int, version: String?) -> ProbeResult {
    ProbeResult(
        target: "api", kind: .http, status: .up, outcome: ProbeOutcome(latency: .milliseconds(10), version: version),
        latencyTarget: nil, startedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(sequence)), sequence: sequence
    )
}
