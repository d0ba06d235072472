/// Reads `suites:`.
enum SuiteReader {
    /// Each suite's problem is recorded apart, so one bad suite does not hide the next. A suite
    /// may share a target's name: suites have their own pane, report section and job names.
    static func readAll(_ node: ConfigNode, defaults: TargetDefaults) throws(ConfigError) -> [SuiteSpec] {
        var suites: [SuiteSpec] = []
        var names = UniqueNames(kind: "suite")
        for item in try node.list() {
            guard let suite = node.context.collecting({ () throws(ConfigError) in try read(item, defaults: defaults) }) else { continue }
            if let duplicate = names.claim(suite.name, at: item) {
                node.context.errors.append(duplicate)
                continue
            }
            suites.append(suite)
        }
        return suites
    }

    private static func read(_ item: ConfigNode, defaults: TargetDefaults) throws(ConfigError) -> SuiteSpec {
        let map = try item.mapping(allowed: ["name", "junit", "run", "output", "interval", "timeout", "retries"])
        let name = try map.required("name").nonEmptyString()
        let source: SuiteSpec.Source
        if let run = map["run"] {
            source = .command(run: try run.nonEmptyString(), output: try map.required("output").nonEmptyString())
        } else if let path = map["junit"] {
            source = .path(try path.nonEmptyString())
        } else {
            throw item.error("suite '\(name)' needs 'junit: PATH' or 'run: COMMAND' with 'output: PATH'")
        }
        var retries = 0
        if let node = map["retries"] {
            guard case .command = source else { throw node.error("'retries' re-runs a 'run:' command; a 'junit:' suite only reads files") }
            retries = try node.int(in: 0...10)
        }
        return SuiteSpec(
            name: name, source: source,
            interval: try map["interval"]?.duration() ?? defaultInterval(source),
            timeout: try map["timeout"]?.duration() ?? .seconds(600),
            retries: retries
        )
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
