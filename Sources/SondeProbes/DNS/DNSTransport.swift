import NIOCore
import NIOPosix
import SondeCore

/// Sends one query and waits for its response, over UDP or (after a truncated answer) TCP.
/// A channel is closed at the deadline, which ends every pending read (see `ChannelDeadline`).
enum DNSTransport {
    struct Exchange: Sendable {
        let response: DNSResponse
        let phases: [PhaseTiming]
    }

    static func udp(_ query: DNSQuery, to address: SocketAddress, display: String, deadline: ContinuousClock.Instant) async -> Result<Exchange, FailureReason> {
        let started = ContinuousClock.now
        do {
            let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(to: address) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>(wrappingChannelSynchronously: channel)
                    }
                }
            let guardrail = ChannelDeadline(channel: channel.channel, deadline: deadline)
            defer { guardrail.cancel() }
            let sent = ContinuousClock.now
            do {
                let response = try await channel.executeThenClose { inbound, outbound in
                    try await outbound.write(AddressedEnvelope(remoteAddress: address, data: query.encode()))
                    for try await envelope in inbound {
                        // A stray datagram (a late answer to an earlier query) is not ours: keep waiting.
                        if let response = try? DNSResponse(parsing: envelope.data), response.id == query.id { return response }
                    }
                    throw guardrail.hasPassed ? FailureReason.timeout(after: deadline - started, during: "the UDP query to \(display)")
                        : FailureReason(.closed, "the UDP socket to \(display) closed without an answer")
                }
                return .success(Exchange(response: response, phases: [PhaseTiming(PhaseTiming.query, ContinuousClock.now - sent)]))
            } catch {
                if guardrail.hasPassed { return .failure(.timeout(after: deadline - started, during: "the UDP query to \(display)")) }
                return .failure(classify(error, display: display, phase: "the UDP query", budget: deadline - started))
            }
        } catch {
            return .failure(classify(error, display: display, phase: "the UDP query", budget: deadline - started))
        }
    }

    /// RFC 7766: a truncated UDP answer is asked again over TCP, length-prefixed.
    static func tcp(_ query: DNSQuery, host: String, port: Int, display: String, deadline: ContinuousClock.Instant) async -> Result<Exchange, FailureReason> {
        let started = ContinuousClock.now
        let connected: StreamConnector.Connected
        switch await StreamConnector.connect(host: host, port: port, deadline: deadline) {
        case .success(let c): connected = c
        case .failure(let reason): return .failure(reason)
        }
        let guardrail = ChannelDeadline(channel: connected.channel, deadline: deadline)
        defer { guardrail.cancel() }
        do {
            let channel = try await connected.channel.eventLoop.submit {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: connected.channel)
            }.get()
            let sent = ContinuousClock.now
            let response = try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(query.encodeForTCP())
                var received = ByteBuffer()
                for try await var chunk in inbound {
                    received.writeBuffer(&chunk)
                    guard let length = received.getInteger(at: received.readerIndex, as: UInt16.self),
                          received.readableBytes >= 2 + Int(length),
                          let message = received.getSlice(at: received.readerIndex + 2, length: Int(length))
                    else { continue }
                    return try DNSResponse(parsing: message)
                }
                throw FailureReason(.closed, "\(display) closed the TCP connection before a whole answer")
            }
            return .success(Exchange(response: response, phases: [PhaseTiming(PhaseTiming.connect, connected.connectTime), PhaseTiming("tcp_query", ContinuousClock.now - sent)]))
        } catch {
            if guardrail.hasPassed { return .failure(.timeout(after: deadline - started, during: "the TCP query to \(display)")) }
            return .failure(classify(error, display: display, phase: "the TCP query", budget: deadline - started))
        }
    }

    private static func classify(_ error: any Error, display: String, phase: String, budget: Duration) -> FailureReason {
        if let malformed = error as? DNSResponse.Malformed {
            return FailureReason(.protocolError, "\(display) sent a malformed DNS answer: \(malformed.detail)")
        }
        let reason = StreamFailure.classify(error, endpoint: display, phase: phase, budget: budget)
        // On a connected UDP socket, "refused" is the ICMP port-unreachable a host sends when nothing listens.
        if reason.kind == .refused { return FailureReason(.refused, "no DNS server on \(display) (port unreachable): is it running?") }
        return reason
    }
}
