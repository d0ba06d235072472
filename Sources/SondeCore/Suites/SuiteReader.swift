/// Reads `suites:`.
enum SuiteReader {
    static func readAll(_ node: ConfigNode, defaults: TargetDefaults) throws(ConfigError) -> [SuiteSpec] {
        var suites: [SuiteSpec] = []
        for item in try node.list() {
            let map = try item.mapping(allowed: ["name", "junit", "run", "output", "interval", "timeout"])
            let name = try map.required("name").nonEmptyString()
            let source: SuiteSpec.Source
            if let run = map["run"] {
                source = .command(run: try run.nonEmptyString(), output: try map.required("output").nonEmptyString())
            } else if let path = map["junit"] {
                source = .path(try path.nonEmptyString())
            } else {
                throw item.error("suite '\(name)' needs 'junit: PATH' or 'run: COMMAND' with 'output: PATH'")
            }
            suites.append(SuiteSpec(
                name: name, source: source,
                interval: try map["interval"]?.duration() ?? defaultInterval(source),
                timeout: try map["timeout"]?.duration() ?? .seconds(600)
            ))
        }
        return suites
    }

    /// Files are looked at often (a stat each, re-read only when changed), so a new report shows
    /// within seconds; a command runs a test suite, so once a minute.
    static func defaultInterval(_ source: SuiteSpec.Source) -> Duration {
        switch source {
        case .path: .seconds(5)
        case .command: .seconds(60)
        }
    }
}
