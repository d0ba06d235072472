import Foundation
import SondeCore
import SondeSession
import Synchronization
import Testing

/// A probe that is always down: the deploy broke the service.
private struct BrokenProbe: Probe {
    func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        ProbeOutcome(failure: FailureReason(.httpStatus, "HTTP 503"), statusCode: 503)
    }
}

/// What the watch reported, in order.
private final class Reported: Sendable {
    private let events = Mutex<[DeployWatch.Event]>([])
    func append(_ event: DeployWatch.Event) { events.withLock { $0.append(event) } }
    var all: [DeployWatch.Event] { events.withLock { $0 } }
}

/// `check --watch-deploy` as a library: the session's loop on a test clock, no binary, no network.
@Suite struct DeployWatchSessionTests {
    @Test func aTargetDownAfterTheMarkerStopsTheWatchEarlyAndEveryResultIsInTheStore() async throws {
        let clock = ManualClock()
        let control = SchedulerControl(clock: clock)
        let target = Target(name: "api", interval: .seconds(30), timeout: .seconds(1), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 9)))
        // A full baseline from history: the marker is placed at the start, every live result is after it.
        let history = (0..<6).map { second in
            ProbeResult(target: "api", kind: .tcp, status: .up, outcome: ProbeOutcome(latency: .milliseconds(5)), latencyTarget: nil,
                        startedAt: Date().addingTimeInterval(Double(second - 60)), sequence: second + 1)
        }
        var watch = DeployWatch(targets: ["api"], gate: DeployGate(criterion: .down), history: history, markerName: "v2")
        let reported = Reported()
        let probing = Probing(factory: { _ in BrokenProbe() }, commands: Probing.withoutProbes.commands, scheduler: Scheduler(control: control))
        let setup = SessionSetup(config: SondeConfig(environment: "test", targets: [target]), recorder: nil, probing: probing)
        let (ended, _) = try await Session.run(setup) { session in
            for event in watch.start(at: Date()) { reported.append(event) }
            let started = watch
            let watching = Task {
                await session.watchDeploy(started, every: .seconds(1), for: .seconds(600), report: reported.append)
            }
            // Round 1 now, round 2 a second later on the test clock: two down in a row after the marker.
            await control.waitUntilSettled(waiting: 1)
            clock.advance(by: .seconds(1))
            let ended = await watching.value
            #expect(session.store.snapshot()[target: "api"]?.failures == 2, "every result went through the session")
            return ended
        }
        #expect(clock.now == .seconds(1), "stopped early: ten minutes of watch took one second of the test clock")
        #expect(ended.decide() == .failed(["api: down 2 probes in a row (HTTP 503)"]))
        #expect(reported.all.last == .failedEarly(["api: down 2 probes in a row (HTTP 503)"]))
    }
}
