import NIOCore
import SondeCore

/// Where an HTTP-based probe (http, grpc) connects: the CONNECT proxy its options choose for the
/// host, or the host itself, from a `resolve:` entry before any lookup. A failure on the way
/// through a proxy says so.
struct ClientRoute: Sendable {
    let address: SocketAddress
    let proxy: ProxyRoute?

    static func find(host: String, port: Int, secure: Bool, options: ClientOptions, clock: ProbeClock) async -> Result<ClientRoute, FailureReason> {
        let proxy = ProxyRoute.choose(host: host, port: port, secure: secure, options: options)
        // Through a proxy the proxy is looked up; `resolve:` entries name the target's addresses.
        switch await ResolveOverrideLookup.resolve(host: proxy?.host ?? host, port: proxy?.port ?? port,
                                                   overrides: proxy == nil ? options.resolve : [], clock: clock) {
        case .success(let address): return .success(ClientRoute(address: address, proxy: proxy))
        case .failure(let reason): return .failure(proxy?.explain(reason) ?? reason)
        }
    }

    func explain(_ reason: FailureReason) -> FailureReason {
        proxy?.explain(reason) ?? reason
    }
}
