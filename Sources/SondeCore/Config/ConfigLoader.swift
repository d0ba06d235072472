import Foundation
import Yams

/// Reads `sonde.yml` into a `SondeConfig`, reporting every problem with file, line, column and key.
public enum ConfigLoader {
    static let topLevelKeys = ["environment", "interval", "timeout", "targets", "suites", "journeys", "history", "alerts", "location", "trace"]

    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigErrors) -> SondeConfig
    {
        let data: Data
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        guard !isDirectory.boolValue else {
            throw ConfigErrors([ConfigError(location: nil, keyPath: "", message: "\(path) is a directory; give the path of a config file such as \(path)/sonde.yml")])
        }
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = exists ? "cannot be read (check its permissions)" : "does not exist"
            throw ConfigErrors([ConfigError(location: nil, keyPath: "", message: "\(path) \(reason)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigErrors([ConfigError(location: nil, keyPath: "", message: "\(path) is not UTF-8 text; save it as UTF-8")])
        }
        return try parse(text, file: path, environment: environment)
    }

    public static func parse(_ text: String, file: String, environment: [String: String] = [:]) throws(ConfigErrors) -> SondeConfig {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigErrors([ConfigError(location: nil, keyPath: "", message: "\(file) is empty; it needs at least 'targets:'")])
            }
            root = node
        } catch let errors as ConfigErrors {
            throw errors
        } catch let yaml as YamlError {
            throw ConfigErrors([syntaxError(yaml, file: file)])
        } catch {
            throw ConfigErrors([ConfigError(location: nil, keyPath: "", message: "\(file): \(error)")])
        }
        let context = ConfigLoadContext(file: file, environment: environment)
        let config = read(ConfigNode(node: root, keyPath: "", context: context), context: context, file: file)
        if !context.errors.isEmpty { throw ConfigErrors(context.errors) }
        guard var config else { throw ConfigErrors([ConfigError(location: nil, keyPath: "", message: "\(file) could not be read")]) }
        config.redactor = Redactor(secrets: context.secrets)
        return config
    }

    private static func read(_ root: ConfigNode, context: ConfigLoadContext, file: String) -> SondeConfig? {
        guard let top = context.collecting({ () throws(ConfigError) in try root.mapping(allowed: topLevelKeys) }) else { return nil }
        let environment = context.collecting { () throws(ConfigError) in try top["environment"]?.nonEmptyString() } ?? nil
        let location = context.collecting { () throws(ConfigError) in try top["location"].map(LocationName.read) } ?? nil
        let interval = context.collecting { () throws(ConfigError) in try top["interval"]?.duration() } ?? nil
        let timeout = context.collecting { () throws(ConfigError) in try top["timeout"]?.duration() } ?? nil
        let trace = context.collecting { () throws(ConfigError) in try top["trace"]?.bool() } ?? nil
        let defaults = TargetDefaults(interval: interval ?? .seconds(5), timeout: timeout ?? .seconds(3), trace: trace ?? true)

        var targets: [Target] = []
        if let list = context.collecting({ () throws(ConfigError) in try top["targets"]?.list() }) ?? nil {
            var names = UniqueNames(kind: "target")
            // Grown once: doubling the list step by step held twice the targets' room at the end.
            targets.reserveCapacity(list.count)
            for item in list {
                guard let target = context.collecting({ () throws(ConfigError) in try TargetReader.read(item, defaults: defaults) }) else { continue }
                if let duplicate = names.claim(target.name, at: item) {
                    context.errors.append(duplicate)
                    continue
                }
                targets.append(target)
            }
        }
        var suites: [SuiteSpec] = []
        if let node = top["suites"] {
            suites = context.collecting { () throws(ConfigError) in try SuiteReader.readAll(node, defaults: defaults) } ?? []
        }
        var journeys: [JourneySpec] = []
        if let node = top["journeys"] {
            journeys = context.collecting { () throws(ConfigError) in
                try JourneyReader.readAll(node, defaults: defaults, targets: targets)
            } ?? []
        }
        var history = HistorySettings()
        if let node = top["history"] {
            history = context.collecting { () throws(ConfigError) in try readHistory(node) } ?? history
        }

        var alerts = AlertsConfig()
        if let node = top["alerts"] {
            let names = AlertsReader.Names(targets: targets.map(\.name), journeys: journeys.map(\.name), suites: suites.map(\.name))
            alerts = context.collecting { () throws(ConfigError) in try AlertsReader.read(node, names: names) } ?? alerts
        }

        if targets.isEmpty && suites.isEmpty && journeys.isEmpty && context.errors.isEmpty {
            context.errors.append(root.error("nothing to watch: add at least one entry under 'targets:'"))
        }
        return SondeConfig(
            environment: environment ?? "default", interval: defaults.interval, timeout: defaults.timeout,
            targets: targets, suites: suites, journeys: journeys, history: history, alerts: alerts, sourcePath: file, location: location
        )
    }

    private static func readHistory(_ node: ConfigNode) throws(ConfigError) -> HistorySettings {
        let map = try node.mapping(allowed: ["retention", "flap_failures", "flap_window"])
        var settings = HistorySettings()
        if let r = map["retention"] { settings.retention = try r.duration() }
        if let w = map["flap_window"] { settings.flapWindow = try w.int(in: 2...1000) }
        if let k = map["flap_failures"] { settings.flapFailures = try k.int(in: 1...1000) }
        if settings.flapFailures > settings.flapWindow {
            throw node.error("flap_failures (\(settings.flapFailures)) cannot exceed flap_window (\(settings.flapWindow))")
        }
        return settings
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return ConfigError(location: SourceLocation(file: file, line: mark.line, column: mark.column), keyPath: "",
                               message: "YAML syntax error: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column), keyPath: "",
                               message: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return ConfigError(location: nil, keyPath: "", message: "\(file): YAML error: \(error)")
        }
    }
}

/// Global values a target falls back on.
public struct TargetDefaults: Sendable {
    public var interval: Duration
    public var timeout: Duration
    /// The top-level `trace:`: whether HTTP and WebSocket targets send a `traceparent` unless they say.
    public var trace: Bool

    public init(interval: Duration, timeout: Duration, trace: Bool = true) {
        self.interval = interval
        self.timeout = timeout
        self.trace = trace
    }
}
