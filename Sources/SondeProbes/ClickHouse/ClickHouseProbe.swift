import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import SondeCore

/// `clickhouse: http://host:8123`: `GET /ping` expecting "Ok.", then the query (`SELECT 1` unless
/// `query:` says otherwise) with the user's credentials, each on a fresh connection through the
/// HTTP probe's exchange. Phases: `ping` (the whole /ping exchange), then the query's `connect`
/// (and `tls`) and `query` (request sent to body read); the query time is the latency.
public struct ClickHouseProbe: Probe {
    public let spec: ClickHouseSpec
    private let tls: Result<NIOSSLContext, FailureReason>?

    public init(spec: ClickHouseSpec) {
        self.spec = spec
        tls = spec.url.scheme?.lowercased() == "https"
            ? HTTPProbe.makeTLSContext(HTTPSpec(url: spec.url, insecure: spec.insecure, caFile: spec.caFile)) : nil
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        let clock = ProbeClock(deadline: deadline)
        let request: ClickHouseRequest
        let tlsContext: NIOSSLContext?
        do {
            request = try ClickHouseRequest(spec: spec)
            tlsContext = try tls?.get()
        } catch {
            return .failed(error)
        }
        let address: SocketAddress
        switch await HostResolver.system.resolve(host: request.host, port: request.port, deadline: deadline, budget: clock.budget) {
        case .success(let a): address = a
        case .failure(let reason): return .failed(reason)
        }
        func exchange(_ head: HTTPRequestHead) async -> Result<RawHTTPResponse, FailureReason> {
            let raw = HTTPExchange.Request(
                address: address, host: request.host, port: request.port, head: head, body: nil, tls: tlsContext,
                // The context is the http kind's (ALPN h2, http/1.1): either version is read.
                maxBodyBytes: 64 << 10, offersHTTP2: true
            )
            // ClickHouse reports its own phases (ping, connect, query), not the HTTP ones of a failure.
            return await HTTPExchange.perform(raw, timeline: ExchangeTimeline(start: .now, resolved: .now), clock: clock).mapError(\.reason)
        }

        var phases: [PhaseTiming] = []
        switch await exchange(request.ping) {
        case .failure(let reason):
            return .failed(reason)
        case .success(let ping):
            let body = String(buffer: ping.body)
            guard ping.head.status.code == 200 else {
                return .failed(ClickHouseErrorReply.reason(status: Int(ping.head.status.code), body: body, user: request.displayUser, during: "/ping"),
                               statusCode: Int(ping.head.status.code))
            }
            guard body.hasPrefix("Ok.") else {
                return .failed(FailureReason(.protocolError, "/ping answered \(body.excerpt(40)), not Ok.: is this ClickHouse's HTTP port?"))
            }
            phases.append(PhaseTiming("ping", ping.timeline.phases.first { $0.name == PhaseTiming.total }?.duration ?? .zero))
        }

        switch await exchange(request.query(spec.query)) {
        case .failure(let reason):
            return .failed(reason, phases: phases)
        case .success(let answer):
            let timeline = answer.timeline
            if let connected = timeline.connected { phases.append(PhaseTiming(PhaseTiming.connect, connected - timeline.start)) }
            if let tlsDone = timeline.tlsDone, let connected = timeline.connected { phases.append(PhaseTiming(PhaseTiming.tls, tlsDone - connected)) }
            let sent = timeline.tlsDone ?? timeline.connected ?? timeline.start
            let queryTime = (timeline.end ?? .now) - sent
            let status = Int(answer.head.status.code)
            let body = String(buffer: answer.body)
            guard status == 200 else {
                return .failed(ClickHouseErrorReply.reason(status: status, body: body, user: request.displayUser, during: "the query"),
                               phases: phases, statusCode: status)
            }
            phases.append(PhaseTiming(PhaseTiming.query, queryTime))
            let firstLine = body.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            var outcome = ProbeOutcome(latency: queryTime, phases: phases, statusCode: status, message: firstLine.excerpt(80))
            // Over https the query's own handshake gives the certificate, for `expect.cert_days` and the row.
            outcome.record(certificate: answer.certificate)
            return outcome
        }
    }
}
