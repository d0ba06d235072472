import Foundation
import Synchronization
import Testing
@testable import SondeCore

/// A probe that answers at once with a fixed latency.
private struct InstantProbe: Probe {
    var latency: Duration = .milliseconds(5)
    func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome { ProbeOutcome(latency: latency) }
}

/// A probe that never answers and ignores cancellation: the engine must give up on it alone.
private struct HungProbe: Probe {
    func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
        return ProbeOutcome(latency: .zero)
    }
}

/// Collects events in arrival order.
private final class EventLog: Sendable {
    private let events = Mutex<[EngineEvent]>([])
    func append(_ event: EngineEvent) { events.withLock { $0.append(event) } }
    var results: [ProbeResult] {
        events.withLock { $0.compactMap { if case .result(let r) = $0 { r } else { nil } } }
    }
}

private func target(_ name: String, interval: Duration = .milliseconds(10), timeout: Duration = .milliseconds(300),
                    latencyTarget: Duration? = nil) -> Target {
    Target(name: name, interval: interval, timeout: timeout, latencyTarget: latencyTarget,
           probe: .tcp(TCPSpec(host: "127.0.0.1", port: 1)))
}

@Suite("Engine")
struct EngineTests {
    @Test func aHungTargetTimesOutAloneWhileTheOthersKeepTheirRounds() async throws {
        let log = EventLog()
        // Rounds follow a manual clock; only the hung probe's deadline is real time.
        let clock = ManualClock()
        let engine = Engine(
            targets: [target("hung", timeout: .seconds(3)), target("healthy")],
            factory: { t in t.name == "hung" ? HungProbe() as any Probe : InstantProbe() },
            scheduler: Scheduler(control: SchedulerControl(clock: clock))
        )
        let run = Task { await engine.run { log.append($0) } }
        // The healthy target's rounds 2 and 3 while the hung one is inside its first deadline
        // (the hung probe is still in its round, so the one job waiting is the healthy target).
        for _ in 0..<2 {
            await engine.control.waitUntilSettled(waiting: 1)
            clock.advance(by: .milliseconds(10))
        }
        await engine.control.waitUntilSettled(waiting: 1)
        let healthy = log.results
        // Then the hung target times out and waits for its next round too.
        await engine.control.waitUntilSettled(waiting: 2)
        let hung = log.results.filter { $0.target == "hung" }
        run.cancel()
        await run.value

        #expect(healthy.map(\.target) == ["healthy", "healthy", "healthy"], "no healthy round waited for the hung one")
        #expect(healthy.map(\.sequence) == [1, 2, 3])
        #expect(healthy.allSatisfy { $0.status == .up && $0.latency == .milliseconds(5) })
        #expect(hung.count == 1)
        #expect(hung.first?.status == .down && hung.first?.reason?.kind == .timeout)
        #expect(hung.first?.reason?.message == "timed out after 3s during the probe")
    }

    @Test func overTheLatencyTargetIsSlowAndFailureIsDown() {
        let slow = ProbeResult.judge(ProbeOutcome(latency: .milliseconds(150)), latencyTarget: .milliseconds(100))
        let fast = ProbeResult.judge(ProbeOutcome(latency: .milliseconds(50)), latencyTarget: .milliseconds(100))
        let down = ProbeResult.judge(.failed(FailureReason(.refused, "connection refused")), latencyTarget: nil)
        #expect([slow, fast, down] == [.slow, .up, .down])
    }

    @Test func runNowProbesAPausedTargetOnce() async {
        let log = EventLog()
        let engine = Engine(targets: [target("a", interval: .seconds(3600))]) { _ in InstantProbe() }
        engine.control.pause()
        let run = Task { await engine.run(rounds: 2) { log.append($0) } }
        engine.control.runNow("a")
        engine.control.resume()
        await run.value
        #expect(log.results.map(\.sequence) == [1, 2])
    }
}
