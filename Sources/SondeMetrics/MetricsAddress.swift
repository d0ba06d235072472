import Foundation

/// Where `--metrics` serves: `127.0.0.1:9464`, `[::1]:9464`, `localhost:9464`, or `:9464` for
/// every interface (as Prometheus exporters write it). Port 0 asks the system for a free port;
/// the address actually bound is said on stderr.
public struct MetricsAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// A typed reason a person can act on: what is wrong and what is meant instead.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let example = "write HOST:PORT, like 127.0.0.1:9464, [::1]:9464 or :9464 (every interface)"
        guard let colon = trimmed.lastIndex(of: ":") else {
            throw ParseError(description: "'\(text)' has no port; \(example)")
        }
        var host = String(trimmed[..<colon])
        let portText = trimmed[trimmed.index(after: colon)...]
        guard let port = Int(portText), (0...65_535).contains(port) else {
            throw ParseError(description: "'\(portText)' in '\(text)' is not a port (0 to 65535); \(example)")
        }
        if host.hasPrefix("[") {
            guard host.hasSuffix("]") else { throw ParseError(description: "'\(text)' opens '[' without closing it; \(example)") }
            host = String(host.dropFirst().dropLast())
            guard Self.isIPv6(host) else { throw ParseError(description: "'\(host)' in '\(text)' is not an IPv6 address; \(example)") }
        } else if host.contains(":") {
            throw ParseError(description: "'\(text)': an IPv6 address goes in brackets, like [::1]:9464")
        } else if host.isEmpty {
            host = "0.0.0.0"
        } else if host.first?.isNumber == true, !Self.isIPv4(host) {
            throw ParseError(description: "'\(host)' in '\(text)' is not an IPv4 address; \(example)")
        }
        self.init(host: host, port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }
}
