/// What a scheduled job does, for telling a changed job from an unchanged one when the config
/// is read again. A target's place in the file is left out: a line added above it must not
/// restart its schedule.
public enum JobIdentity: Sendable, Equatable {
    case target(Target)
    case journey(JourneySpec)
    case suite(SuiteSpec)

    public static func of(_ target: Target) -> JobIdentity {
        var placeless = target
        placeless.location = nil
        return .target(placeless)
    }
}

/// A job with what it does, as the engine plans it for a config.
public struct PlannedJob: Sendable {
    public var job: ScheduledJob
    public var identity: JobIdentity

    public init(_ job: ScheduledJob, identity: JobIdentity) {
        self.job = job
        self.identity = identity
    }
}

/// What applying a new plan changed, by job name: `started` are new, `restarted` changed
/// (their schedule begins again), `stopped` are gone; every other job kept its rhythm.
public struct JobChanges: Sendable, Equatable {
    public var started: [String] = []
    public var restarted: [String] = []
    public var stopped: [String] = []
    public var kept: [String] = []

    public init(started: [String] = [], restarted: [String] = [], stopped: [String] = [], kept: [String] = []) {
        self.started = started
        self.restarted = restarted
        self.stopped = stopped
        self.kept = kept
    }

    public var isEmpty: Bool { started.isEmpty && restarted.isEmpty && stopped.isEmpty }
}
