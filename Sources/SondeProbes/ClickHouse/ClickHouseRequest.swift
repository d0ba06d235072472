import Foundation
import NIOCore
import NIOHTTP1
import SondeCore

/// The two requests a ClickHouse probe makes on its HTTP interface. Credentials travel in the
/// X-ClickHouse-User / X-ClickHouse-Key headers (never in the URL, where access logs keep them);
/// user and password in the target's URL are taken as a fallback for the `user:`/`password:` keys.
struct ClickHouseRequest: Sendable {
    let host: String
    let port: Int
    let secure: Bool
    let basePath: String
    let user: String?
    let password: String?

    init(spec: ClickHouseSpec) throws(FailureReason) {
        let url = spec.url
        guard let host = url.host(percentEncoded: false), !host.isEmpty else {
            throw FailureReason(.config, "\(url.redactedDescription) has no host; write http://host:8123")
        }
        self.host = host
        secure = url.scheme?.lowercased() == "https"
        port = url.port ?? (secure ? 8443 : 8123)
        let path = url.path(percentEncoded: true)
        basePath = path.hasSuffix("/") ? String(path.dropLast()) : path
        user = spec.user ?? url.user(percentEncoded: false).flatMap { $0.isEmpty ? nil : $0 }
        password = spec.password ?? url.password(percentEncoded: false)
    }

    var displayUser: String { user ?? "default" }

    /// `GET /ping`: ClickHouse's own liveness answer ("Ok."), needing no credentials.
    var ping: HTTPRequestHead { head(uri: basePath + "/ping", withCredentials: false) }

    /// `GET /?query=...`: a read-only query (GET makes ClickHouse refuse writes).
    func query(_ sql: String) -> HTTPRequestHead {
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "query", value: sql)]
        let encoded = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B") ?? ""
        return head(uri: basePath + "/?" + encoded, withCredentials: true)
    }

    private func head(uri: String, withCredentials: Bool) -> HTTPRequestHead {
        var headers = HTTPHeaders()
        let hostHeader = host.contains(":") ? "[\(host)]" : host
        headers.add(name: "Host", value: "\(hostHeader):\(port)")
        headers.add(name: "User-Agent", value: "sonde/0.1")
        headers.add(name: "Connection", value: "close")
        if withCredentials {
            if let user { headers.add(name: "X-ClickHouse-User", value: user) }
            if let password { headers.add(name: "X-ClickHouse-Key", value: password) }
        }
        return HTTPRequestHead(version: .http1_1, method: .GET, uri: uri, headers: headers)
    }
}
