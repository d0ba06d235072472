import Foundation

/// Runs a journey's steps in order with real probes (the factory the command line passes),
/// carrying captured values from one step into the next. Each step gets its own deadline.
public struct JourneyRunner: Sendable {
    public let journey: JourneySpec
    public let factory: ProbeFactory

    public init(journey: JourneySpec, factory: @escaping ProbeFactory) {
        self.journey = journey
        self.factory = factory
    }

    /// A scheduler job that runs the journey on its interval and publishes each run.
    public func job(emit: @escaping @Sendable (EngineEvent) async -> Void) -> ScheduledJob {
        ScheduledJob(name: "journey:\(journey.name)", interval: journey.interval) { round in
            await emit(.journey(await run(sequence: round)))
        }
    }

    public func run(sequence: Int = 1) async -> JourneyResult {
        let startedAt = Date()
        var captured: StepPlaceholders.Captured = [:]
        var capturedValues: [String] = []
        var steps: [JourneyResult.StepResult] = []
        var failed = false
        // One trace per run: a backend's traces of login, cart and checkout line up as one.
        let trace = TraceID.random()
        for step in journey.steps {
            if failed && journey.stopOnFailure {
                steps.append(.init(name: step.name, result: nil))
                continue
            }
            var result: ProbeResult
            do {
                let target = try StepTargetResolver.resolve(step.target, with: captured).joiningTrace(trace)
                result = await Engine.probeOnce(target, probe: factory(target), sequence: sequence)
            } catch {
                result = Self.unresolved(step, error.reference, captured: captured, sequence: sequence)
            }
            captured[step.name] = result.outcome.captures
            capturedValues += result.outcome.captures.values
            steps.append(.init(name: step.name, result: Self.masked(result, secrets: Redactor(secrets: capturedValues))))
            if result.status == .down { failed = true }
        }
        return JourneyResult(name: journey.name, steps: steps, startedAt: startedAt, sequence: sequence)
    }

    /// A step that cannot run because an earlier step did not capture what it needs.
    static func unresolved(
        _ step: JourneySpec.Step, _ reference: StepPlaceholders.Reference, captured: StepPlaceholders.Captured, sequence: Int
    ) -> ProbeResult {
        let why: String
        if captured[reference.step] == nil {
            why = "step '\(reference.step)' has not run before it"
        } else {
            why = "step '\(reference.step)' captured no '\(reference.capture)' (was it in the response?)"
        }
        let outcome = ProbeOutcome.failed(FailureReason(.config, "needs \(reference.text), but \(why)"))
        return ProbeResult(
            target: step.target.name, kind: step.target.kind, status: .down, outcome: outcome,
            latencyTarget: step.target.latencyTarget, startedAt: Date(), sequence: sequence
        )
    }

    /// Captured values (session tokens, ids) are treated as secrets in everything published.
    static func masked(_ result: ProbeResult, secrets: Redactor) -> ProbeResult {
        var copy = result
        copy.outcome.captures = result.outcome.captures.mapValues { _ in Redactor.mask }
        copy.outcome.message = result.outcome.message.map(secrets.redact)
        copy.outcome.failure = result.outcome.failure.map { FailureReason($0.kind, secrets.redact($0.message)) }
        return copy
    }
}
