/// The engine of a run that reads its config again while it runs (`watch`, `agent`): `apply`
/// hands the new config's jobs to the running scheduler, which starts what is new, stops what
/// went, restarts what changed and leaves the rest on their schedules.
public final class ReloadableEngine: Sendable {
    public let scheduler: Scheduler
    private let factory: ProbeFactory
    private let commands: any CommandRunning
    private let emit: @Sendable (EngineEvent) async -> Void
    private let live = LiveJobs()

    public init(config: SondeConfig, factory: @escaping ProbeFactory, commands: any CommandRunning, scheduler: Scheduler = Scheduler(),
                emit: @escaping @Sendable (EngineEvent) async -> Void) {
        self.scheduler = scheduler
        self.factory = factory
        self.commands = commands
        self.emit = emit
        apply(config)
    }

    public var control: SchedulerControl { scheduler.control }

    /// Runs until cancelled.
    public func run() async { await scheduler.run(live: live) }

    @discardableResult
    public func apply(_ config: SondeConfig) -> JobChanges {
        live.apply(Engine(config: config, factory: factory, commands: commands, scheduler: scheduler).planned(emit: emit))
    }

    /// Names of the jobs running now.
    public var jobNames: [String] { live.names }
}
