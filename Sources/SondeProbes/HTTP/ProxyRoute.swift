import Foundation
import SondeCore

/// The CONNECT proxy one HTTP exchange goes through, if any: the target's `proxy:` unless
/// `no_proxy:` exempts the host, or with `proxy: env` the environment's HTTPS_PROXY /
/// HTTP_PROXY (lower-case too, as curl reads them) unless NO_PROXY exempts it.
struct ProxyRoute: Sendable, Equatable {
    let host: String
    let port: Int

    /// `127.0.0.1:3128`: never the URL an environment variable held, which may carry a password.
    var display: String { StreamEndpoint.display(host: host, port: port) }

    static func choose(host: String, port: Int, secure: Bool, options: ClientOptions,
                       environment read: @autoclosure () -> [String: String] = ProcessInfo.processInfo.environment) -> ProxyRoute? {
        switch options.proxy {
        case nil:
            return nil
        case .server(let proxyHost, let proxyPort):
            return NoProxyRule.exempts(host: host, port: port, entries: options.noProxy) ? nil : ProxyRoute(host: proxyHost, port: proxyPort)
        case .environment:
            // Read only here: building ProcessInfo's dictionary on every probe of a target without
            // a proxy cost more than the rest of this choice.
            let environment = read()
            let names = secure ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"]
            guard let value = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }),
                  let url = URL(string: value.contains("://") ? value : "http://" + value), let proxyHost = url.host, !proxyHost.isEmpty
            else { return nil }
            let exceptions = (environment["NO_PROXY"] ?? environment["no_proxy"] ?? "").split(separator: ",").map(String.init) + options.noProxy
            return NoProxyRule.exempts(host: host, port: port, entries: exceptions) ? nil : ProxyRoute(host: proxyHost, port: url.port ?? 3128)
        }
    }

    /// A failure on the way through the proxy says so.
    func explain(_ reason: FailureReason) -> FailureReason {
        FailureReason(reason.kind, "via proxy \(display): \(reason.message)")
    }
}
