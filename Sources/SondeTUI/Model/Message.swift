import Foundation
import SondeCore

/// Every input the dashboard reacts to. `update` is the only thing that changes the state.
public enum Message: Sendable {
    case event(EngineEvent)
    case key(Key)
    case resize(width: Int, height: Int)
    case tick(Date)
    /// Recent history replayed at start, so a restarted dashboard looks as if it never stopped.
    case seed(DashboardSeed)
    /// A deploy happened (the `d` key, `--deploy`, or a detected version change).
    case deployMarker(DeployMarker)
    /// The store the dashboard reads has news (sent once per burst; the loop takes a snapshot).
    case storeChanged
    /// Bytes for the terminal itself (an alert's BEL and desktop notification), written between
    /// frames on the loop thread so they never land inside a half-drawn screen.
    case terminalBytes([UInt8])
    /// A target's uptime over 1 h / 24 h / 7 d, read from history for its detail view.
    case uptime(target: String, windows: [Uptime])
    /// The observations at a moment in the past, answering `Command.travel`.
    case travelled(at: Date, Result<Observations, TravelProblem>)
    /// The config file was read again and applied; `summary` says what changed.
    case configApplied(SondeConfig, summary: String)
    /// The config file has problems and was not applied; the previous config stays.
    case configRefused(problems: [String])
    /// `watch --prometheus`: the targets and locations read so far, and whether Prometheus answered.
    case fleet(FleetBoard)
}

/// What `update` asks the outside world to do; the app loop carries these out.
public enum Command: Sendable, Equatable {
    case quit
    case togglePause
    case probeNow(String)
    case applyTheme(String)
    /// `d`: the app loop places a manual deploy marker now (and tells the history hook).
    case markDeploy
    /// `s`: silence (or lengthen, or lift) the alerts of a target.
    case silence(String)
    /// `S` then Enter: lift a target's silence at once.
    case liftSilence(String)
    /// Raw bytes for the terminal, between frames.
    case writeTerminal([UInt8])
    /// A target's detail view opened: the app asks history for its uptime windows.
    case readUptime(String)
    /// Rebuild the observations at this moment from history (off the loop thread).
    case travel(Date)
    /// Travel ended: show the live store again.
    case returnLive
}

/// Results and markers from history to start from: results oldest first across targets.
public struct DashboardSeed: Sendable {
    public var results: [ProbeResult]
    public var markers: [DeployMarker]
    public var journeys: [JourneyResult]

    public init(results: [ProbeResult], markers: [DeployMarker] = [], journeys: [JourneyResult] = []) {
        self.results = results
        self.markers = markers
        self.journeys = journeys
    }
}
