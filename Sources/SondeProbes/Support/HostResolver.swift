import NIOCore
import SondeCore

/// Where every probe kind gets its address, in order: an IP literal is parsed (no lookup); a
/// name in /etc/hosts is answered from the parsed file; any other name goes to getaddrinfo on
/// `LookupThreads`, awaited under the probe's deadline. So a silent DNS server costs only the
/// targets whose names it must answer, each its own timeout, and `localhost` never waits.
struct HostResolver: Sendable {
    let hostsFile: HostsFileCache
    let lookups: LookupThreads

    static let system = HostResolver(hostsFile: HostsFileCache(), lookups: LookupThreads())

    /// `budget` is the probe's whole timeout, which a timeout's reason names (as every kind's does).
    func resolve(host: String, port: Int, deadline: ContinuousClock.Instant, budget: Duration) async -> Result<SocketAddress, FailureReason> {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if let literal = try? SocketAddress(ipAddress: bare, port: port) { return .success(literal) }
        if let listed = hostsFile.current.address(of: bare, port: port) { return .success(listed) }
        switch await lookups.resolve(bare, until: deadline) {
        case .answered(.success(var address)):
            address.port = port
            return .success(address)
        case .answered(.failure(let reason)):
            return .failure(reason)
        case .gaveUp:
            // Whole milliseconds: the budget measured from inside the probe falls a hair short of the
            // configured timeout, and "999.99ms" would print as "1000ms" rather than "1s".
            let shown = Duration.milliseconds(budget.milliseconds.rounded())
            return .failure(FailureReason(.timeout, "DNS lookup of \(bare) timed out after \(shown.humanReadable)"))
        case .refused(let running):
            return .failure(FailureReason(.dns, "DNS lookup of \(bare) not started: \(running) lookups are already waiting "
                + "for the DNS server (is the server in /etc/resolv.conf answering?)"))
        }
    }
}
