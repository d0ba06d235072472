import Foundation
import Synchronization

/// Probes every target on its interval and publishes judged results. A target that hangs
/// costs only its own deadline: the engine abandons a probe that overruns it.
public struct Engine: Sendable {
    public let targets: [Target]
    public let journeys: [JourneySpec]
    public let suites: [SuiteWatcher]
    public let factory: ProbeFactory
    public let scheduler: Scheduler
    /// Extra time a probe gets past its deadline before the engine gives up on it.
    public static let deadlineGrace: Duration = .milliseconds(250)

    public init(
        targets: [Target], journeys: [JourneySpec] = [], suites: [SuiteWatcher] = [],
        factory: @escaping ProbeFactory, scheduler: Scheduler = Scheduler()
    ) {
        self.targets = targets
        self.journeys = journeys
        self.suites = suites
        self.factory = factory
        self.scheduler = scheduler
    }

    /// Everything a config watches: targets, journeys and suites.
    public init(config: SondeConfig, factory: @escaping ProbeFactory, commands: any CommandRunning, scheduler: Scheduler = Scheduler()) {
        self.init(
            targets: config.targets, journeys: config.journeys, suites: SuiteWatcher.all(for: config, commands: commands),
            factory: factory, scheduler: scheduler
        )
    }

    public var control: SchedulerControl { scheduler.control }

    /// A job per target, journey and suite; each hands what it finds to `emit`.
    public func jobs(emit: @escaping @Sendable (EngineEvent) async -> Void) -> [ScheduledJob] {
        planned(emit: emit).map(\.job)
    }

    /// The jobs with what each does, so a config read again can tell what changed.
    public func planned(emit: @escaping @Sendable (EngineEvent) async -> Void) -> [PlannedJob] {
        let targetJobs = targets.map { target in
            let probe = factory(target)
            let job = ScheduledJob(name: target.name, interval: target.interval) { round in
                let result = await Self.probeOnce(target, probe: probe, sequence: round)
                await emit(.result(result))
            }
            return PlannedJob(job, identity: .of(target))
        }
        let journeyJobs = journeys.map { PlannedJob(JourneyRunner(journey: $0, factory: factory).job(emit: emit), identity: .journey($0)) }
        return targetJobs + journeyJobs + suites.map { PlannedJob($0.job(emit: emit), identity: .suite($0.spec)) }
    }

    public func run(rounds: Int? = nil, extraJobs: [ScheduledJob] = [], emit: @escaping @Sendable (EngineEvent) async -> Void) async {
        await scheduler.run(jobs(emit: emit) + extraJobs, rounds: rounds)
    }

    /// Events as a stream; the run stops when the consumer stops iterating.
    public func events(rounds: Int? = nil, extraJobs: [ScheduledJob] = []) -> AsyncStream<EngineEvent> {
        AsyncStream(bufferingPolicy: .bufferingNewest(10_000)) { continuation in
            let task = Task {
                await run(rounds: rounds, extraJobs: extraJobs) { continuation.yield($0) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Runs one probe of a target under its deadline and judges the outcome.
    public static func probeOnce(_ target: Target, probe: any Probe, sequence: Int) async -> ProbeResult {
        let startedAt = Date()
        let outcome = CertificateExpiry.apply(
            days: target.certificateDays, to: await DeadlineRace.run(probe, budget: target.timeout, grace: deadlineGrace)
        )
        return ProbeResult(
            target: target.name, kind: target.kind,
            status: ProbeResult.judge(outcome, latencyTarget: target.latencyTarget),
            outcome: outcome, latencyTarget: target.latencyTarget, startedAt: startedAt, sequence: sequence
        )
    }
}

/// Races a probe against its deadline without waiting for a probe that ignores cancellation.
enum DeadlineRace {
    /// The probe's deadline starts when its task does: on a loaded machine a task can start late,
    /// and the probe still gets its whole budget (and its timeout reason names the configured one).
    static func run(_ probe: any Probe, budget: Duration, grace: Duration) async -> ProbeOutcome {
        let first = FirstValue<ProbeOutcome>()
        let work = Task { first.offer(await probe.run(deadline: ContinuousClock.now + budget)) }
        let watch = Backstop.shared.watch(until: ContinuousClock.now + budget + grace) {
            first.offer(.failed(.timeout(after: budget, during: "the probe")))
        }
        let outcome = await withTaskCancellationHandler {
            await first.value()
        } onCancel: {
            first.offer(.failed(FailureReason(.other, "cancelled")))
        }
        work.cancel()
        Backstop.shared.release(watch)
        return outcome
    }
}

