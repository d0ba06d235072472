import Foundation
import SondeCore

/// Hands each notice to the workers of the channels its rule names. Each channel runs on its own
/// task (`run`), so probing, the screen and the other channels never wait for a slow receiver.
public final class AlertDispatcher: AlertOutlet {
    private let workers: [String: ChannelWorker]
    private let resenders: [AlertmanagerSender]
    private let clock: any SchedulerClock

    public struct Options: Sendable {
        public var environment: String
        public var redactor: Redactor
        /// Where the terminal channel writes its bytes; nil when stdout is not a terminal (the
        /// channel is then off).
        public var terminal: TerminalOutput?
        public var clock: any SchedulerClock
        public var retry: RetryPolicy
        /// How long one delivery may take (a POST, a command).
        public var deliveryTimeout: Duration
        /// The channels' failures and recoveries (into the store, so header and log show them).
        public var report: @Sendable (ChannelEvent) -> Void

        public init(
            environment: String, redactor: Redactor, terminal: TerminalOutput? = nil, clock: any SchedulerClock = MonotonicClock(),
            retry: RetryPolicy = RetryPolicy(), deliveryTimeout: Duration = .seconds(10), report: @escaping @Sendable (ChannelEvent) -> Void = { _ in }
        ) {
            self.environment = environment
            self.redactor = redactor
            self.terminal = terminal
            self.clock = clock
            self.retry = retry
            self.deliveryTimeout = deliveryTimeout
            self.report = report
        }
    }

    public init(_ config: AlertsConfig, options: Options) {
        var workers: [String: ChannelWorker] = [:]
        var resenders: [AlertmanagerSender] = []
        for channel in config.channels {
            let sender: any NotificationSender
            // Alertmanager groups and dedups by itself; everything else is grouped here.
            var groupWait = config.groupWait
            switch channel.transport {
            case .webhook(let target):
                sender = WebhookSender(target: target, redactor: options.redactor, timeout: options.deliveryTimeout)
            case .alertmanager(let url):
                let am = AlertmanagerSender(base: url, redactor: options.redactor, timeout: options.deliveryTimeout)
                resenders.append(am)
                sender = am
                groupWait = .zero
            case .command(let argv):
                sender = CommandSender(argv: argv, redactor: options.redactor, timeout: options.deliveryTimeout)
            case .terminal(let bell, let desktop):
                guard let output = options.terminal else { continue }
                sender = TerminalSender(bell: bell, desktop: desktop, output: output)
            }
            workers[channel.name] = ChannelWorker(
                name: channel.name, sender: sender, groupWait: groupWait, retry: options.retry, clock: options.clock,
                environment: options.environment, report: options.report
            )
        }
        self.workers = workers
        self.resenders = resenders
        self.clock = options.clock
    }

    public func send(_ notices: [AlertNotice]) {
        // One enqueue per channel: notices raised together are never split by a worker waking
        // between them.
        var byChannel: [String: [AlertNotice]] = [:]
        for notice in notices {
            for channel in notice.channels { byChannel[channel, default: []].append(notice) }
        }
        for (channel, batch) in byChannel { workers[channel]?.enqueue(batch) }
    }

    /// Runs every channel until `finish()` (then what is queued goes out) or cancellation.
    public func run() async {
        await withTaskGroup(of: Void.self) { loops in
            for am in resenders {
                loops.addTask { [clock] in
                    // Alertmanager resolves an alert it has not heard of for a while: say again
                    // what still fires, as Prometheus does.
                    while !Task.isCancelled {
                        do { try await clock.sleep(until: clock.now + AlertmanagerSender.resendEvery) } catch { return }
                        await am.resend()
                    }
                }
            }
            await withTaskGroup(of: Void.self) { channels in
                for worker in workers.values { channels.addTask { await worker.run() } }
            }
            loops.cancelAll()
        }
    }

    /// No more notices: queued ones go out, then `run` returns.
    public func finish() {
        for worker in workers.values { worker.finish() }
    }
}
