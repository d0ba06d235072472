/// Something run on an interval by the scheduler: a target's probe, a journey, a suite.
public struct ScheduledJob: Sendable {
    public var name: String
    public var interval: Duration
    /// Runs one round; the argument counts rounds from 1.
    public var run: @Sendable (_ round: Int) async -> Void

    public init(name: String, interval: Duration, run: @escaping @Sendable (_ round: Int) async -> Void) {
        self.name = name
        self.interval = interval
        self.run = run
    }
}
