import Foundation
import NIOCore
import NIOFoundationCompat
import NIOSSL
import SondeCore

/// `sonde watch --prometheus URL`: reads what many Sonde agents exported into one Prometheus,
/// round after round, into the session's store (results keyed `target @ location`) and hands
/// the board (targets, locations, whether Prometheus answered) to the dashboard. A reader of the
/// HTTP API only: Prometheus is the distributed engine, Sonde draws it.
public struct FleetReader: Sendable {
    public let url: URL
    public let locations: [String]
    public let interval: Duration
    public let timeout: Duration
    private let tls: Result<NIOSSLContext, FailureReason>?

    public init(url: URL, locations: [String] = [], interval: Duration = .seconds(2), timeout: Duration = .seconds(2)) {
        self.url = url
        self.locations = locations
        self.interval = interval
        self.timeout = timeout
        tls = url.scheme?.lowercased() == "https" ? HTTPProbe.makeTLSContext(HTTPSpec(url: url)) : nil
    }

    /// `host:port` as headers and errors name it: never the URL's credentials.
    public var source: String { PrometheusRequest(spec: spec).displayAddress }

    private var spec: PrometheusSpec { PrometheusSpec(url: url, query: FleetQuery.promQL(locations: locations)) }

    public func makeTracker() -> FleetTracker {
        FleetTracker(board: FleetBoard(locations: locations, health: FleetHealth(source: source)))
    }

    /// One query: every series the board needs, or why Prometheus did not answer with them.
    public func read() async -> Result<[PrometheusSeries], FailureReason> {
        // A fleet's page is bigger than one number: room for thousands of series.
        switch await PrometheusProbe.exchange(spec, tls: tls, deadline: .now + timeout, maxBodyBytes: 64 << 20) {
        case .failure(let reason): return .failure(reason)
        case .success(let answer):
            return PrometheusAnswer.series(status: Int(answer.head.status.code), body: Data(buffer: answer.body))
        }
    }

    /// Reads every `interval` until cancelled: new results go to `record`, the board after each
    /// round (read or failed) to `publish`.
    public func run(record: @Sendable (ProbeResult) -> Void, publish: @Sendable (FleetBoard) -> Void) async {
        var tracker = makeTracker()
        let clock = ContinuousClock()
        var next = clock.now
        while !Task.isCancelled {
            await round(&tracker, record: record)
            publish(tracker.board)
            next = next.advanced(by: interval)
            if next < clock.now { next = clock.now }
            do { try await clock.sleep(until: next) } catch { return }
        }
    }

    /// One read into the tracker; what is new goes to `record`.
    public func round(_ tracker: inout FleetTracker, record: (ProbeResult) -> Void) async {
        switch await read() {
        case .success(let series):
            for result in tracker.read(series, now: Date()) { record(result) }
        case .failure(let reason):
            tracker.failed(reason.message)
        }
    }
}
