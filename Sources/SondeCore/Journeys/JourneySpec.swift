/// An ordered series of steps ("golden path"): each a configured target or an inline probe.
public struct JourneySpec: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var name: String
        /// The probe this step runs; a step naming a target copies that target.
        public var target: Target

        public init(name: String, target: Target) {
            self.name = name
            self.target = target
        }
    }

    public var name: String
    public var steps: [Step]
    /// Stop at the first failing step (the default) or run every step.
    public var stopOnFailure: Bool
    public var interval: Duration

    public init(name: String, steps: [Step], stopOnFailure: Bool = true, interval: Duration) {
        self.name = name
        self.steps = steps
        self.stopOnFailure = stopOnFailure
        self.interval = interval
    }
}
