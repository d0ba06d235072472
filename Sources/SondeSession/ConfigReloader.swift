import Foundation
import SondeCore
import Synchronization

/// Reads the config file again when its bytes change, for a run that applies a new config
/// without stopping (`watch`, `agent`). A config with problems is refused and the one in use
/// stays; so is one that names a secret the run did not start with, since history and logs
/// mask only the secrets known when they were opened.
public final class ConfigReloader: Sendable {
    public let path: String
    private let environment: [String: String]
    private struct State {
        var current: SondeConfig
        /// The bytes read last (their fingerprint), applied or not: an unchanged file is not judged twice.
        var lastRead: FileFingerprint?
    }

    private let state: Mutex<State>

    public init(config: SondeConfig, path: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.path = path
        self.environment = environment
        state = Mutex(State(current: config, lastRead: FileFingerprint.of(path)))
    }

    /// The config in use.
    public var current: SondeConfig { state.withLock { $0.current } }

    /// Reads the file; nil when it holds the bytes read last.
    public func check() -> ConfigReload? {
        let read = FileFingerprint.of(path)
        let (changed, current) = state.withLock { state -> (Bool, SondeConfig) in
            defer { state.lastRead = read }
            return (read != state.lastRead, state.current)
        }
        guard changed else { return nil }
        let outcome: ConfigReload
        do {
            let loaded = try ConfigLoader.load(path: path, environment: environment)
            let unknown = Set(loaded.redactor.secrets).subtracting(current.redactor.secrets)
            if unknown.isEmpty {
                outcome = .applied(loaded)
            } else {
                outcome = .refused([ConfigError(
                    location: nil, keyPath: "",
                    message: "\(path) now uses \(unknown.count) secret value\(unknown.count == 1 ? "" : "s") this run did not start with; restart sonde to use \(unknown.count == 1 ? "it" : "them")"
                )])
            }
        } catch {
            outcome = .refused(error.errors)
        }
        if case .applied(let config) = outcome { state.withLock { $0.current = config } }
        return outcome
    }

    /// Checks the file every `every` until cancelled and hands each change to `handle`.
    public func watch(
        every: Duration = .seconds(1), clock: any SchedulerClock = MonotonicClock(), _ handle: @escaping @Sendable (ConfigReload) async -> Void
    ) async {
        var due = clock.now
        while !Task.isCancelled {
            due += every
            do { try await clock.sleep(until: due) } catch { return }
            if let outcome = check() { await handle(outcome) }
        }
    }
}
