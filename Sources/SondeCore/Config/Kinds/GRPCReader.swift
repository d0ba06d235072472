/// Reads a `grpc:` target: `grpc: host:port` (or `grpc://` / `grpcs://host:port`), `tls:` (true,
/// or `{ cert, key, ca, insecure }` for mutual TLS), `service:`, for TLS `insecure:` and `ca:`,
/// and the http kind's `resolve:`, `proxy:` and `no_proxy:`.
enum GRPCReader {
    static let keys = ["service", "tls", "insecure", "ca"] + HTTPClientOptionsReader.sharedKeys
    static let expectKeys = ["latency", "cert_days"]

    static func read(endpoint: ConfigNode, map: ConfigMapping) throws(ConfigError) -> GRPCSpec {
        let text = try endpoint.nonEmptyString().trimmingCharacters(in: .whitespaces)
        let lowered = text.lowercased()
        let scheme: String? = lowered.hasPrefix("grpcs://") ? "grpcs" : lowered.hasPrefix("grpc://") ? "grpc" : nil
        if scheme == nil, lowered.contains("://") {
            throw endpoint.error("'\(text)' must be host:port, grpc://host:port or grpcs://host:port (TLS)")
        }
        let address = scheme.map { String(text.dropFirst($0.count + 3)) } ?? text
        // grpcs:// without a port means 443, as a browser would; plaintext gRPC has no usual port.
        let (host, port) = try HostPortReader.parse(address.hasSuffix("/") ? String(address.dropLast()) : address,
                                                    node: endpoint, defaultPort: scheme == "grpcs" ? 443 : nil)
        var tls = scheme == "grpcs"
        var tlsOptions: ConfigMapping?
        if let node = map["tls"] {
            // `tls: { cert, key }` asks for TLS with a client certificate, as the http kind's does.
            if node.isMapping { tlsOptions = try node.mapping(allowed: HTTPClientOptionsReader.tlsKeys) }
            let asked = try tlsOptions == nil ? node.bool() : true
            if scheme == "grpc", asked { throw node.error("grpc:// is plaintext; write grpcs:// for TLS, or drop the scheme") }
            if scheme == "grpcs", !asked { throw node.error("grpcs:// is TLS; write grpc:// (or host:port) for plaintext") }
            tls = asked
        }
        var spec = GRPCSpec(host: host, port: port, tls: tls)
        if let node = map["service"] { spec.service = try node.string().trimmingCharacters(in: .whitespaces) }
        for key in ["insecure", "ca"] where !tls {
            if let node = map[key] { throw node.error("'\(key)' applies to TLS only: write grpcs://\(spec.authority) or add tls: true") }
        }
        if let node = map["insecure"] { spec.insecure = try node.bool() }
        if let node = map["ca"] { spec.caFile = try TargetReader.readCAFile(node) }
        if let tlsOptions {
            try HTTPClientOptionsReader.readTLS(tlsOptions, map: map, client: &spec.client, caFile: &spec.caFile, insecure: &spec.insecure)
        }
        try HTTPClientOptionsReader.readShared(map, into: &spec.client)
        return spec
    }
}
