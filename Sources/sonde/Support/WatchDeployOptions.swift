import ArgumentParser
import SondeCore

/// `--deploy NAME` (a marker) and `--watch-deploy DURATION` with its settings, for `sonde check`.
struct WatchDeployOptions: ParsableArguments {
    @Option(name: .customLong("deploy"), help: ArgumentHelp(
        "Record a deploy marker with this name when the check starts.", valueName: "name"))
    var deploy: String?

    @Option(name: .customLong("watch-deploy"), help: ArgumentHelp(
        "Probe for this long (e.g. 10m), compare after the deploy marker against before it, and exit 1 when --fail-on is met. See docs/deploys.md.",
        valueName: "duration"), transform: WatchDeployOptions.duration)
    var duration: Duration?

    @Option(name: .customLong("fail-on"), help: "What fails the watch: down (a target down on 2 probes in a row after the marker, or at the end) or regression (see docs/deploys.md).")
    var failOn: DeployGate.Criterion = .down

    @Option(name: .customLong("interval"), help: ArgumentHelp(
        "Probe every target this often while watching a deploy.", valueName: "duration"), transform: WatchDeployOptions.duration)
    var interval: Duration = .seconds(1)

    @Option(name: .customLong("baseline"), help: ArgumentHelp(
        "How far back before the watch history counts as the baseline (default: as long as the watch).", valueName: "duration"),
        transform: WatchDeployOptions.duration)
    var baseline: Duration?

    var isWatching: Bool { duration != nil }

    func validate() throws {
        if let deploy, deploy.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--deploy needs a name, such as the version being deployed")
        }
        guard interval > .zero else { throw ValidationError("--interval must be more than 0") }
        if let duration, duration <= .zero { throw ValidationError("--watch-deploy must be more than 0") }
    }

    static func duration(_ text: String) throws -> Duration {
        guard let value = DurationParser.parse(text) else {
            throw ValidationError("'\(text)' is not a duration; write it as 500ms, 30s, 10m or 1h")
        }
        return value
    }
}

extension DeployGate.Criterion: ExpressibleByArgument {}
