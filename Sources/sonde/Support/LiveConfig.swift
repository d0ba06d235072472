import Dispatch
import Foundation
import SondeCore
import SondeSession

/// A config read again while `watch` or `agent` runs, applied to the engine (new targets start,
/// removed ones stop, unchanged ones keep their schedule) and to the time machine.
enum LiveConfig {
    /// The jobs the engine changed, or nil when the config was refused.
    static func apply(_ outcome: ConfigReload, to live: LiveProbing, machine: TimeMachine?) -> JobChanges? {
        guard case .applied(let config) = outcome else { return nil }
        machine?.adopt(config)
        return live.apply(config)
    }
}

/// SIGHUP as "read the config again", for the headless agent (as nginx and Prometheus do).
/// Delivered through Dispatch, so no handler code runs in signal context.
final class HangupSignal {
    private let source: any DispatchSourceSignal

    init(_ handler: @escaping @Sendable () -> Void) {
        signal(SIGHUP, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler(handler: handler)
        source.resume()
    }

    func cancel() { source.cancel() }
}
