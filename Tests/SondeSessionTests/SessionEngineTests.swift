import Foundation
import SondeCore
import SondeHistory
import SondeSession
import Synchronization
import Testing

/// Answers up, reporting version "1" on its first probe and "2" after: a deploy between rounds.
private final class DeployingProbe: Probe {
    private let probes = Atomic<Int>(0)

    func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        let number = probes.add(1, ordering: .relaxed).newValue
        return ProbeOutcome(latency: .milliseconds(5), version: number == 1 ? "1" : "2")
    }
}

private struct UpProbe: Probe {
    func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome { ProbeOutcome(latency: .milliseconds(5)) }
}

private func target(_ name: String) -> Target {
    Target(name: name, interval: .seconds(10), timeout: .seconds(1), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 9)))
}

/// The engines a session builds for every command, on a test clock with probes of the test's own.
@Suite struct SessionEngineTests {
    @Test func checkRoundsGoThroughTheSessionSoAVersionChangeIsADeploy() async throws {
        let clock = ManualClock()
        let control = SchedulerControl(clock: clock)
        let probe = DeployingProbe()
        let probing = Probing(factory: { _ in probe }, commands: Probing.withoutProbes.commands, scheduler: Scheduler(control: control))
        let setup = SessionSetup(config: SondeConfig(environment: "test", targets: [target("api")]), recorder: nil, probing: probing)
        let (results, closing) = try await Session.run(setup) { session in
            let rounds = Task { await session.probeRounds(2) }
            await control.waitUntilSettled(waiting: 1)
            clock.advance(by: .seconds(10))
            let results = await rounds.value
            #expect(session.store.snapshot()[target: "api"]?.count == 2)
            return results
        }
        #expect(results.map(\.sequence) == [1, 2])
        #expect(closing.markers.map(\.marker.summary) == ["deploy 2 (api 1 -> 2)"])
    }

    @Test func liveProbingTakesAReloadCountsItsTargetsAndStopsWithItsBody() async throws {
        let clock = ManualClock()
        let control = SchedulerControl(clock: clock)
        let probing = Probing(factory: { _ in UpProbe() }, commands: Probing.withoutProbes.commands, scheduler: Scheduler(control: control))
        let first = SondeConfig(environment: "test", targets: [target("a")])
        let setup = SessionSetup(config: first, recorder: nil, probing: probing)
        _ = try await Session.run(setup) { session in
            await session.probingLive { live in
                await control.waitUntilSettled(waiting: 1)
                #expect(session.store.snapshot().tally.up == 1)
                var second = first
                second.targets.append(target("b"))
                let changes = live.apply(second)
                #expect(changes.started == ["b"])
                await control.waitUntilSettled(waiting: 2)
                #expect(session.store.snapshot().tally.up == 2, "the reloaded target is counted and probed")
                #expect(live.jobNames.sorted() == ["a", "b"])
            }
            #expect(control.waitingJobs == 0, "the engine stopped when the body returned")
        }
    }

    @Test func aRestartedSessionReadsNoMoreHistoryThanItsStoreKeeps() async throws {
        let history = try TemporaryHistory()
        // 2,000 targets: the store keeps 200 compact results a target (Limits.forFleet).
        let fleet = SondeConfig(environment: "test", targets: [target("api")] + (1..<2_000).map { target("t\($0)") })
        let kept = Observations.Limits.forFleet(of: 2_000).log
        #expect(kept == 200)
        let start = Date().addingTimeInterval(-600)
        _ = try await Session.run(SessionSetup(config: fleet, recorder: HistoryRecorder(store: history.store), probing: .withoutProbes)) { session in
            for n in 1...250 {
                session.record(.result(ProbeResult(
                    target: "api", kind: .tcp, status: .up, outcome: ProbeOutcome(latency: .milliseconds(5)), latencyTarget: nil,
                    startedAt: start.addingTimeInterval(Double(n)), sequence: n)))
            }
        }
        let setup = SessionSetup(config: fleet, recorder: HistoryRecorder(store: history.store), probing: .withoutProbes, seed: SessionSeed())
        let (count, _) = try await Session.run(setup) { session in session.store.snapshot()[target: "api"]?.count }
        #expect(count == kept)
    }
}
