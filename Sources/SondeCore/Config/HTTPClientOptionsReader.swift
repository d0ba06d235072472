import Foundation

/// Reads an `http:` target's client options: `tls: { cert, key, ca, insecure }` and
/// `resolve: host:port:address` (one or a list), `proxy: http://host:port | env`, `no_proxy:`,
/// `http2: false`.
enum HTTPClientOptionsReader {
    static let keys = ["tls", "resolve", "proxy", "no_proxy", "http2"]

    /// The keys every HTTP-based kind shares (grpc's `tls:` is its own: true, or this mapping).
    static let sharedKeys = ["resolve", "proxy", "no_proxy"]
    static let tlsKeys = ["cert", "key", "ca", "insecure"]

    static func read(into spec: inout HTTPSpec, map: ConfigMapping) throws(ConfigError) {
        // Read into a copy: an HTTP spec's client options are computed (kept apart when set).
        var client = spec.client
        if let node = map["tls"] {
            let tls = try node.mapping(allowed: tlsKeys)
            try readTLS(tls, map: map, client: &client, caFile: &spec.caFile, insecure: &spec.insecure)
        }
        try readShared(map, into: &client)
        spec.client = client
        if let node = map["http2"] {
            spec.http2 = try node.bool()
            if spec.url.scheme?.lowercased() != "https" {
                throw node.error("http2 applies to https only (HTTP/2 is agreed in the TLS handshake; plaintext is HTTP/1.1)")
            }
        }
    }

    /// `resolve:`, `proxy:` and `no_proxy:` beside the kind's endpoint.
    static func readShared(_ map: ConfigMapping, into client: inout ClientOptions) throws(ConfigError) {
        if let node = map["resolve"] {
            client.resolve = try node.listOrSingle().map { item throws(ConfigError) in try readResolve(item) }
        }
        if let node = map["proxy"] { client.proxy = try readProxy(node) }
        if let node = map["no_proxy"] {
            // A list, or one comma-separated string as NO_PROXY is written.
            for item in try node.listOrSingle() {
                client.noProxy += try item.nonEmptyString().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
    }

    /// `env`, or `http://host:port` (CONNECT tunnels; a proxy spoken to over TLS is not supported).
    private static func readProxy(_ node: ConfigNode) throws(ConfigError) -> ProxySetting {
        let text = try node.nonEmptyString().trimmingCharacters(in: .whitespaces)
        if text.lowercased() == "env" { return .environment }
        guard text.lowercased().hasPrefix("http://") else {
            throw node.error("'\(text)' must be http://host:port (an HTTP CONNECT proxy) or env (HTTPS_PROXY / HTTP_PROXY and NO_PROXY)")
        }
        var address = String(text.dropFirst("http://".count))
        if address.hasSuffix("/") { address.removeLast() }
        guard !address.contains("@") else { throw node.error("proxy credentials are not supported; write http://host:port") }
        let (host, port) = try HostPortReader.parse(address, node: node, defaultPort: 3128)
        return .server(host: host, port: port)
    }

    /// `tls: { cert, key, ca, insecure }`: the client certificate, and trust written here rather
    /// than beside `tls:` (not in both places).
    static func readTLS(_ tls: ConfigMapping, map: ConfigMapping, client: inout ClientOptions, caFile: inout String?,
                        insecure: inout Bool) throws(ConfigError) {
        switch (tls["cert"], tls["key"]) {
        case (let cert?, let key?):
            client.clientCertificate = ClientCertificate(certificateFile: try readableFile(cert, "certificate"), keyFile: try readableFile(key, "key"))
        case (let cert?, nil):
            throw cert.error("a client certificate needs its key: add key: FILE")
        case (nil, let key?):
            throw key.error("a client key needs its certificate: add cert: FILE")
        case (nil, nil):
            break
        }
        for key in ["ca", "insecure"] {
            if let inner = tls[key], map[key] != nil { throw inner.error("'\(key)' is given twice, here and beside tls:; keep one") }
        }
        if let ca = tls["ca"] { caFile = try TargetReader.readCAFile(ca) }
        if let node = tls["insecure"] { insecure = try node.bool() }
    }

    private static func readableFile(_ node: ConfigNode, _ what: String) throws(ConfigError) -> String {
        let path = try node.nonEmptyString()
        guard FileManager.default.isReadableFile(atPath: path) else { throw node.error("\(what) file '\(path)' cannot be read") }
        return path
    }

    /// `api.example.com:443:10.0.0.7` or `api.example.com:443:[::1]`, as curl writes it.
    private static func readResolve(_ node: ConfigNode) throws(ConfigError) -> ResolveOverride {
        let text = try node.nonEmptyString().trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, !parts[0].isEmpty, let port = Int(parts[1]), (1...65535).contains(port) else {
            throw node.error("'\(text)' must be host:port:address, as curl's --resolve (api.example.com:443:10.0.0.7)")
        }
        var address = parts[2]
        if address.hasPrefix("["), address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
        guard isIPAddress(address) else { throw node.error("'\(parts[2])' is not an IP address (resolve: takes one address, as curl's does)") }
        return ResolveOverride(host: parts[0], port: port, address: address)
    }

    private static func isIPAddress(_ text: String) -> Bool {
        let quads = text.split(separator: ".", omittingEmptySubsequences: false)
        if quads.count == 4, quads.allSatisfy({ $0.count <= 3 && UInt8($0) != nil }) { return true }
        return text.contains(":") && text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
}
