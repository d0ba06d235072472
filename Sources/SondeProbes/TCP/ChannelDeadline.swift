import NIOCore

/// Closes a channel when the probe's deadline passes. Closing is the one way to stop any NIO
/// exchange (a silent server, an uncancellable query): every pending read and promise then fails,
/// and the probe reports a timeout for the phase it was in.
struct ChannelDeadline: Sendable {
    private let scheduled: Scheduled<Void>
    let deadline: ContinuousClock.Instant

    init(channel: any Channel, deadline: ContinuousClock.Instant) {
        self.deadline = deadline
        let delay = deadline - ContinuousClock.now
        scheduled = channel.eventLoop.scheduleTask(in: delay.nioTimeAmount) {
            channel.close(promise: nil)
        }
    }

    var hasPassed: Bool { ContinuousClock.now >= deadline }

    /// Call when the exchange is over, whatever its result.
    func cancel() { scheduled.cancel() }
}
