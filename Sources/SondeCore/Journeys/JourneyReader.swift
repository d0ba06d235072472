/// Reads `journeys:`. A step is `- target: NAME` or an inline target (`- name: login` + `http: ...`).
enum JourneyReader {
    static func readAll(_ node: ConfigNode, defaults: TargetDefaults, targets: [Target]) throws(ConfigError) -> [JourneySpec] {
        var journeys: [JourneySpec] = []
        for item in try node.list() {
            let map = try item.mapping(allowed: ["name", "steps", "stop_on_failure", "interval"])
            let name = try map.required("name").nonEmptyString()
            var steps: [JourneySpec.Step] = []
            for stepNode in try map.required("steps").list() {
                if !stepNode.isMapping {
                    let ref = try stepNode.nonEmptyString()
                    guard let target = targets.first(where: { $0.name == ref }) else {
                        throw stepNode.error("no target named '\(ref)'")
                    }
                    steps.append(.init(name: ref, target: target))
                    continue
                }
                let stepMap = try stepNode.mapping(allowed: [])
                if let ref = stepMap["target"] {
                    let refName = try ref.nonEmptyString()
                    guard let target = targets.first(where: { $0.name == refName }) else {
                        throw ref.error("no target named '\(refName)'")
                    }
                    let stepName = try stepMap["name"]?.nonEmptyString() ?? refName
                    steps.append(.init(name: stepName, target: target))
                } else {
                    let target = try TargetReader.read(stepNode, defaults: defaults)
                    steps.append(.init(name: target.name, target: target))
                }
            }
            guard !steps.isEmpty else { throw item.error("journey '\(name)' has no steps") }
            journeys.append(JourneySpec(
                name: name, steps: steps,
                stopOnFailure: try map["stop_on_failure"]?.bool() ?? true,
                interval: try map["interval"]?.duration() ?? defaults.interval
            ))
        }
        return journeys
    }
}
