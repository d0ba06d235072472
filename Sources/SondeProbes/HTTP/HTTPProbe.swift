import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOSSL
import SondeCore

/// HTTP(S) probe on SwiftNIO directly: a fresh connection per probe (what a new client sees),
/// DNS / connect / TLS / first byte / transfer timed apart, the whole exchange (body included)
/// under the target's deadline, and the body read bounded.
public struct HTTPProbe: Probe {
    /// The target's `.http` spec, held as the config's `ProbeSpec` (one shared reference) rather
    /// than as a copy: a fleet keeps a probe per target, and the copy was ~300 bytes of each.
    private let shared: ProbeSpec
    public let timeout: Duration
    private let tls: Result<NIOSSLContext, FailureReason>?

    public var spec: HTTPSpec {
        guard case .http(let spec) = shared else { preconditionFailure("an HTTPProbe probes an .http target") }
        return spec
    }

    public init(spec: HTTPSpec, timeout: Duration) {
        self.init(sharing: .http(spec), timeout: timeout)
    }

    /// The probe of a target whose `probe` is `.http`, sharing its spec.
    init(sharing probe: ProbeSpec, timeout: Duration) {
        guard case .http(let spec) = probe else { preconditionFailure("an HTTPProbe probes an .http target") }
        shared = probe
        self.timeout = timeout
        // The context loads the trust store once; building it per probe would dominate loopback timings.
        tls = spec.url.scheme?.lowercased() == "https" ? Self.makeTLSContext(spec) : nil
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        // One trace per probe; each request of it (a redirect is another) is a span of its own.
        let trace = TraceContext.make(for: spec.trace)
        var outcome = await follow(ProbeClock(deadline: deadline), trace: trace)
        outcome.traceID = trace?.traceID
        return outcome
    }

    private func follow(_ clock: ProbeClock, trace: TraceContext?) async -> ProbeOutcome {
        var url = spec.url
        var redirects = 0
        var span = trace
        while true {
            let outcome = await exchange(url, clock: clock, trace: span)
            guard spec.followRedirects > 0, let location = outcome.redirectLocation, let status = outcome.result.statusCode,
                  (300...399).contains(status), let next = URL(string: location, relativeTo: url)?.absoluteURL
            else { return outcome.result }
            redirects += 1
            if redirects > spec.followRedirects {
                var result = outcome.result
                result.failure = FailureReason(.httpStatus, "stopped after \(spec.followRedirects) redirects (a redirect loop?); last to \(location.excerpt(80))")
                return result
            }
            url = next
            span = span?.nextSpan()
        }
    }

    private struct Attempt {
        var result: ProbeOutcome
        var redirectLocation: String?
    }

    private func exchange(_ url: URL, clock: ProbeClock, trace: TraceContext?) async -> Attempt {
        guard let host = url.host, !host.isEmpty else {
            return Attempt(result: .failed(FailureReason(.config, "URL has no host")))
        }
        let secure = url.scheme?.lowercased() == "https"
        let port = url.port ?? (secure ? 443 : 80)
        var timeline = ExchangeTimeline(start: .now)

        var tlsContext: NIOSSLContext?
        if secure {
            let made = url == spec.url ? tls : Self.makeTLSContext(spec)
            switch made {
            case .success(let context): tlsContext = context
            case .failure(let reason): return Attempt(result: .failed(reason))
            case nil: return Attempt(result: .failed(FailureReason(.tls, "no TLS configuration")))
            }
        }

        let route: ClientRoute
        switch await ClientRoute.find(host: host, port: port, secure: secure, options: spec.client, clock: clock) {
        case .success(let found): route = found
        case .failure(let reason): return Attempt(result: .failed(reason, phases: timeline.phases))
        }
        timeline.resolved = .now

        let request = HTTPExchange.Request(
            address: route.address, host: host, port: port, head: requestHead(url, host: host, port: port, secure: secure, trace: trace),
            body: spec.body.map { ByteBuffer(string: $0) }, tls: tlsContext, maxBodyBytes: spec.maxBodyBytes, tunnel: route.proxy,
            offersHTTP2: spec.http2
        )
        switch await HTTPExchange.perform(request, timeline: timeline, clock: clock) {
        case .failure(let failure):
            return Attempt(result: .failed(route.explain(failure.reason), phases: failure.phases))
        case .success(let raw):
            let headers = raw.head.headers.map { ($0.name, $0.value) }
            let evaluator = HTTPResponseEvaluator(spec: spec)
            var outcome = evaluator.evaluate(
                .init(status: Int(raw.head.status.code), headers: headers, body: Data(buffer: raw.body)),
                latency: (raw.timeline.end ?? .now) - raw.timeline.start, phases: raw.timeline.phases
            )
            outcome.httpVersion = raw.head.version.display
            outcome.record(certificate: raw.certificate)
            return Attempt(result: outcome, redirectLocation: raw.head.headers.first(name: "Location"))
        }
    }

    private func requestHead(_ url: URL, host: String, port: Int, secure: Bool, trace: TraceContext?) -> HTTPRequestHead {
        // As written: `url.path` is decoded, and a decoded %2F or space would change the request.
        let encodedPath = url.path(percentEncoded: true)
        var path = encodedPath.isEmpty ? "/" : encodedPath
        if let query = url.query(percentEncoded: true) { path += "?" + query }
        var headers = HTTPHeaders()
        let defaultPort = secure ? 443 : 80
        let hostHeader = host.contains(":") ? "[\(host)]" : host
        headers.add(name: "Host", value: port == defaultPort ? hostHeader : "\(hostHeader):\(port)")
        headers.add(name: "User-Agent", value: "sonde/0.1")
        headers.add(name: "Accept", value: "*/*")
        // One request per connection, so each probe measures what a new client sees.
        headers.add(name: "Connection", value: "close")
        // `https://user:password@host/` means Basic auth, as curl reads it; a configured
        // Authorization header replaces it below.
        if let basic = BasicCredentials(url) { headers.add(name: "Authorization", value: basic.headerValue) }
        if let trace { headers.add(name: TraceContext.headerName, value: trace.headerValue) }
        for header in spec.headers { headers.replaceOrAdd(name: header.name, value: header.value) }
        return HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: spec.method), uri: path, headers: headers)
    }

    /// With `http2` (the default) ALPN offers h2 before http/1.1, as curl does; `http2: false`
    /// offers http/1.1 alone, as `curl --http1.1`.
    static func makeTLSContext(_ spec: HTTPSpec) -> Result<NIOSSLContext, FailureReason> {
        ClientTLSContext.make(insecure: spec.insecure, caFile: spec.caFile, clientCertificate: spec.client.clientCertificate,
                              applicationProtocols: spec.http2 ? ["h2", "http/1.1"] : ["http/1.1"])
    }
}

extension HTTPVersion {
    /// `HTTP/2`, `HTTP/1.1`: as curl's `%{http_version}` names them, with the protocol in front.
    var display: String { major >= 2 ? "HTTP/\(major)" : "HTTP/\(major).\(minor)" }
}
