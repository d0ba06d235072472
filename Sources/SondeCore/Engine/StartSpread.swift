/// Where in its first interval each job of a batch starts. Jobs that all start at once probe
/// at once on every round after (a thousand connections in the same millisecond each second):
/// the event loops queue them, healthy targets miss their deadlines, and memory peaks with the
/// connections in flight. Prometheus spreads its scrapes over the interval for the same reason.
/// Jobs start in groups of at most `burst`, the groups spaced evenly at no more than
/// `startsPerSecond` jobs a second and never past a job's own interval. Groups rather than one
/// job at a time: a probe alone wakes the event loop and the task pool for itself, and measured
/// at 1,000 targets a second that cost twice the CPU of probes arriving a hundred together.
public struct StartSpread: Sendable, Equatable {
    /// Jobs that start in the same instant: connections the event loops take in their stride.
    public static let burst = 100
    /// The rate a larger batch is spread to.
    public static let startsPerSecond = 1_000

    public let count: Int

    public init(count: Int) {
        self.count = max(1, count)
    }

    /// How long after the batch began the job at `index` (0-based) runs its first round.
    public func offset(index: Int, interval: Duration) -> Duration {
        guard count > Self.burst, index > 0 else { return .zero }
        let window = min(interval, .seconds(Double(count) / Double(Self.startsPerSecond)))
        let groups = (count + Self.burst - 1) / Self.burst
        let group = min(index, count - 1) / Self.burst
        return window * (Double(group) / Double(groups))
    }
}
