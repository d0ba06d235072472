import NIOCore
import NIOPosix
import SondeCore

/// Opens a TCP connection for the stream probes (tcp, redis, postgres, clickhouse, websocket) and
/// times it. Handlers are added after the connect, so the connect time is the socket's alone.
enum StreamConnector {
    struct Connected: Sendable {
        let channel: any Channel
        /// Set when a host name had to be looked up; IP literals skip the lookup.
        let dnsTime: Duration?
        let connectTime: Duration
        /// Event-loop timings of this connection: the connect, and each request's round trip.
        let wire: WireTimes

        /// `dns` (when there was a lookup) and `connect`, as each stream probe's first phases.
        var phases: [PhaseTiming] {
            (dnsTime.map { [PhaseTiming(PhaseTiming.dns, $0)] } ?? []) + [PhaseTiming(PhaseTiming.connect, connectTime)]
        }
    }

    /// `connect` for probes that parse and connect in one `do`: the failure is thrown, classified.
    static func open(host: String, port: Int, deadline: ContinuousClock.Instant, resolve: [ResolveOverride] = []) async throws(FailureReason) -> Connected {
        try await connect(host: host, port: port, deadline: deadline, resolve: resolve).get()
    }

    /// Resolves and connects within the time left before `deadline`; a failure comes back classified.
    /// The lookup is done (and timed) apart, under the same deadline, so the connect time is the
    /// socket's alone and a silent DNS server cannot hold the probe past its timeout.
    /// `resolve:` entries (curl's `--resolve`) stand in for the lookup of the names they cover.
    static func connect(host: String, port: Int, deadline: ContinuousClock.Instant, resolve: [ResolveOverride] = []) async -> Result<Connected, FailureReason> {
        let endpoint = StreamEndpoint.display(host: host, port: port)
        let lookupStarted = ContinuousClock.now
        let address: SocketAddress
        switch await ResolveOverrideLookup.resolve(host: host, port: port, overrides: resolve, clock: ProbeClock(deadline: deadline)) {
        case .success(let a): address = a
        case .failure(let reason): return .failure(reason)
        }
        let dnsTime = host.isIPAddress ? nil : ContinuousClock.now - lookupStarted
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return .failure(.timeout(after: deadline - lookupStarted, during: PhaseTiming.dns)) }
        let started = ContinuousClock.now
        let wire = WireTimes()
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(remaining.nioTimeAmount)
                .channelOption(.socketOption(.so_reuseaddr), value: 1)
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(WireClock(times: wire)) }
                }
                .connect(to: address)
                .get()
            let connectTime = wire.connectTime ?? ContinuousClock.now - started
            return .success(Connected(channel: channel, dnsTime: dnsTime, connectTime: connectTime, wire: wire))
        } catch {
            return .failure(StreamFailure.classify(error, endpoint: endpoint, phase: PhaseTiming.connect, budget: deadline - started))
        }
    }
}

enum StreamEndpoint {
    /// `host:port`, with brackets around IPv6 literals.
    static func display(host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

extension Duration {
    /// The same span as NIO's `TimeAmount`, never negative.
    var nioTimeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
    }
}
