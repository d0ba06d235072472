import NIOCore
import SondeCore

/// The HTTP probe's address for a host and port: a `resolve:` entry that names them, as curl's
/// `--resolve` does, else the shared resolver. A redirect to another host is looked up as usual.
enum ResolveOverrideLookup {
    static func resolve(host: String, port: Int, overrides: [ResolveOverride], clock: ProbeClock) async -> Result<SocketAddress, FailureReason> {
        guard let override = overrides.first(where: { $0.applies(to: host, port: port) }) else {
            return await HostResolver.system.resolve(host: host, port: port, deadline: clock.deadline, budget: clock.budget)
        }
        do {
            return .success(try SocketAddress(ipAddress: override.address, port: port))
        } catch {
            return .failure(FailureReason(.config, "resolve: '\(override.address)' is not an IP address"))
        }
    }
}
