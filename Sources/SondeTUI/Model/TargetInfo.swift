import SondeCore

/// What the dashboard shows about a configured target before and beside its results: already
/// redacted, so nothing downstream can leak a secret.
public struct TargetInfo: Sendable, Equatable {
    public var name: String
    public var kind: TargetKind
    public var latencyTarget: Duration?
    private var lines: RequestLines

    /// Lines given as they are, or described from the target's spec when the detail view asks:
    /// a fleet's dashboard held a few formatted lines per target that only one target's detail
    /// view reads at a time (~1 MB at 10,000 targets). The spec is the config's shared reference.
    private enum RequestLines: Sendable {
        case given([String])
        case described(ProbeSpec, Redactor)
    }

    /// `GET http://host/health` and header lines, secrets masked.
    public var request: [String] {
        get {
            switch lines {
            case .given(let lines): lines
            case .described(let probe, let redactor): Self.describeRequest(probe).map(redactor.redact)
            }
        }
        set { lines = .given(newValue) }
    }

    public init(name: String, kind: TargetKind, latencyTarget: Duration?, request: [String]) {
        self.name = name
        self.kind = kind
        self.latencyTarget = latencyTarget
        lines = .given(request)
    }

    public init(_ target: Target, redactor: Redactor) {
        name = target.name
        kind = target.kind
        latencyTarget = target.latencyTarget
        lines = .described(target.probe, redactor)
    }

    public static func == (lhs: TargetInfo, rhs: TargetInfo) -> Bool {
        lhs.name == rhs.name && lhs.kind == rhs.kind && lhs.latencyTarget == rhs.latencyTarget && lhs.request == rhs.request
    }

    /// `resolve:`, `proxy:` and the client certificate, alike for every HTTP-based kind.
    private static func clientLines(_ options: ClientOptions) -> [String] {
        options.resolve.map { "resolve: \($0.display)" }
            + (options.proxy.map { proxy in
                switch proxy {
                case .server(let host, let port): ["proxy: \(host):\(port)"]
                case .environment: ["proxy: from HTTPS_PROXY / HTTP_PROXY"]
                }
            } ?? [])
            + (options.clientCertificate.map { ["client certificate: \($0.certificateFile)"] } ?? [])
    }

    /// The request a probe makes, as a person would write it, with secret header values masked.
    static func describeRequest(_ probe: ProbeSpec) -> [String] {
        switch probe {
        case .http(let spec):
            return ["\(spec.method) \(spec.url.redactedDescription)"] + spec.headers.map { "\($0.name): \($0.displayValue)" }
                + (spec.body.map { ["body: \($0.excerpt(60))"] } ?? [])
                + clientLines(spec.client)
                + (spec.url.scheme?.lowercased() == "https" && !spec.http2 ? ["HTTP/1.1 only (http2: false)"] : [])
        case .websocket(let spec):
            var lines = ["GET \(spec.url.redactedDescription) (WebSocket upgrade)"]
            lines += spec.headers.map { "\($0.name): \($0.displayValue)" }
            if let send = spec.send { lines.append("send: \(send.excerpt(60))") }
            return lines
        case .clickhouse(let spec):
            return [probe.displayEndpoint, "query: \(spec.query.excerpt(60))"] + (spec.user.map { ["user: \($0)"] } ?? [])
        case .postgres(let spec):
            return [probe.displayEndpoint, "query: \(spec.query.excerpt(60))"]
        case .redis, .tcp, .icmp:
            return [probe.displayEndpoint]
        case .dns(let spec):
            return ["\(spec.type.rawValue) \(spec.name)", "server: \(spec.server?.display ?? "the system resolver (/etc/resolv.conf)")"]
        case .exec(let spec):
            return [spec.displayCommand]
        case .grpc(let spec):
            return ["grpc.health.v1.Health/Check \(spec.displayEndpoint)", "service: " + (spec.service.isEmpty ? "(the server as a whole)" : spec.service)]
                + (spec.tls ? ["TLS: " + (spec.insecure ? "not verified (insecure)" : spec.caFile.map { "CA \($0)" } ?? "the system's trust store")] : [])
                + clientLines(spec.client)
        case .prometheus(let spec):
            return [probe.displayEndpoint, "query: \(spec.query.excerpt(60))"] + (spec.expectation.map { ["expect value \($0)"] } ?? [])
        }
    }
}
