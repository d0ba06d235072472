import Foundation
import SondeCore
import SondeHistory

/// What a session starts from.
public struct SessionSetup: Sendable {
    public var config: SondeConfig
    /// Nil runs without history (`--no-history`, or a file that could not be opened).
    public var recorder: HistoryRecorder?
    /// What the session's engines probe with (`Probing.withoutProbes` for a session that only stores).
    public var probing: Probing
    /// Start the store from what history holds (a restarted dashboard); nil starts empty.
    public var seed: SessionSeed?
    /// A marker placed when the session opens (`--deploy NAME`).
    public var deploy: String?
    public var now: Date
    /// Called once per burst of changes to the store (the dashboard's wake-up).
    public var onChange: @Sendable () -> Void
    /// Where problems that do not stop the session are said (stderr, after curses has closed).
    public var problems: @Sendable (String) -> Void

    public init(
        config: SondeConfig, recorder: HistoryRecorder?, probing: Probing, seed: SessionSeed? = nil, deploy: String? = nil, now: Date = Date(),
        onChange: @escaping @Sendable () -> Void = {}, problems: @escaping @Sendable (String) -> Void = { _ in }) {
        self.config = config
        self.recorder = recorder
        self.probing = probing
        self.seed = seed
        self.deploy = deploy
        self.now = now
        self.onChange = onChange
        self.problems = problems
    }
}

/// How much of history a restarted dashboard starts from.
public struct SessionSeed: Sendable {
    /// Results per target; never more than the session's store keeps (`Observations.Limits.log`,
    /// which shrinks for a fleet), and nil for just that many.
    public var perTarget: Int?
    /// How far back, in seconds.
    public var span: TimeInterval
    public var now: Date

    public init(perTarget: Int? = nil, span: TimeInterval = 3600, now: Date = Date()) {
        self.perTarget = perTarget
        self.span = span
        self.now = now
    }
}

/// What a session leaves once closed: the markers it placed, and whether each reached history.
public struct SessionClosing: Sendable {
    public struct Marker: Sendable {
        public var marker: DeployMarker
        /// Why it is not in the history file; nil when it is (or there is no history).
        public var notRecorded: String?
    }

    public var markers: [Marker]
    /// Still readable once the session is closed (everything this run recorded is committed).
    public var history: HistoryStore?

    /// The last `perTarget` results per target in history, this run's included; nil without
    /// history. What intermittency is judged on.
    public func recorded(perTarget: Int) async -> [ProbeResult]? {
        try? await history?.recent(perTarget: perTarget)
    }
}
