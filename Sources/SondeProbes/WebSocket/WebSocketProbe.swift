import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import NIOWebSocket
import SondeCore

/// `websocket: wss://host/ws` on NIOWebSocket directly: connect, TLS, upgrade, then the optional
/// first server message and `send:` round trip, each timed apart and each under the one deadline
/// (which closes the channel: the one thing that frees a stuck upgrade or a silent server).
/// The latency is the round trip when there is one, else the upgrade handshake.
public struct WebSocketProbe: Probe {
    public let spec: WebSocketSpec
    private let tls: Result<NIOSSLContext, FailureReason>?

    public init(spec: WebSocketSpec) {
        self.spec = spec
        let secure = spec.url.scheme?.lowercased() == "wss"
        // No ALPN: the upgrade is HTTP/1.1's, and a server offered h2 might take it.
        tls = secure ? ClientTLSContext.make(insecure: spec.insecure, caFile: spec.caFile, clientCertificate: spec.client.clientCertificate) : nil
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        let trace = TraceContext.make(for: spec.trace)
        var outcome = await exchange(deadline: deadline, trace: trace)
        outcome.traceID = trace?.traceID
        return outcome
    }

    private func exchange(deadline: ContinuousClock.Instant, trace: TraceContext?) async -> ProbeOutcome {
        let budget = deadline - ContinuousClock.now
        let endpoint: WebSocketEndpoint
        let tlsContext: NIOSSLContext?
        let connected: StreamConnector.Connected
        do {
            endpoint = try WebSocketEndpoint(url: spec.url)
            tlsContext = try tls?.get()
            connected = try await StreamConnector.open(host: endpoint.host, port: endpoint.port, deadline: deadline, resolve: spec.client.resolve)
        } catch {
            return .failed(error)
        }
        let channel = connected.channel
        let guardrail = ChannelDeadline(channel: channel, deadline: deadline)
        defer { guardrail.cancel() }
        var phases = connected.phases
        var phase = PhaseTiming.tls
        var certificate: CertificateFacts?
        do {
            if let tlsContext {
                let started = ContinuousClock.now
                certificate = try await TLSHandshake.perform(on: channel, context: tlsContext, serverName: endpoint.host.isIPAddress ? nil : endpoint.host,
                                                             endpoint: endpoint.display)
                phases.append(PhaseTiming(PhaseTiming.tls, ContinuousClock.now - started))
            }
            phase = PhaseTiming.handshake
            let started = ContinuousClock.now
            let upgrade = try await WebSocketUpgrade.perform(
                on: channel, request: endpoint.upgradeRequest(headers: spec.headers, subprotocol: spec.subprotocol, trace: trace)
            )
            // The 101 is the first read after the upgrade request: the socket-level time when known.
            let handshake = connected.wire.roundTrip ?? ContinuousClock.now - started
            phases.append(PhaseTiming(PhaseTiming.handshake, handshake))
            switch upgrade {
            case .rejected(let head):
                let status = Int(head.status.code)
                return .failed(FailureReason(.upgradeRejected, "server rejected WebSocket connection: HTTP \(status)"), phases: phases, statusCode: status)
            case .upgraded(let frames, let head, let arrivals):
                try checkSubprotocol(head)
                var outcome = try await frames.executeThenClose { inbound, outbound in
                    var conversation = WebSocketConversation(inbound: inbound, outbound: outbound)
                    let outcome = try await converse(
                        &conversation, handshake: handshake, wire: connected.wire, arrivals: arrivals, phases: &phases, phase: &phase
                    )
                    await conversation.close()
                    return outcome
                }
                outcome.record(certificate: certificate)
                return outcome
            }
        } catch {
            channel.close(promise: nil)
            // A mismatch decided while waiting out the deadline (see the late greeting) is still a mismatch.
            if let reason = error as? FailureReason, reason.kind == .assertion { return .failed(reason, phases: phases) }
            // Closed by our own deadline: a timeout in the phase that was running, whatever NIO saw.
            if guardrail.hasPassed { return .failed(.timeout(after: budget, during: Self.describe(phase)), phases: phases) }
            return .failed(WebSocketFailure.classify(error, endpoint: endpoint, phase: Self.describe(phase), budget: budget), phases: phases)
        }
    }

    /// The messages after the upgrade: the expected greeting, then the round trip.
    private func converse(
        _ conversation: inout WebSocketConversation, handshake: Duration, wire: WireTimes, arrivals: FrameArrivals,
        phases: inout [PhaseTiming], phase: inout String
    ) async throws -> ProbeOutcome {
        var sample: String?
        if let expectFirst = spec.expectFirst {
            phase = WebSocketPhase.firstMessage
            let started = ContinuousClock.now
            let first = try await conversation.nextMessage()
            phases.append(PhaseTiming(WebSocketPhase.firstMessage, ContinuousClock.now - started))
            if let mismatch = expectFirst.mismatch(in: first) {
                throw FailureReason(.assertion, "first message: \(mismatch)")
            }
            sample = first
        }
        var latency = handshake
        if let send = spec.send {
            phase = PhaseTiming.roundTrip
            let started = ContinuousClock.now
            // The reply is the first message after the send: one already there (a greeting that
            // `expect.first` did not read) was not an answer to it.
            let unread = max(0, arrivals.messages - conversation.messagesRead)
            try await conversation.sendText(send)
            for _ in 0..<unread { _ = try await conversation.nextMessage() }
            var reply = try await conversation.nextMessage()
            var lateGreeting = false
            if unread == 0, spec.expectFirst == nil, let expectReply = spec.expectReply, let mismatch = expectReply.mismatch(in: reply) {
                // A greeting still on its way when the message went out: the reply is the one after it.
                // If none comes, the first message was the reply, and it did not match.
                do {
                    reply = try await conversation.nextMessage()
                    lateGreeting = true
                } catch {
                    throw FailureReason(.assertion, "reply: \(mismatch)")
                }
            }
            // Socket-level: from the last write (the message, or a pong sent while waiting) to the first bytes
            // after it; after a late greeting those bytes were the greeting's, so the task's clock decides.
            latency = lateGreeting ? ContinuousClock.now - started : wire.roundTrip ?? ContinuousClock.now - started
            phases.append(PhaseTiming(PhaseTiming.roundTrip, latency))
            if let mismatch = spec.expectReply?.mismatch(in: reply) {
                throw FailureReason(.assertion, "reply: \(mismatch)")
            }
            sample = reply
        }
        return ProbeOutcome(latency: latency, phases: phases, message: sample.map { $0.excerpt(120) } ?? "upgraded")
    }

    private func checkSubprotocol(_ head: HTTPResponseHead) throws {
        guard let wanted = spec.subprotocol else { return }
        let chosen = head.headers.first(name: "Sec-WebSocket-Protocol")
        guard chosen?.caseInsensitiveCompare(wanted) == .orderedSame else {
            throw FailureReason(.protocolError, "server did not accept subprotocol \(wanted) (it chose \(chosen ?? "none"))")
        }
    }

    private static func describe(_ phase: String) -> String {
        switch phase {
        case PhaseTiming.handshake: "the upgrade handshake"
        case PhaseTiming.tls: "the TLS handshake"
        case WebSocketPhase.firstMessage: "the wait for the first message"
        case PhaseTiming.roundTrip: "the round trip"
        default: phase
        }
    }
}

/// The WebSocket probe's own phase name, beside SondeCore's shared ones.
enum WebSocketPhase {
    static let firstMessage = "first_message"
}
