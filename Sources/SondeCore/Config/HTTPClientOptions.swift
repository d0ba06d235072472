/// The client options every HTTP-based kind takes alike (http, grpc): a client certificate for
/// mutual TLS, curl-style `resolve:` overrides, and a CONNECT proxy with its exceptions.
public struct ClientOptions: Sendable, Equatable {
    public var clientCertificate: ClientCertificate?
    public var resolve: [ResolveOverride] = []
    public var proxy: ProxySetting?
    public var noProxy: [String] = []

    public init(clientCertificate: ClientCertificate? = nil, resolve: [ResolveOverride] = [], proxy: ProxySetting? = nil, noProxy: [String] = []) {
        self.clientCertificate = clientCertificate
        self.resolve = resolve
        self.proxy = proxy
        self.noProxy = noProxy
    }
}

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

/// `proxy:`: an HTTP CONNECT proxy the probe tunnels through, or `env` for the proxy the
/// environment names (HTTPS_PROXY / HTTP_PROXY and NO_PROXY, read only when asked).
public enum ProxySetting: Sendable, Equatable {
    case server(host: String, port: Int)
    case environment
}

/// NO_PROXY's rules, as curl reads them: `*` is every host; `example.com` and `.example.com`
/// are that name and its subdomains; an entry with `:port` only that port; IPs match exactly.
public enum NoProxyRule {
    public static func exempts(host: String, port: Int, entries: [String]) -> Bool {
        let host = host.lowercased()
        for raw in entries {
            var entry = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if entry == "*" { return true }
            if let colon = entry.lastIndex(of: ":"), !entry.hasSuffix("]"), entry.filter({ $0 == ":" }).count == 1 {
                guard Int(entry[entry.index(after: colon)...]) == port else { continue }
                entry = String(entry[..<colon])
            }
            if entry.hasPrefix("[") && entry.hasSuffix("]") { entry = String(entry.dropFirst().dropLast()) }
            while entry.hasPrefix(".") { entry.removeFirst() }
            guard !entry.isEmpty else { continue }
            if host == entry || host.hasSuffix("." + entry) { return true }
        }
        return false
    }
}
