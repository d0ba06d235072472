import Foundation

/// Fills a step's placeholders with values earlier steps captured, in every string a probe
/// sends: URL, header values, body, WebSocket message.
public enum StepTargetResolver {
    /// Every placeholder a target's probe uses, in the order they appear.
    public static func references(in target: Target) -> [StepPlaceholders.Reference] {
        strings(of: target.probe).flatMap(StepPlaceholders.references(in:))
    }

    public static func resolve(_ target: Target, with captured: StepPlaceholders.Captured) throws(StepPlaceholders.Unresolved) -> Target {
        var resolved = target
        switch target.probe {
        case .http(var spec):
            spec.url = try url(spec.url, captured)
            spec.headers = try headers(spec.headers, captured)
            spec.body = try spec.body.map { text throws(StepPlaceholders.Unresolved) in try StepPlaceholders.substitute(text, with: captured) }
            resolved.probe = .http(spec)
        case .websocket(var spec):
            spec.url = try url(spec.url, captured)
            spec.headers = try headers(spec.headers, captured)
            spec.send = try spec.send.map { text throws(StepPlaceholders.Unresolved) in try StepPlaceholders.substitute(text, with: captured) }
            resolved.probe = .websocket(spec)
        case .postgres, .redis, .clickhouse, .tcp, .dns, .icmp, .exec, .prometheus, .grpc:
            break
        }
        return resolved
    }

    private static func strings(of probe: ProbeSpec) -> [String] {
        switch probe {
        case .http(let spec): [spec.url.absoluteString] + spec.headers.map(\.value) + [spec.body].compactMap { $0 }
        case .websocket(let spec): [spec.url.absoluteString] + spec.headers.map(\.value) + [spec.send].compactMap { $0 }
        case .postgres, .redis, .clickhouse, .tcp, .dns, .icmp, .exec, .prometheus, .grpc: []
        }
    }

    /// Values go into URLs percent-encoded, so a token with `/` or `&` stays one path segment or parameter.
    private static func url(_ url: URL, _ captured: StepPlaceholders.Captured) throws(StepPlaceholders.Unresolved) -> URL {
        let text = url.absoluteString
        let filled = try StepPlaceholders.substitute(text, with: captured) { value in
            value.addingPercentEncoding(withAllowedCharacters: .urlUnreservedCharacters) ?? value
        }
        return filled == text ? url : URL(string: filled) ?? url
    }

    private static func headers(_ headers: [Header], _ captured: StepPlaceholders.Captured) throws(StepPlaceholders.Unresolved) -> [Header] {
        var out: [Header] = []
        for header in headers {
            let value = try StepPlaceholders.substitute(header.value, with: captured)
            // A captured value in a header (a session token) is as secret as the environment's.
            out.append(Header(name: header.name, value: value, isSecret: header.isSecret || value != header.value))
        }
        return out
    }
}

extension CharacterSet {
    /// RFC 3986 unreserved characters: the only ones safe anywhere in a URL.
    static let urlUnreservedCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
