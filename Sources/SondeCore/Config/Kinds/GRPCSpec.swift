/// `grpc: host:port`: one grpc.health.v1 Health/Check call, up when the answer is SERVING.
public struct GRPCSpec: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// TLS (`grpcs://` or `tls: true`), with HTTP/2 agreed by ALPN.
    public var tls: Bool
    /// The service whose health is asked; empty asks about the server as a whole, as
    /// grpc_health_probe does without `-service`.
    public var service: String
    /// With TLS: skip certificate checks, or trust this CA file (PEM) instead of the system's.
    public var insecure: Bool
    public var caFile: String?
    /// mTLS (`tls: { cert, key }`), `resolve:`, `proxy:`, `no_proxy:`, as the http kind's.
    public var client = ClientOptions()

    public init(host: String, port: Int, tls: Bool = false, service: String = "", insecure: Bool = false, caFile: String? = nil) {
        self.host = host
        self.port = port
        self.tls = tls
        self.service = service
        self.insecure = insecure
        self.caFile = caFile
    }

    /// `host:port` as HTTP/2's `:authority` carries it (brackets around an IPv6 literal).
    public var authority: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// `grpcs://api.test:443 (service billing)`, as the dashboard shows the target.
    public var displayEndpoint: String {
        (tls ? "grpcs://" : "grpc://") + authority + (service.isEmpty ? "" : " (service \(service))")
    }

    /// What the call asks about, in a reason: "service 'billing'" or "the server".
    public var subject: String { service.isEmpty ? "the server" : "service '\(service)'" }
}
