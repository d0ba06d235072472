import Foundation

/// Everything Sonde has observed in one session, in one value: per target its stats, the
/// intermittency verdicts, reported figures, the latest journey and suite runs, deploy markers
/// and the event log. Engine events are its only input; the dashboard, `check`, `report`,
/// `--watch-deploy` and history seeding read it. `ObservationStore` shares one across threads.
public struct Observations: Sendable {
    /// How much is kept; the defaults hold thousands of targets in tens of megabytes.
    public struct Limits: Sendable, Equatable {
        /// Results per target behind percentiles and success rate.
        public var window = 100
        /// How far back the window reaches (nil: by count only).
        public var span: TimeInterval?
        /// Whole results per target for the detail view.
        public var recent = 12
        /// Compact samples per target for deploy comparisons.
        public var log = 400
        public var events = 200
        /// Values per reported figure.
        public var reported = 60
        /// Per-minute buckets per target, for charts over hours.
        public var minutes = 360

        /// What a session watching `count` targets keeps per target, so a fleet's steady state
        /// stays bounded (at 10,000 targets the defaults come to ~27 KB a target once full, 270 MB).
        /// Whole results (about 600 bytes each with their phases, for the detail view's list) are
        /// kept in full up to 200 targets; the compact log, minutes and window up to 1,000. Past
        /// that each shrinks with the fleet, down to a useful floor: past 2,400 targets a target's
        /// detail view lists its last result alone (its trend stays in the log and the minutes), a
        /// whole result per target being ~4 MB at 10,000.
        public static func forFleet(of count: Int) -> Limits {
            let count = max(1, count)
            func scaled(_ full: Int, upTo targets: Int, floor: Int) -> Int { min(full, max(floor, full * targets / count)) }
            let full = Limits()
            return Limits(window: scaled(full.window, upTo: 1_000, floor: 50), recent: scaled(full.recent, upTo: 200, floor: 1),
                          log: scaled(full.log, upTo: 1_000, floor: 60), minutes: scaled(full.minutes, upTo: 1_000, floor: 60))
        }

        public init(window: Int = 100, span: TimeInterval? = nil, recent: Int = 12, log: Int = 400, events: Int = 200, reported: Int = 60, minutes: Int = 360) {
            self.window = window
            self.span = span
            self.recent = recent
            self.log = log
            self.events = events
            self.reported = reported
            self.minutes = minutes
        }
    }

    public let limits: Limits
    /// Per target, behind a reference each (see `SharedValue`); read through `self[target:]`.
    private var targets: [String: SharedValue<TargetStats>] = [:]
    /// k of the last n results down (and some not) marks a target flapping (`history:`).
    public let flapping: HistorySettings
    private var flapDetector: IntermittencyDetector
    /// Figures services report about their dependencies, oldest first.
    public private(set) var reportedHistory: [ReportedKey: [Double]] = [:]
    /// The keys of `reportedHistory` in the order they first appeared.
    public private(set) var reportedKeys: [ReportedKey] = []
    public private(set) var suites: [String: SuiteResult] = [:]
    /// The last `SuiteTrend.runsKept` readings of each suite, oldest first (earlier sessions' from history).
    public private(set) var suiteReadings: [String: [SuiteReading]] = [:]
    /// Per suite, each module against the runs before (computed once per reading, read every frame).
    public private(set) var suiteTrends: [String: [String: ModuleTrend]] = [:]
    /// Suite names in the order they were first seen.
    public private(set) var suiteOrder: [String] = []
    public private(set) var journeys: [String: JourneyResult] = [:]
    /// State changes, journey and suite changes, flapping and deploy markers, newest first.
    public private(set) var events: [LogEntry] = []
    /// Deploy markers, oldest first.
    public private(set) var markers: [DeployMarker] = []
    /// Alert rules judged on every event; what is firing now.
    public private(set) var alerting: AlertEvaluator
    /// Subjects whose alerts are silenced, until when (the dashboard's `s` key).
    public private(set) var silences: [String: Date] = [:]
    /// Alert channels failing to deliver now, by name.
    public private(set) var failingChannels: [String: ChannelEvent] = [:]
    /// The targets the tally counts (`countOnly`); nil until a session names them.
    public private(set) var counted: Set<String>?
    /// Up / slow / down over the counted targets, by their last result.
    public private(set) var tally = StatusTally()
    /// Counts every change, so a reader can tell whether anything happened since it last looked.
    public private(set) var version = 0

    public init(limits: Limits = Limits(), flapping: HistorySettings = HistorySettings(), alerts: AlertsConfig = AlertsConfig()) {
        // The log must cover the whole flap window.
        var limits = limits
        limits.log = max(limits.log, flapping.flapWindow)
        self.limits = limits
        self.flapping = flapping
        flapDetector = IntermittencyDetector(flapping)
        alerting = AlertEvaluator(alerts)
    }

    /// The stats of one target, or nil before its first result.
    public subscript(target name: String) -> TargetStats? { targets[name]?.value }

    /// How many targets have at least one result.
    public var targetCount: Int { targets.count }

    /// The targets with at least one result, sorted (a walk of every target: not for a frame).
    public var targetNames: [String] { targets.keys.sorted() }

    /// When the target failed k of its last n results while answering others, or nil.
    public func intermittency(_ name: String) -> Intermittency? { flapDetector.current[name] }

    /// Records one engine event; changes it causes go into the event log. Returns the alerts it
    /// started or ended, for the channels. History being seeded is not judged: old results
    /// must not page anyone now.
    @discardableResult
    public mutating func record(_ event: EngineEvent, judgingAlerts: Bool = true) -> [AlertNotice] {
        version &+= 1
        let notices: [AlertNotice]
        switch event {
        case .result(let result):
            record(result)
            notices = judgingAlerts ? judgeAlerts(result) : []
        case .suite(let suite):
            let trends = keep(SuiteReading(suite))
            let delta = suite.error == nil ? SuiteRunDelta(trends) : nil
            if let change = SuiteChange(from: suites[suite.name], to: suite, tests: delta) { log(.suite(change)) }
            if suites[suite.name] == nil { suiteOrder.append(suite.name) }
            suites[suite.name] = suite
            notices = !judgingAlerts ? [] : judgeAlerts(suite.name, kind: "suite", at: suite.readAt, condition: .suite) {
                suite.status == .down ? .bad(reason: suite.error ?? suite.summary, valueMs: nil) : .good
            }
        case .journey(let journey):
            if let old = journeys[journey.name], let change = JourneyChange(from: old, to: journey) { log(.journey(change)) }
            journeys[journey.name] = journey
            notices = !judgingAlerts ? [] : judgeAlerts(journey.name, kind: "journey", at: journey.startedAt, condition: .journey) {
                journey.status == .down ? .bad(reason: journey.failureReason ?? "\(journey.summary) passed", valueMs: journey.latency.milliseconds) : .good
            }
        }
        for notice in notices { log(.alert(notice)) }
        return notices
    }

    private mutating func judgeAlerts(_ result: ProbeResult) -> [AlertNotice] {
        guard !alerting.config.isEmpty else { return [] }
        let flapping = intermittency(result.target)
        let regression: [RegressionRule.Finding]? = {
            guard alerting.config.rules.contains(where: { $0.condition == .regression }),
                  case .regressed(let findings)? = deployComparison(targets: [result.target])?.rows.first?.verdict else { return nil }
            return findings
        }()
        return alerting.observe(subject: result.target, kind: result.kind.rawValue, at: result.startedAt, context: alertContext(result.target, at: result.startedAt)) {
            AlertSignal.of(result, for: $0, flapping: flapping, regression: regression)
        }
    }

    private mutating func judgeAlerts(_ subject: String, kind: String, at: Date, condition: AlertCondition, signal: () -> AlertSignal) -> [AlertNotice] {
        guard !alerting.config.isEmpty else { return [] }
        let verdict = signal()
        return alerting.observe(subject: subject, kind: kind, at: at, context: alertContext(subject, at: at)) { $0 == condition ? verdict : .neutral }
    }

    private func alertContext(_ subject: String, at: Date) -> AlertEvaluator.Context {
        AlertEvaluator.Context(silenced: silences[subject].map { at < $0 } ?? false, lastDeploy: markers.last?.at)
    }

    /// Holds back `subject`'s alerts until `until` (nil lifts the silence).
    public mutating func silence(_ subject: String, until: Date?) {
        version &+= 1
        silences[subject] = until
    }

    /// A channel failing, or delivering again: kept for the header and logged once per change.
    public mutating func note(_ event: ChannelEvent) {
        let wasFailing = failingChannels[event.channel] != nil
        version &+= 1
        failingChannels[event.channel] = event.problem == nil ? nil : event
        if wasFailing != (event.problem != nil) { log(.channel(event)) }
    }

    /// A module's standing against the suite's earlier runs, or nil before its first reading.
    public func trend(suite: String, module: String) -> ModuleTrend? { suiteTrends[suite]?[module] }

    /// Readings an earlier session recorded (from history), oldest first: the runs this one compares with.
    public mutating func seed(_ readings: [SuiteReading]) {
        version &+= 1
        for reading in readings.sorted(by: { $0.readAt < $1.readAt }) { keep(reading) }
    }

    /// Keeps a reading and returns every module's trend, in the reading's module order.
    @discardableResult
    private mutating func keep(_ reading: SuiteReading) -> [ModuleTrend] {
        var kept = suiteReadings[reading.suite, default: []]
        kept.append(reading)
        if kept.count > SuiteTrend.runsKept { kept.removeFirst(kept.count - SuiteTrend.runsKept) }
        suiteReadings[reading.suite] = kept
        let trends = SuiteTrend.modules(kept)
        suiteTrends[reading.suite] = Dictionary(trends.map { ($0.module, $0) }, uniquingKeysWith: { first, _ in first })
        return trends
    }

    /// Makes the tally count these targets only (a session's configured targets; a reloaded
    /// config's): a removed target's results stay in the store but leave the header's counts.
    public mutating func countOnly(_ names: some Sequence<String>) {
        version &+= 1
        let names = Set(names)
        counted = names
        tally = StatusTally()
        for name in names { tally.move(from: nil, to: targets[name]?.value.status) }
    }

    private mutating func record(_ result: ProbeResult) {
        let limits = limits
        let before = targets[result.target]?.value.status
        let flapWindow = flapDetector.window
        let change = targets[result.target, default: SharedValue(Self.newStats(result.target, limits, flapWindow: flapWindow))].update { $0.record(result) }
        if counted?.contains(result.target) ?? true { tally.move(from: before, to: result.status) }
        if let change { log(.change(change)) }
        if let track = targets[result.target]?.value.flaps, let flap = flapDetector.judge(track, target: result.target) {
            log(.flapping(FlapChange(flap, result: result)))
        }
        // Dependency latencies a service reports (ms) get rows of their own; plugin perfdata and
        // ICMP loss carry units and stay with their target's detail.
        for metric in result.outcome.reported where metric.unit == nil {
            let key = ReportedKey(service: result.target, metric: metric.name)
            if reportedHistory[key] == nil { reportedKeys.append(key) }
            reportedHistory[key, default: []].append(metric.value)
            if let count = reportedHistory[key]?.count, count > limits.reported { reportedHistory[key]?.removeFirst(count - limits.reported) }
        }
    }

    private static func newStats(_ name: String, _ limits: Limits, flapWindow: Int) -> TargetStats {
        TargetStats(
            name: name, windowSize: limits.window, span: limits.span, recentSize: limits.recent, logSize: limits.log, minutes: limits.minutes,
            flapWindow: flapWindow
        )
    }

    /// Places a deploy marker in time order and logs it.
    public mutating func place(_ marker: DeployMarker) {
        guard !markers.contains(marker) else { return }
        version &+= 1
        markers.append(marker)
        markers.sort { $0.at < $1.at }
        log(.deploy(marker))
    }

    /// Inserts an entry keeping the log newest first (seeded entries can be older than live ones).
    private mutating func log(_ entry: LogEntry) {
        let index = events.firstIndex { $0.at <= entry.at } ?? events.count
        events.insert(entry, at: index)
        if events.count > limits.events { events.removeLast() }
    }

    /// Before / after the latest deploy marker among `names`, from the samples held.
    public func deployComparison(targets names: [String]) -> DeployComparison? {
        guard let marker = markers.last else { return nil }
        let shown = names.filter { marker.target == nil || $0 == marker.target }
        return DeployComparison(marker: marker, samples: shown.map { ($0, Array(targets[$0]?.value.log ?? RingBuffer(capacity: 1))) })
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
