import Foundation
import SondeCore
import Synchronization

/// One channel's queue: notices wait out the group window, go out grouped by rule and state,
/// and a failed delivery is retried with backoff, all on this channel's own task, so a dead
/// receiver delays nothing but itself.
final class ChannelWorker: Sendable {
    let name: String
    private let sender: any NotificationSender
    private let groupWait: Duration
    private let retry: RetryPolicy
    private let clock: any SchedulerClock
    private let environment: String
    private let report: @Sendable (ChannelEvent) -> Void
    private let pending = Mutex<[AlertNotice]>([])
    private let finished = Atomic<Bool>(false)
    /// The group window or backoff sleep under way, cut short by `finish()`: quitting waits out
    /// neither.
    private let napping = Mutex<Task<Void, any Error>?>(nil)
    private let wake: AsyncStream<Void>.Continuation
    private let wakes: AsyncStream<Void>

    init(
        name: String, sender: any NotificationSender, groupWait: Duration, retry: RetryPolicy, clock: any SchedulerClock,
        environment: String, report: @escaping @Sendable (ChannelEvent) -> Void
    ) {
        self.name = name
        self.sender = sender
        self.groupWait = groupWait
        self.retry = retry
        self.clock = clock
        self.environment = environment
        self.report = report
        (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Never blocks: the notice waits in the queue for the worker.
    func enqueue(_ notices: [AlertNotice]) {
        pending.withLock { $0.append(contentsOf: notices) }
        wake.yield()
    }

    /// Ends the queue: what is pending goes out at once (no group wait, no retries).
    func finish() {
        finished.store(true, ordering: .releasing)
        napping.withLock { $0?.cancel() }
        wake.finish()
    }

    func run() async {
        var failing = false
        for await _ in wakes {
            // A wake whose notices went out with the last batch, or one after finish(), waits for nothing.
            let waiting = !pending.withLock { $0.isEmpty } && !finished.load(ordering: .acquiring)
            if groupWait > .zero && waiting { _ = await nap(groupWait) }
            await deliver(&failing, retrying: !Task.isCancelled && !finished.load(ordering: .acquiring))
        }
        await deliver(&failing, retrying: false)
    }

    /// Sleeps `delay` on the clock; false when `finish()` or cancelling the worker cut it short.
    /// Both the group window and a retry's backoff sleep here, so quitting waits out neither.
    private func nap(_ delay: Duration) async -> Bool {
        let clock = clock
        let nap = Task { try await clock.sleep(until: clock.now + delay) }
        napping.withLock { $0 = nap }
        if finished.load(ordering: .acquiring) { nap.cancel() }
        do {
            try await withTaskCancellationHandler { try await nap.value } onCancel: { nap.cancel() }
            return true
        } catch {
            return false
        }
    }

    private func deliver(_ failing: inout Bool, retrying: Bool) async {
        let batch = pending.withLock { queue in defer { queue = [] }; return queue }
        for notification in AlertNotification.grouping(batch, environment: environment) {
            var failure = await sender.send(notification)
            var attempt = 0
            while let problem = failure, problem.retryable, retrying, attempt < retry.delays.count {
                if !failing {
                    failing = true
                    report(ChannelEvent(channel: name, at: Date(), problem: problem.reason + " (retrying)"))
                }
                guard await nap(retry.delays[attempt]) else { break }
                attempt += 1
                failure = await sender.send(notification)
            }
            if let failure {
                failing = true
                report(ChannelEvent(channel: name, at: Date(), problem: "\(failure.reason); dropped \(notification.headline)"))
            } else if failing {
                failing = false
                report(ChannelEvent(channel: name, at: Date(), problem: nil))
            }
        }
    }
}
