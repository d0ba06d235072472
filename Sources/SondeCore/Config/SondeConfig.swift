import Foundation

/// A whole config file, validated, with defaults applied and secrets collected.
public struct SondeConfig: Sendable {
    public var environment: String
    /// Where this Sonde probes from (`location: eu-west`): a label on every exported series, so
    /// several agents' views of one target stay apart in Prometheus. Nil when not set.
    public var location: String?
    public var interval: Duration
    public var timeout: Duration
    public var targets: [Target]
    public var suites: [SuiteSpec]
    public var journeys: [JourneySpec]
    public var history: HistorySettings
    public var alerts: AlertsConfig
    /// Masks every secret the config holds (env values in headers, URL passwords).
    public var redactor: Redactor
    /// The file it came from, or nil for built-in configs such as the demo.
    public var sourcePath: String?

    public init(
        environment: String, interval: Duration = .seconds(5), timeout: Duration = .seconds(3),
        targets: [Target], suites: [SuiteSpec] = [], journeys: [JourneySpec] = [],
        history: HistorySettings = HistorySettings(), alerts: AlertsConfig = AlertsConfig(), redactor: Redactor = Redactor(secrets: []),
        sourcePath: String? = nil, location: String? = nil
    ) {
        self.environment = environment
        self.location = location
        self.interval = interval
        self.timeout = timeout
        self.targets = targets
        self.suites = suites
        self.journeys = journeys
        self.history = history
        self.alerts = alerts
        self.redactor = redactor
        self.sourcePath = sourcePath
    }

    public func target(named name: String) -> Target? { targets.first { $0.name == name } }
}

public struct HistorySettings: Sendable, Equatable {
    public var retention: Duration
    /// Failing k of the last n results marks a target intermittent.
    public var flapFailures: Int
    public var flapWindow: Int

    public init(retention: Duration = .seconds(7 * 86_400), flapFailures: Int = 2, flapWindow: Int = 10) {
        self.retention = retention
        self.flapFailures = flapFailures
        self.flapWindow = flapWindow
    }
}
