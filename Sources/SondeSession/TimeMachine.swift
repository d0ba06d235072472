import Foundation
import SondeCore
import SondeHistory
import Synchronization

/// The dashboard's observations at a moment in the past, rebuilt from the history file: the
/// window the panes need before that moment is read (bounded per target, indexed) and replayed
/// into a fresh `Observations` by the same replay a restarted dashboard starts from. Runs off
/// the curses thread; the live store is never touched, so results keep arriving into it.
public final class TimeMachine: Sendable {
    /// How much history before the moment is read: per target at most `perTarget` results
    /// (the store's percentile window) no older than `span`.
    public struct Window: Sendable, Equatable {
        public var perTarget: Int
        public var span: TimeInterval

        public init(perTarget: Int = Observations.Limits().window, span: TimeInterval = 3600) {
            self.perTarget = perTarget
            self.span = span
        }
    }

    public let history: HistoryStore
    public let window: Window
    private let config: Mutex<SondeConfig>

    public init(history: HistoryStore, config: SondeConfig, window: Window = Window()) {
        self.history = history
        self.window = window
        self.config = Mutex(config)
    }

    /// A reloaded config: its targets and rules are the ones shown from now on.
    public func adopt(_ config: SondeConfig) {
        self.config.withLock { $0 = config }
    }

    public func observations(at moment: Date) async throws(HistoryError) -> Observations {
        let config = config.withLock { $0 }
        let seed = try await history.moment(
            at: moment, targets: config.targets.map(\.name), perTarget: window.perTarget, span: window.span
        )
        var observed = Observations(flapping: config.history, alerts: config.alerts)
        observed.countOnly(config.targets.map(\.name))
        seed.replay(into: &observed, judgingAlerts: true)
        return observed
    }
}
