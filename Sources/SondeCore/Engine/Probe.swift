/// One kind of check. A probe must finish by `deadline` (the engine enforces it as a backstop)
/// and report failures in its outcome rather than throwing.
public protocol Probe: Sendable {
    func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome
}

/// Makes the probe for a target; the command line passes SondeProbes' factory, tests their own.
public typealias ProbeFactory = @Sendable (Target) -> any Probe
