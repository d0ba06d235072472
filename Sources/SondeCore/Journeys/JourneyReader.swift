/// Reads `journeys:`. A step is `- target: NAME` (with optional `name:` and `capture:`), a bare
/// target name, or an inline target (`- name: login` + `http: ...`).
enum JourneyReader {
    /// Each journey's problem is recorded apart, so one bad journey does not hide the next.
    static func readAll(_ node: ConfigNode, defaults: TargetDefaults, targets: [Target]) throws(ConfigError) -> [JourneySpec] {
        var journeys: [JourneySpec] = []
        var names = UniqueNames(kind: "journey")
        for item in try node.list() {
            guard let journey = node.context.collecting({ () throws(ConfigError) in try read(item, defaults: defaults, targets: targets) })
            else { continue }
            if let problem = names.claim(journey.name, at: item) ?? collision(journey, with: targets, at: item) {
                node.context.errors.append(problem)
                continue
            }
            journeys.append(journey)
        }
        return journeys
    }

    /// `check --repro` lists targets and journeys in one table by name: a journey and a target
    /// named alike that both expect a failure would be two rows nobody could tell apart.
    private static func collision(_ journey: JourneySpec, with targets: [Target], at item: ConfigNode) -> ConfigError? {
        guard journey.expectedFailure != nil,
              let target = targets.first(where: { $0.name == journey.name && $0.expectedFailure != nil }) else { return nil }
        let line = target.location.map { " at line \($0.line)" } ?? ""
        return item.error("journey '\(journey.name)' has the name of the target\(line), and both have expect_failure: "
            + "rename one so their verdicts can be told apart")
    }

    private static func read(_ item: ConfigNode, defaults: TargetDefaults, targets: [Target]) throws(ConfigError) -> JourneySpec {
        let map = try item.mapping(allowed: ["name", "steps", "stop_on_failure", "interval", "expect_failure"])
        let name = try map.required("name").nonEmptyString()
        var steps: [JourneySpec.Step] = []
        for stepNode in try map.required("steps").list() {
            let step = try readStep(stepNode, defaults: defaults, targets: targets)
            if steps.contains(where: { $0.name == step.name }) {
                throw stepNode.error("journey '\(name)' has two steps named '\(step.name)'; give one a 'name:'")
            }
            try checkPlaceholders(of: step, after: steps, node: stepNode)
            steps.append(step)
        }
        guard !steps.isEmpty else { throw item.error("journey '\(name)' has no steps") }
        return JourneySpec(
            name: name, steps: steps,
            stopOnFailure: try map["stop_on_failure"]?.bool() ?? true,
            interval: try map["interval"]?.duration() ?? defaults.interval,
            expectedFailure: try map["expect_failure"].map(ExpectedFailureReader.read)
        )
    }

    private static func readStep(_ node: ConfigNode, defaults: TargetDefaults, targets: [Target]) throws(ConfigError) -> JourneySpec.Step {
        if !node.isMapping {
            let target = try referenced(node, targets: targets)
            return .init(name: target.name, target: target)
        }
        let probe = try node.mapping(allowed: [])
        guard let ref = probe["target"] else {
            let target = try TargetReader.read(node, defaults: defaults)
            return .init(name: target.name, target: target)
        }
        let map = try node.mapping(allowed: ["target", "name", "capture"])
        var target = try referenced(ref, targets: targets)
        if let capture = map["capture"] {
            guard case .http(var spec) = target.probe else {
                throw capture.error("only HTTP steps can capture values; '\(target.name)' is a \(target.kind.rawValue) target")
            }
            for (captureName, source) in try capture.freeMapping() {
                spec.captures.append((name: captureName, source: try TargetReader.readCaptureSource(source)))
            }
            target.probe = .http(spec)
        }
        return .init(name: try map["name"]?.nonEmptyString() ?? target.name, target: target)
    }

    private static func referenced(_ node: ConfigNode, targets: [Target]) throws(ConfigError) -> Target {
        let name = try node.nonEmptyString()
        guard let target = targets.first(where: { $0.name == name }) else {
            let near = KeySuggester.nearest(to: name, among: targets.map(\.name)).map { ", did you mean '\($0)'?" } ?? ""
            throw node.error("no target named '\(name)'\(near)")
        }
        return target
    }

    /// `${steps.X.Y}` must name an earlier step X that captures Y, or the journey could never pass.
    private static func checkPlaceholders(of step: JourneySpec.Step, after earlier: [JourneySpec.Step], node: ConfigNode) throws(ConfigError) {
        for reference in StepTargetResolver.references(in: step.target) {
            guard let source = earlier.first(where: { $0.name == reference.step }) else {
                throw node.error("step '\(step.name)' uses \(reference.text), but no earlier step is named '\(reference.step)'")
            }
            let captures: [String] = if case .http(let spec) = source.target.probe { spec.captures.map(\.name) } else { [] }
            guard captures.contains(reference.capture) else {
                let known = captures.isEmpty ? "it captures nothing" : "it captures \(captures.joined(separator: ", "))"
                throw node.error("step '\(step.name)' uses \(reference.text), but step '\(reference.step)' has no capture '\(reference.capture)' (\(known))")
            }
        }
    }
}
