import Foundation
import SondeCore

/// What the simulated staging does at a moment of its run, as a pure function of the time since
/// it started: every few minutes the WebSocket endpoint rejects upgrades with HTTP 500 for a
/// stretch, `/api/health` answers 503 for a while, auth gets slow, and then a deploy goes out (the
/// backend's `$.version` moves on, once per cycle); the dependency latencies the backend reports
/// wander all the time.
public struct DemoScenario: Sendable, Equatable {
    /// One cycle of the story; it repeats.
    public var cycle: Duration
    /// When in each cycle the WebSocket endpoint starts rejecting upgrades, and for how long.
    public var websocketOutageStart: Duration
    public var websocketOutageLength: Duration
    public var apiOutageStart: Duration
    public var apiOutageLength: Duration
    public var authSlowStart: Duration
    public var authSlowLength: Duration
    /// When in each cycle a new backend version goes out (after the API outage: the fix).
    public var deployAt: Duration

    public init(
        cycle: Duration = .seconds(180),
        websocketOutageStart: Duration = .seconds(40), websocketOutageLength: Duration = .seconds(30),
        apiOutageStart: Duration = .seconds(110), apiOutageLength: Duration = .seconds(14),
        authSlowStart: Duration = .seconds(15), authSlowLength: Duration = .seconds(10),
        deployAt: Duration = .seconds(150)
    ) {
        self.cycle = cycle
        self.websocketOutageStart = websocketOutageStart
        self.websocketOutageLength = websocketOutageLength
        self.apiOutageStart = apiOutageStart
        self.apiOutageLength = apiOutageLength
        self.authSlowStart = authSlowStart
        self.authSlowLength = authSlowLength
        self.deployAt = deployAt
    }

    /// Every few minutes, as the issue describes it.
    public static let standard = DemoScenario()

    /// A scenario `factor` times faster (tests and impatient demos).
    public func speeded(by factor: Double) -> DemoScenario {
        func scale(_ d: Duration) -> Duration { .milliseconds(Int64(d.milliseconds / max(0.01, factor))) }
        return DemoScenario(
            cycle: scale(cycle), websocketOutageStart: scale(websocketOutageStart), websocketOutageLength: scale(websocketOutageLength),
            apiOutageStart: scale(apiOutageStart), apiOutageLength: scale(apiOutageLength),
            authSlowStart: scale(authSlowStart), authSlowLength: scale(authSlowLength), deployAt: scale(deployAt)
        )
    }

    func within(_ elapsed: Duration, start: Duration, length: Duration) -> Bool {
        let cycleMs = max(1, cycle.milliseconds)
        let at = elapsed.milliseconds.truncatingRemainder(dividingBy: cycleMs)
        return at >= start.milliseconds && at < start.milliseconds + length.milliseconds
    }

    public func websocketRejects(at elapsed: Duration) -> Bool {
        within(elapsed, start: websocketOutageStart, length: websocketOutageLength)
    }

    public func apiUnavailable(at elapsed: Duration) -> Bool {
        within(elapsed, start: apiOutageStart, length: apiOutageLength)
    }

    public func authSlow(at elapsed: Duration) -> Bool {
        within(elapsed, start: authSlowStart, length: authSlowLength)
    }

    /// The backend's version: 1.4.2 at the start, one patch release more per deploy so far.
    public func backendVersion(at elapsed: Duration) -> String {
        let cycleMs = max(1, cycle.milliseconds)
        let cycles = Int((max(0, elapsed.milliseconds) / cycleMs).rounded(.down))
        let deployed = elapsed.milliseconds.truncatingRemainder(dividingBy: cycleMs) >= deployAt.milliseconds ? 1 : 0
        return "1.4.\(2 + cycles + deployed)"
    }
}
