import Foundation
import NIOHTTP1
import SondeCore

/// What a `ws://` or `wss://` URL and the target's headers say, decoded once: where to connect and
/// the upgrade request to send.
struct WebSocketEndpoint: Sendable {
    let host: String
    let port: Int
    let secure: Bool
    let requestURI: String
    let hostHeader: String

    init(url: URL) throws(FailureReason) {
        guard let host = url.host(percentEncoded: false), !host.isEmpty else {
            throw FailureReason(.config, "\(url.redactedDescription) has no host; write wss://host/path")
        }
        self.host = host
        secure = url.scheme?.lowercased() == "wss"
        let defaultPort = secure ? 443 : 80
        port = url.port ?? defaultPort
        let path = url.path(percentEncoded: true)
        var uri = path.isEmpty ? "/" : path
        if let query = url.query(percentEncoded: true) { uri += "?" + query }
        requestURI = uri
        let bracketed = host.contains(":") ? "[\(host)]" : host
        hostHeader = port == defaultPort ? bracketed : "\(bracketed):\(port)"
    }

    var display: String { StreamEndpoint.display(host: host, port: port) }

    /// The GET that asks for the upgrade; NIO's upgrader adds Upgrade, Connection and the key.
    func upgradeRequest(headers extra: [Header], subprotocol: String?, trace: TraceContext?) -> HTTPRequestHead {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: hostHeader)
        headers.add(name: "User-Agent", value: "sonde/0.1")
        if let subprotocol { headers.add(name: "Sec-WebSocket-Protocol", value: subprotocol) }
        if let trace { headers.add(name: TraceContext.headerName, value: trace.headerValue) }
        for header in extra { headers.replaceOrAdd(name: header.name, value: header.value) }
        return HTTPRequestHead(version: .http1_1, method: .GET, uri: requestURI, headers: headers)
    }
}
