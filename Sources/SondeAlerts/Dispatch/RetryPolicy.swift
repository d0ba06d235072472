/// How often and how long a failed delivery is tried again: exponential backoff from 1 s,
/// five retries (about 31 s in all), so a receiver restarting is ridden out and a dead one is
/// reported within half a minute.
public struct RetryPolicy: Sendable, Equatable {
    public var delays: [Duration]

    public init(delays: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16)]) {
        self.delays = delays
    }
}
