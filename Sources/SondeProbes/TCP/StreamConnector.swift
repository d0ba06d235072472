import NIOCore
import NIOPosix
import SondeCore

/// Opens a TCP connection for the stream probes (tcp, redis, postgres, clickhouse, websocket) and
/// times it. Handlers are added after the connect, so the connect time is the socket's alone.
enum StreamConnector {
    struct Connected: Sendable {
        let channel: any Channel
        let connectTime: Duration
    }

    /// Connects within the time left before `deadline`; a failure comes back classified.
    static func connect(host: String, port: Int, deadline: ContinuousClock.Instant) async -> Result<Connected, FailureReason> {
        let endpoint = StreamEndpoint.display(host: host, port: port)
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return .failure(.timeout(after: .zero, during: PhaseTiming.connect)) }
        let started = ContinuousClock.now
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(remaining.nioTimeAmount)
                .channelOption(.socketOption(.so_reuseaddr), value: 1)
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .connect(host: host, port: port)
                .get()
            return .success(Connected(channel: channel, connectTime: ContinuousClock.now - started))
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
