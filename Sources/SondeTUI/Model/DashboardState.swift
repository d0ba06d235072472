import Foundation
import SondeCore

/// Everything the dashboard shows, in one value. Only `update` changes it; `render` reads it.
public struct DashboardState: Sendable {
    public var environment: String
    public var targets: [TargetInfo] { didSet { refreshTargetRows() } }
    /// The target panes' rows under the filter (see `TargetRows`), refreshed when what they derive from changes.
    public private(set) var targetRows = TargetRows()
    /// Suites named in the config, in its order.
    public var configuredSuites: [String]
    /// Configured suites, then any others seen.
    public var suiteNames: [String] { configuredSuites + observed.suiteOrder.filter { !configuredSuites.contains($0) } }
    public var journeyNames: [String]
    public var redactor: Redactor

    /// What the session has observed: the store's latest snapshot in the live dashboard, or a
    /// value `update` records into when the state is driven by messages alone (tests).
    public var observed: Observations
    /// Where each suite's report comes from (files or a `run:` command), for its detail view.
    public var suiteSources: [String: SuiteSpec.Source] = [:]

    /// Silences still in force, the soonest to end first.
    public var activeSilences: [(name: String, until: Date)] {
        observed.silences.filter { $0.value > now }.map { (name: $0.key, until: $0.value) }
            .sorted { ($0.until, $0.name) < ($1.until, $1.name) }
    }

    /// `silenced 59m` while the target's alerts are held back (the `s` key), else nil.
    public func silenceNote(_ name: String) -> String? {
        guard let until = observed.silences[name], until > now else { return nil }
        return "silenced " + Duration.seconds(Int(until.timeIntervalSince(now))).coarse
    }
    public var flapping: HistorySettings { observed.flapping }
    public var reportedHistory: [ReportedKey: [Double]] { observed.reportedHistory }
    public var reportedKeys: [ReportedKey] { observed.reportedKeys }
    public var suites: [String: SuiteResult] { observed.suites }
    public var journeys: [String: JourneyResult] { observed.journeys }
    public var events: [LogEntry] { observed.events }
    public var markers: [DeployMarker] { observed.markers }

    public var screen: Screen = .dashboard {
        // A view opens at its top.
        didSet { if screen != oldValue { detailScroll = 0 } }
    }
    /// How many lines a full-screen view is scrolled past.
    public var detailScroll = 0
    public var showHelp = false
    /// The `S` list of silences is open, with this row picked.
    public var showSilences = false
    public var silenceSelection = 0
    /// How many bindings the help overlay is scrolled past, when it does not fit.
    public var helpScroll = 0
    public var focus: PaneID = .services
    public var selection: [PaneID: Int] = [:]
    public var filter = "" { didSet { if filter != oldValue { refreshTargetRows() } } }
    public var editingFilter = false
    /// The moment on screen when travelling through history; nil when live.
    public var travel: TimeTravel?
    /// The `g` prompt's text while it is open.
    public var timeEntry: String?
    /// Why the time-travel keys do nothing (no history), or nil when they work.
    public var travelUnavailable: String?
    /// One line for the footer until the next key (a key that could not act says why).
    public var notice: String?
    /// Problems of a config file that was not applied (file:line each), shown until it is fixed.
    public var configProblems: [String] = []
    public var paused = false
    public var themes: [String]
    public var themeIndex = 0
    /// How far back the latency charts reach (`+` / `-`).
    public var chartZoom = ChartZoom.standard
    /// Per target, uptime over 1 h / 24 h / 7 d from history, as last read for its detail view.
    public var uptime: [String: [Uptime]] = [:]
    /// Charts and uptime bars drawn; off only to measure what they cost.
    public var charts = true
    /// `watch --prometheus`: the fleet read from Prometheus; `targets` are then its targets and
    /// results are stored per `target @ location`. Nil on a config's dashboard.
    public var fleet: FleetBoard? { didSet { refreshTargetRows() } }

    public var now: Date
    public var width: Int
    public var height: Int
    public var glyphs: Glyphs
    public var keyMap: KeyMap
    /// The clock and event times are shown in this zone (fixed in tests).
    public var timeZone: TimeZone

    public init(
        environment: String, targets: [TargetInfo], suiteNames: [String] = [], journeyNames: [String] = [], redactor: Redactor = Redactor(secrets: []),
        themes: [String] = ["default"], now: Date = Date(), width: Int = 80, height: Int = 24,
        glyphs: Glyphs = .unicode, keyMap: KeyMap = .standard, timeZone: TimeZone = .current,
        observed: Observations = Observations()
    ) {
        self.observed = observed
        self.environment = environment
        self.targets = targets
        configuredSuites = suiteNames
        self.journeyNames = journeyNames
        self.redactor = redactor
        self.themes = themes.isEmpty ? ["default"] : themes
        self.now = now
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.keyMap = keyMap
        self.timeZone = timeZone
        refreshTargetRows()
    }

    private mutating func refreshTargetRows() {
        let rows = TargetRows(targets, fleet: fleet != nil, matches: matchesFilter)
        targetRows = rows
    }

    public init(config: SondeConfig, themes: [String] = ["default"], width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode) {
        self.init(
            environment: config.environment, targets: [], redactor: config.redactor,
            themes: themes, width: width, height: height, glyphs: glyphs, observed: Observations(flapping: config.history)
        )
        adopt(config)
    }

    /// When the target failed k of its last n results while answering others, or nil: the
    /// store's detector keeps it up to date by every result, so a frame does not judge again.
    public func intermittency(_ name: String) -> Intermittency? { observed.intermittency(name) }

    public var themeName: String { themes[themeIndex % themes.count] }

    public func info(_ name: String) -> TargetInfo? { targets.first { $0.name == name } }

    /// Up / slow / down over the targets that have a result (every target and location of a
    /// fleet): the store's tally, which whoever names the targets (a session, a reload, a fleet
    /// board, the time machine) sets to count exactly those.
    public var counts: (up: Int, slow: Int, down: Int) {
        (observed.tally.up, observed.tally.slow, observed.tally.down)
    }
}

