/// An ordered series of steps ("golden path"): each a configured target or an inline probe.
public struct JourneySpec: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var name: String
        /// The probe this step runs; a step naming a target copies that target. Its strings may hold
        /// `${steps.NAME.CAPTURE}` placeholders, filled in from earlier steps when the journey runs.
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
    /// A failure the user expects the journey to show (`sonde check --repro`).
    public var expectedFailure: ExpectedFailure?

    public init(name: String, steps: [Step], stopOnFailure: Bool = true, interval: Duration, expectedFailure: ExpectedFailure? = nil) {
        self.name = name
        self.steps = steps
        self.stopOnFailure = stopOnFailure
        self.interval = interval
        self.expectedFailure = expectedFailure
    }
}
