import NIOCore
import SondeCore

/// `redis: redis://[user:password@]host:6379[/db]`: AUTH, SELECT, PING expecting PONG, and an
/// optional ROLE check, over one connection. The PING round trip is the latency.
public struct RedisProbe: Probe {
    public let spec: RedisSpec

    public init(spec: RedisSpec) {
        self.spec = spec
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        let start = ContinuousClock.now
        let endpoint: RedisEndpoint
        let connected: StreamConnector.Connected
        do {
            endpoint = try RedisEndpoint(url: spec.url)
            connected = try await StreamConnector.open(host: endpoint.host, port: endpoint.port, deadline: deadline)
        } catch {
            return .failed(error)
        }
        var phases = connected.phases
        let channel: NIOAsyncChannel<RESPValue, ByteBuffer>
        do {
            channel = try await connected.channel.eventLoop.submit {
                try connected.channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RESPDecoder()))
                return try NIOAsyncChannel<RESPValue, ByteBuffer>(wrappingChannelSynchronously: connected.channel)
            }.get()
        } catch {
            connected.channel.close(promise: nil)
            return .failed(FailureReason(.other, "could not set up the Redis connection: \(error)"))
        }
        let guardrail = ChannelDeadline(channel: connected.channel, deadline: deadline)
        defer { guardrail.cancel() }
        let session = RedisSession(
            endpoint: endpoint, expectedRole: spec.role, guardrail: guardrail, wire: connected.wire,
            display: StreamEndpoint.display(host: endpoint.host, port: endpoint.port), budget: deadline - start
        )
        do {
            let outcome = try await channel.executeThenClose { inbound, outbound in
                try await session.run(inbound: inbound, outbound: outbound, phases: &phases)
            }
            return outcome
        } catch {
            return .failed(session.reason(for: error), phases: phases)
        }
    }
}
