import SondeCore

/// What a session's engines probe with: the probe kinds (SondeProbes' factory in the binary, a fake
/// in a test), how suites' `run:` commands execute, and the scheduler whose clock times them (a
/// test clock in tests). Given once, at `SessionSetup`; every engine of the session is built from it.
public struct Probing: Sendable {
    public var factory: ProbeFactory
    public var commands: any CommandRunning
    public var scheduler: Scheduler

    public init(factory: @escaping ProbeFactory, commands: any CommandRunning, scheduler: Scheduler = Scheduler()) {
        self.factory = factory
        self.commands = commands
        self.scheduler = scheduler
    }

    /// For a session that only reads and stores (a test of the store, the time machine): any probe
    /// it is asked to run fails, saying so.
    public static let withoutProbes = Probing(factory: { _ in NoProbe() }, commands: NoCommands())
}

private struct NoProbe: Probe {
    func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        .failed(FailureReason(.other, "this session was opened without probes"))
    }
}

private struct NoCommands: CommandRunning {
    func run(_ command: String, in directory: String?, timeout: Duration) async -> CommandOutcome {
        CommandOutcome(exitStatus: nil, timedOut: false, output: "", launchError: "this session was opened without commands")
    }
}
