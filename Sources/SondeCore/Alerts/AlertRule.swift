import Foundation

/// What a rule watches for. One exhaustive list, so a new condition makes the compiler ask
/// every place that judges one.
public enum AlertCondition: String, Sendable, CaseIterable {
    /// A target's result is down.
    case down
    /// A target answered over its latency goal (a down result is the `down` rule's business).
    case slow
    /// The intermittency detector calls the target flapping (`history:` k of n).
    case flapping
    /// A journey run failed a step.
    case journey
    /// A test suite has failing modules or could not be read.
    case suite
    /// After the latest deploy marker the target fails or is slower than before it.
    case regression
}

/// How long a condition must hold before a rule fires: results in a row, or a span of time.
public enum AlertHold: Sendable, Equatable {
    case results(Int)
    case duration(Duration)
}

/// One `alerts.rules` entry, defaults applied.
public struct AlertRule: Sendable, Equatable {
    public var name: String
    public var condition: AlertCondition
    public var hold: AlertHold
    /// Good results in a row before a firing alert resolves.
    public var recover: Int
    /// Names or globs of targets (journeys and suites by name for those conditions).
    public var targets: [TargetPattern]
    /// Channel names, each declared under `alerts.channels`.
    public var notify: [String]
    /// Remind while still firing; nil never reminds.
    public var repeatEvery: Duration?
    /// Alertmanager's `severity` label.
    public var severity: String
    /// Hold firing for this long after a deploy marker (a deploy's own blip is not an incident).
    public var deployGrace: Duration?
    public var location: SourceLocation?

    public init(
        name: String, condition: AlertCondition, hold: AlertHold = .results(1), recover: Int = 1,
        targets: [TargetPattern] = [TargetPattern("*")], notify: [String], repeatEvery: Duration? = nil,
        severity: String = "warning", deployGrace: Duration? = nil, location: SourceLocation? = nil
    ) {
        self.name = name
        self.condition = condition
        self.hold = hold
        self.recover = recover
        self.targets = targets
        self.notify = notify
        self.repeatEvery = repeatEvery
        self.severity = severity
        self.deployGrace = deployGrace
        self.location = location
    }

    public func applies(to subject: String) -> Bool { targets.contains { $0.matches(subject) } }
}
