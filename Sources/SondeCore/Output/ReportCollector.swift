import Foundation

/// Runs targets and journeys for a number of rounds (suites once each, they are slow and
/// change rarely) and gathers what they found into a `Report`.
public enum ReportCollector {
    public static func collect(
        config: SondeConfig, rounds: Int, factory: @escaping ProbeFactory, commands: any CommandRunning, scheduler: Scheduler = Scheduler(),
        targets: [Target]? = nil, journeys: [JourneySpec]? = nil, includeSuites: Bool = true,
        observe: (@Sendable (EngineEvent) async -> Void)? = nil
    ) async -> Report {
        let started = Date()
        let targets = targets ?? config.targets
        let journeys = journeys ?? config.journeys
        let watchers = includeSuites ? SuiteWatcher.all(for: config, commands: commands) : []
        async let suiteResults = readOnce(watchers)
        let engine = Engine(targets: targets, journeys: journeys, factory: factory, scheduler: scheduler)
        var results: [ProbeResult] = []
        var journeyRuns: [JourneyResult] = []
        for await event in engine.events(rounds: rounds) {
            switch event {
            case .result(let result): results.append(result)
            case .journey(let run): journeyRuns.append(run)
            case .suite: break
            }
            await observe?(event)
        }
        let suites = await suiteResults
        for suite in suites { await observe?(.suite(suite)) }
        return Report(
            environment: config.environment, started: started, finished: Date(), rounds: rounds, targets: targets,
            results: results, journeys: journeys, journeyRuns: journeyRuns, suites: suites, flapping: config.history
        )
    }

    /// Every suite read once, concurrently, in config order.
    static func readOnce(_ watchers: [SuiteWatcher]) async -> [SuiteResult] {
        await withTaskGroup(of: (Int, SuiteResult?).self) { group in
            for (index, watcher) in watchers.enumerated() {
                group.addTask { (index, await watcher.refresh()) }
            }
            var byIndex: [Int: SuiteResult] = [:]
            for await (index, result) in group { byIndex[index] = result }
            return watchers.indices.compactMap { byIndex[$0] }
        }
    }
}
