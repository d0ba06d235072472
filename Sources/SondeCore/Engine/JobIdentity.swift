/// What a scheduled job does, for telling a changed job from an unchanged one when the config
/// is read again. A target's place in the file is left out: a line added above it must not
/// restart its schedule.
///
/// A target's identity is the target itself (one shared reference, see `Target`); journeys and
/// suites are boxed so that a fleet's identities, mostly targets, are a pointer each.
public enum JobIdentity: Sendable, Equatable {
    case target(Target)
    indirect case journey(JourneySpec)
    indirect case suite(SuiteSpec)

    public static func of(_ target: Target) -> JobIdentity { .target(target) }

    public static func == (lhs: JobIdentity, rhs: JobIdentity) -> Bool {
        switch (lhs, rhs) {
        case (.target(let a), .target(let b)): a.probesAlike(b)
        case (.journey(let a), .journey(let b)): a == b
        case (.suite(let a), .suite(let b)): a == b
        default: false
        }
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
