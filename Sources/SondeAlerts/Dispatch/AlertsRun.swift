import Foundation
import SondeCore

/// The alert channels of one command's run: started beside the engine, fed by the session,
/// their failures noted in the store; stopped with what is queued sent within a bound.
public struct AlertsRun: Sendable {
    private let dispatcher: AlertDispatcher
    private let task: Task<Void, Never>

    /// Nil when the config has no rules. `attach` hands the dispatcher to the session.
    public static func start(
        _ config: SondeConfig, store: ObservationStore, terminal: TerminalOutput?, attach: (any AlertOutlet) -> Void,
        clock: any SchedulerClock = MonotonicClock()
    ) -> AlertsRun? {
        guard !config.alerts.isEmpty else { return nil }
        let options = AlertDispatcher.Options(
            environment: config.environment, redactor: config.redactor, terminal: terminal, clock: clock,
            report: { event in store.mutate { $0.note(event) } }
        )
        let dispatcher = AlertDispatcher(config.alerts, options: options)
        attach(dispatcher)
        return AlertsRun(dispatcher: dispatcher, task: Task { await dispatcher.run() })
    }

    /// Sends what is queued (no more retries), giving up after `limit`: quitting is never held
    /// hostage by a dead receiver.
    public func stop(within limit: Duration = .seconds(3)) async {
        dispatcher.finish()
        let task = task
        let watchdog = Task {
            try? await Task.sleep(for: limit)
            task.cancel()
        }
        await task.value
        watchdog.cancel()
    }
}
