import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import SondeCore

/// `prometheus: http://host:9090` with `query:`: `GET /api/v1/query` on a fresh connection (the
/// HTTP probe's exchange), judged by `expect.value`. Phases `connect`, `tls`, `query` (request
/// sent to answer read); the query time is the latency. The value is the result's message and,
/// with `report: NAME`, a reported figure. Prometheus unreachable: the target is down with why.
public struct PrometheusProbe: Probe {
    public let spec: PrometheusSpec
    private let tls: Result<NIOSSLContext, FailureReason>?

    public init(spec: PrometheusSpec) {
        self.spec = spec
        tls = spec.url.scheme?.lowercased() == "https" ? HTTPProbe.makeTLSContext(HTTPSpec(url: spec.url)) : nil
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        let answer: RawHTTPResponse
        switch await Self.exchange(spec, tls: tls, deadline: deadline) {
        case .failure(let reason): return .failed(reason)
        case .success(let response): answer = response
        }
        let timeline = answer.timeline
        var phases: [PhaseTiming] = []
        if let connected = timeline.connected { phases.append(PhaseTiming(PhaseTiming.connect, connected - timeline.start)) }
        if let tlsDone = timeline.tlsDone, let connected = timeline.connected { phases.append(PhaseTiming(PhaseTiming.tls, tlsDone - connected)) }
        let queryTime = (timeline.end ?? .now) - (timeline.tlsDone ?? timeline.connected ?? timeline.start)
        phases.append(PhaseTiming(PhaseTiming.query, queryTime))
        let status = Int(answer.head.status.code)

        let value: Double
        switch PrometheusAnswer.read(status: status, body: Data(buffer: answer.body)) {
        case .failure(let reason): return .failed(reason, phases: phases, statusCode: status)
        case .success(let read): value = read
        }
        let text = ValueExpectation.format(value)
        var outcome = ProbeOutcome(latency: queryTime, phases: phases, statusCode: status, message: "value \(text)")
        if let name = spec.reportName { outcome.reported = [ReportedMetric(name: name, value: value)] }
        if let expectation = spec.expectation, !expectation.accepts(value) {
            outcome.failure = FailureReason(.assertion, "expected value \(expectation), got \(text)")
        }
        return outcome
    }

    /// The one exchange a query is: resolve, connect (TLS), `GET /api/v1/query`, read the answer
    /// (bounded), all under the deadline. The kind and the fleet reader share it.
    static func exchange(
        _ spec: PrometheusSpec, tls: Result<NIOSSLContext, FailureReason>?, deadline: ContinuousClock.Instant, maxBodyBytes: Int = 1 << 20
    ) async -> Result<RawHTTPResponse, FailureReason> {
        let clock = ProbeClock(deadline: deadline)
        let request = PrometheusRequest(spec: spec)
        guard let host = request.host else { return .failure(FailureReason(.config, "\(spec.url.redactedDescription) has no host")) }
        let tlsContext: NIOSSLContext?
        switch tls {
        case .failure(let reason): return .failure(reason)
        case .success(let context): tlsContext = context
        case nil: tlsContext = nil
        }
        let address: SocketAddress
        switch await HostResolver.system.resolve(host: host, port: request.port, deadline: deadline, budget: clock.budget) {
        case .success(let a): address = a
        case .failure(let reason): return .failure(reason)
        }
        let raw = HTTPExchange.Request(
            address: address, host: host, port: request.port, head: request.head, body: nil, tls: tlsContext, maxBodyBytes: maxBodyBytes,
            offersHTTP2: true  // the http kind's context: ALPN h2, then http/1.1
        )
        switch await HTTPExchange.perform(raw, timeline: ExchangeTimeline(start: .now, resolved: .now), clock: clock) {
        case .failure(let failure): return .failure(unreachable(failure.reason, at: request.displayAddress))
        case .success(let response): return .success(response)
        }
    }

    /// "Prometheus at host:9090 refused the connection": the row says which server is missing.
    static func unreachable(_ reason: FailureReason, at address: String) -> FailureReason {
        FailureReason(reason.kind, "Prometheus at \(address): \(reason.message)")
    }
}

/// The one request a Prometheus target makes: `GET /api/v1/query?query=...`.
struct PrometheusRequest: Sendable {
    let host: String?
    let port: Int
    let head: HTTPRequestHead

    init(spec: PrometheusSpec) {
        let url = spec.url
        host = url.host(percentEncoded: false).flatMap { $0.isEmpty ? nil : $0 }
        let secure = url.scheme?.lowercased() == "https"
        port = url.port ?? (secure ? 443 : 80)
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "query", value: spec.query)]
        // A '+' left as is would reach Prometheus as a space.
        let query = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B") ?? ""
        let base = url.path(percentEncoded: true)
        let path = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/api/v1/query?" + query
        var headers = HTTPHeaders()
        let hostHeader = (host ?? "").contains(":") ? "[\(host ?? "")]" : host ?? ""
        headers.add(name: "Host", value: "\(hostHeader):\(port)")
        headers.add(name: "User-Agent", value: "sonde/0.1")
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "Connection", value: "close")
        if let credentials = BasicCredentials(url) { headers.add(name: "Authorization", value: credentials.headerValue) }
        head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers)
    }

    var displayAddress: String { "\(host ?? "?"):\(port)" }
}
