import Foundation
import SondeCore

/// Everything the dashboard shows, in one value. Only `update` changes it; `render` reads it.
public struct DashboardState: Sendable {
    public var environment: String
    public var targets: [TargetInfo]
    public var suiteNames: [String]
    public var journeyNames: [String]
    public var redactor: Redactor

    public var stats: [String: TargetStats] = [:]
    /// The last few results per target, newest last, for the detail view.
    public var recent: [String: [ProbeResult]] = [:]
    /// k of the last n results down (and some not) marks a target flapping (`history:` in the config).
    public var flapping = HistorySettings() {
        didSet { flapDetector = IntermittencyDetector(flapping) }
    }
    /// Follows the same k of n as `flapping`, to log when a target starts or stops flapping.
    var flapDetector = IntermittencyDetector(HistorySettings())
    /// Figures services report about their dependencies, keyed by `ReportedKey`, oldest first.
    public var reportedHistory: [ReportedKey: [Double]] = [:]
    /// The keys of `reportedHistory` in the order they first appeared.
    public var reportedKeys: [ReportedKey] = []
    public var suites: [String: SuiteResult] = [:]
    /// Where each suite's report comes from (files or a `run:` command), for its detail view.
    public var suiteSources: [String: SuiteSpec.Source] = [:]
    public var journeys: [String: JourneyResult] = [:]
    /// State changes and deploy markers, newest first.
    public var events: [LogEntry] = []
    /// Results per target, oldest first, kept long enough to compare before and after a deploy.
    public var resultLog: [String: [ProbeResult]] = [:]
    /// Deploy markers, oldest first.
    public var markers: [DeployMarker] = []
    /// A comparison handed in from history; when nil the deploy view computes one from `resultLog`.
    public var suppliedComparison: DeployComparison?

    public var screen: Screen = .dashboard {
        // A view opens at its top.
        didSet { if screen != oldValue { detailScroll = 0 } }
    }
    /// How many lines a full-screen view is scrolled past.
    public var detailScroll = 0
    public var showHelp = false
    /// How many bindings the help overlay is scrolled past, when it does not fit.
    public var helpScroll = 0
    public var focus: PaneID = .services
    public var selection: [PaneID: Int] = [:]
    public var filter = ""
    public var editingFilter = false
    public var paused = false
    public var themes: [String]
    public var themeIndex = 0

    public var now: Date
    public var width: Int
    public var height: Int
    public var glyphs: Glyphs
    public var keyMap: KeyMap
    /// The clock and event times are shown in this zone (fixed in tests).
    public var timeZone: TimeZone

    public static let recentLimit = 12
    public static let sparkLimit = 60
    public static let eventLimit = 200
    public static let resultLogLimit = 400

    public init(
        environment: String, targets: [TargetInfo], suiteNames: [String] = [], journeyNames: [String] = [], redactor: Redactor = Redactor(secrets: []),
        themes: [String] = ["default"], now: Date = Date(), width: Int = 80, height: Int = 24,
        glyphs: Glyphs = .unicode, keyMap: KeyMap = .standard, timeZone: TimeZone = .current
    ) {
        self.environment = environment
        self.targets = targets
        self.suiteNames = suiteNames
        self.journeyNames = journeyNames
        self.redactor = redactor
        self.themes = themes.isEmpty ? ["default"] : themes
        self.now = now
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.keyMap = keyMap
        self.timeZone = timeZone
    }

    public init(config: SondeConfig, themes: [String] = ["default"], width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode) {
        self.init(
            environment: config.environment,
            targets: config.targets.map { TargetInfo($0, redactor: config.redactor) },
            suiteNames: config.suites.map(\.name), journeyNames: config.journeys.map(\.name), redactor: config.redactor,
            themes: themes, width: width, height: height, glyphs: glyphs
        )
        flapping = config.history
        suiteSources = Dictionary(config.suites.map { ($0.name, $0.source) }, uniquingKeysWith: { first, _ in first })
        flapDetector = IntermittencyDetector(config.history)
    }

    /// When the target failed k of its last n results while answering others, or nil: the
    /// detector's verdict, kept up to date by every result (seeded ones too), so drawing a frame
    /// does not judge the whole result log again.
    public func intermittency(_ name: String) -> Intermittency? {
        flapDetector.current[name]
    }

    /// Results kept per target: enough for deploy comparisons and for the whole flap window.
    var resultLogCapacity: Int { max(Self.resultLogLimit, flapping.flapWindow) }

    public var themeName: String { themes[themeIndex % themes.count] }

    public func info(_ name: String) -> TargetInfo? { targets.first { $0.name == name } }

    /// Up / slow / down counts over targets that have a result.
    public var counts: (up: Int, slow: Int, down: Int) {
        var counts = (up: 0, slow: 0, down: 0)
        for target in targets {
            switch stats[target.name]?.last?.status {
            case .up: counts.up += 1
            case .slow: counts.slow += 1
            case .down: counts.down += 1
            case nil: break
            }
        }
        return counts
    }
}

/// A figure one service reports about one dependency: `backend` says `postgres 101 ms`.
public struct ReportedKey: Sendable, Hashable {
    public var service: String
    public var metric: String

    public init(service: String, metric: String) {
        self.service = service
        self.metric = metric
    }
}
