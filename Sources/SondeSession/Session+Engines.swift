import Foundation
import SondeCore

/// The session's engines: every command probes through these, built from the session's `probing`,
/// and everything they find goes through `record`, so the store, history, alerts and deploy
/// detection see the same results whichever command runs.
extension Session {
    /// The dashboard's and the agent's engine: the config's targets, journeys and suites on their
    /// intervals, into this session, while `body` runs; stopped (rounds in flight cancelled, and
    /// awaited) when it returns. `also` sees each event after the session has, unless probing is
    /// being stopped (the agent's log).
    public func probingLive<T>(also: (@Sendable (EngineEvent) async -> Void)? = nil,
                               _ body: (LiveProbing) async throws -> T) async rethrows -> T {
        let engine = ReloadableEngine(
            config: config, factory: probing.factory, commands: probing.commands, scheduler: probing.scheduler,
            emit: { event in
                self.record(event)
                if Task.isCancelled { return }
                await also?(event)
            })
        let running = Task { await engine.run() }
        defer { running.cancel() }
        let value = try await body(LiveProbing(engine: engine, store: store))
        running.cancel()
        await running.value
        return value
    }

    /// `check`: every target probed `rounds` times, into this session; the results as they came.
    public func probeRounds(_ rounds: Int) async -> [ProbeResult] {
        let engine = Engine(targets: config.targets, factory: probing.factory, scheduler: probing.scheduler)
        var results: [ProbeResult] = []
        for await event in engine.events(rounds: rounds) {
            guard case .result(let result) = event else { continue }
            results.append(result)
            record(event)
        }
        return results
    }

    /// `report` and `check --repro`: targets and journeys for `rounds` rounds and suites read once,
    /// into this session, gathered as a report. `targets` and `journeys` narrow it (nil: all).
    public func report(rounds: Int, targets: [Target]? = nil, journeys: [JourneySpec]? = nil, includeSuites: Bool = true) async -> Report {
        await ReportCollector.collect(
            config: config, rounds: rounds, factory: probing.factory, commands: probing.commands, scheduler: probing.scheduler,
            targets: targets, journeys: journeys, includeSuites: includeSuites,
            observe: { self.record($0) }
        )
    }
}

/// The live engine of `probingLive`, as the dashboard's keys and a config read again reach it.
public struct LiveProbing: Sendable {
    let engine: ReloadableEngine
    let store: ObservationStore

    /// Pause, resume and probe-now.
    public var control: SchedulerControl { engine.control }

    /// A config read again: new targets start, removed ones stop, changed ones restart; the
    /// store's header counts follow the new target list.
    @discardableResult
    public func apply(_ config: SondeConfig) -> JobChanges {
        store.mutate { $0.countOnly(config.targets.map(\.name)) }
        return engine.apply(config)
    }

    /// Names of the jobs running now.
    public var jobNames: [String] { engine.jobNames }
}
