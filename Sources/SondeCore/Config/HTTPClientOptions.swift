/// `tls: { cert: FILE, key: FILE }`: the client certificate an HTTPS target presents (mutual TLS).
public struct ClientCertificate: Sendable, Equatable {
    /// PEM: the certificate, then any intermediates.
    public var certificateFile: String
    public var keyFile: String

    public init(certificateFile: String, keyFile: String) {
        self.certificateFile = certificateFile
        self.keyFile = keyFile
    }
}

/// `resolve: host:port:address`, as curl's `--resolve`: connect to `address` for that name and
/// port instead of looking it up, with TLS and the Host header still naming the host (probe a
/// new backend before DNS points at it).
public struct ResolveOverride: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var address: String

    public init(host: String, port: Int, address: String) {
        self.host = host
        self.port = port
        self.address = address
    }

    public func applies(to host: String, port: Int) -> Bool {
        self.port == port && self.host.caseInsensitiveCompare(host) == .orderedSame
    }

    public var display: String { "\(host):\(port) → \(address)" }
}
