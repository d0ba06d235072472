/// `host:port` (`[::1]:53` for IPv6), as `tcp:`, `grpc:` and a DNS `server:` take it.
enum HostPortReader {
    /// `defaultPort` lets the port be left out (`server: 127.0.0.1` means port 53).
    static func read(_ node: ConfigNode, defaultPort: Int? = nil) throws(ConfigError) -> (host: String, port: Int) {
        try parse(try node.nonEmptyString().trimmingCharacters(in: .whitespaces), node: node, defaultPort: defaultPort)
    }

    /// `text` taken from `node` (a `grpcs://` prefix already removed); errors name the node.
    static func parse(_ text: String, node: ConfigNode, defaultPort: Int? = nil) throws(ConfigError) -> (host: String, port: Int) {
        let bareIPv6 = text.filter { $0 == ":" }.count > 1 && !text.hasPrefix("[")
        if let defaultPort, bareIPv6 || !text.contains(":") || (text.hasPrefix("[") && text.hasSuffix("]")) {
            return (unbracketed(text), defaultPort)
        }
        let example = defaultPort == nil ? "host:port" : "host or host:port"
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
            throw node.error("'\(text)' must be \(example) with a port from 1 to 65535")
        }
        let host = unbracketed(String(text[..<colon]))
        guard !host.isEmpty else { throw node.error("'\(text)' has no host") }
        return (host, port)
    }

    private static func unbracketed(_ text: String) -> String {
        text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
    }
}
