import NIOCore
import SondeCore

/// The conversation on an open connection: each step timed as a phase, each error reply classified.
struct RedisSession: Sendable {
    let endpoint: RedisEndpoint
    let expectedRole: String?
    let guardrail: ChannelDeadline
    /// The socket-level round trip of each command, free of task hops.
    let wire: WireTimes
    let display: String
    let budget: Duration

    /// What went wrong, tied to the step that was running.
    private struct StepFailure: Error {
        let phase: String
        let underlying: any Error
    }

    func run(
        inbound: NIOAsyncChannelInboundStream<RESPValue>, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        phases: inout [PhaseTiming]
    ) async throws -> ProbeOutcome {
        var replies = inbound.makeAsyncIterator()
        if let auth = endpoint.authCommand {
            let (reply, took) = try await exchange(auth, phase: PhaseTiming.auth, replies: &replies, outbound: outbound)
            try expectOK(reply, command: "AUTH")
            phases.append(PhaseTiming(PhaseTiming.auth, took))
        }
        if let db = endpoint.database, db != 0 {
            let (reply, _) = try await exchange(["SELECT", String(db)], phase: "select", replies: &replies, outbound: outbound)
            try expectOK(reply, command: "SELECT")
        }
        let (pong, pingTime) = try await exchange(["PING"], phase: PhaseTiming.query, replies: &replies, outbound: outbound)
        if case .error(let message) = pong { throw RedisErrorReply.reason(message, command: "PING") }
        guard pong == .simple("PONG") else {
            throw FailureReason(.protocolError, "expected PONG, Redis answered \(pong.text.excerpt(60))")
        }
        phases.append(PhaseTiming(PhaseTiming.query, pingTime))
        var message = "PONG"
        if let expectedRole {
            let (reply, _) = try await exchange(["ROLE"], phase: "role", replies: &replies, outbound: outbound)
            if case .error(let text) = reply { throw RedisErrorReply.reason(text, command: "ROLE") }
            guard case .array(let items?) = reply, let first = items.first else {
                throw FailureReason(.protocolError, "ROLE answered \(reply.text.excerpt(60)), not a role")
            }
            let role = first.text
            guard Self.sameRole(role, expectedRole) else {
                throw FailureReason(.assertion, "expected role \(expectedRole), got \(role)")
            }
            message = "PONG, role \(role)"
        }
        return ProbeOutcome(latency: pingTime, phases: phases, message: message)
    }

    /// Sends one command and reads its reply, timing the round trip.
    private func exchange(
        _ words: [String], phase: String,
        replies: inout NIOAsyncChannelInboundStream<RESPValue>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws -> (RESPValue, Duration) {
        var buffer = ByteBuffer()
        RESPValue.command(words, into: &buffer)
        let sent = ContinuousClock.now
        do {
            try await outbound.write(buffer)
            guard let reply = try await replies.next() else {
                throw StepFailure(phase: phase, underlying: ChannelError.eof)
            }
            return (reply, wire.roundTrip ?? ContinuousClock.now - sent)
        } catch let failure as StepFailure {
            throw failure
        } catch {
            throw StepFailure(phase: phase, underlying: error)
        }
    }

    private func expectOK(_ reply: RESPValue, command: String) throws {
        if case .error(let message) = reply { throw RedisErrorReply.reason(message, command: command) }
        guard reply == .simple("OK") else {
            throw FailureReason(.protocolError, "expected OK to \(command), Redis answered \(reply.text.excerpt(60))")
        }
    }

    /// Redis says `slave`; people and newer docs say `replica`.
    static func sameRole(_ actual: String, _ expected: String) -> Bool {
        let normal = { (s: String) in s.lowercased() == "replica" ? "slave" : s.lowercased() }
        return normal(actual) == normal(expected)
    }

    func reason(for error: any Error) -> FailureReason {
        if let reason = error as? FailureReason { return reason }
        let step = error as? StepFailure
        let phase = step?.phase ?? PhaseTiming.query
        // Closed by our own deadline: that is a timeout, whatever NIO called it.
        if guardrail.hasPassed { return .timeout(after: budget, during: phase) }
        return StreamFailure.classify(step?.underlying ?? error, endpoint: display, phase: phase, budget: budget)
    }
}
