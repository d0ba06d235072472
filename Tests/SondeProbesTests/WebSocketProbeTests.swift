import Foundation
import SondeCore
import Testing
@testable import SondeProbes

@Suite("WebSocket probe against the Python websockets peer")
struct WebSocketProbeTests {
    static let base = "ws://127.0.0.1:58765"
    static let token = "sonde-ws-token"

    private func probe(
        _ path: String, headers: [Header] = [], subprotocol: String? = nil, first: MessageExpectation? = nil,
        send: String? = nil, reply: MessageExpectation? = nil
    ) -> WebSocketProbe {
        WebSocketProbe(spec: WebSocketSpec(
            url: TestURL.make(Self.base + path), headers: headers, subprotocol: subprotocol,
            expectFirst: first, send: send, expectReply: reply
        ))
    }

    private static func json(_ text: String) throws -> MessageExpectation {
        .json(try JSONAssertion(text))
    }

    @Test("greeting then echo: connect, handshake, first message and round trip timed apart",
          .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func greetingAndEcho() async throws {
        guard Service.websocket.check() else { return }
        let outcome = await probe(
            "/greeting", first: try Self.json(#"$.type == "connect""#), send: "ping-42", reply: .contains("ping-42")
        ).run(within: .seconds(5))
        #expect(outcome.failure == nil)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect, PhaseTiming.handshake, WebSocketPhase.firstMessage, PhaseTiming.roundTrip])
        #expect(outcome.latency == outcome.phase(PhaseTiming.roundTrip))
        #expect(outcome.message == "ping-42")
    }

    @Test("send: without expect.first against a greeting server: the reply is the message after the send",
          .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func greetingIsSkippedWhenOnlyTheReplyIsExpected() async throws {
        guard Service.websocket.check() else { return }
        let outcome = await probe("/greeting", send: "ping-43", reply: .contains("ping-43")).run(within: .seconds(5))
        #expect(outcome.failure == nil, "\(String(describing: outcome.failure))")
        #expect(outcome.message == "ping-43")
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect, PhaseTiming.handshake, PhaseTiming.roundTrip])
        // A reply that never comes is still a mismatch, named against the last message read.
        let wrong = await probe("/greeting", send: "ping-44", reply: .contains("pong")).run(within: .seconds(5))
        #expect(wrong.failure?.kind == .assertion)
        #expect(wrong.failure?.message.hasPrefix("reply: ") == true)
    }

    @Test("against an echo server a wrong reply is an assertion naming it, even after waiting for a late greeting",
          .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func wrongReplyFromAnEchoServer() async throws {
        guard Service.websocket.check() else { return }
        let outcome = await probe("/echo", send: "ping-45", reply: .contains("pong")).run(within: .seconds(1))
        #expect(outcome.failure?.kind == .assertion)
        #expect(outcome.failure?.message == #"reply: expected message containing "pong", got ping-45"#)
    }

    @Test("a first message that does not match is an assertion with expected and actual",
          .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func firstMessageMismatch() async throws {
        guard Service.websocket.check() else { return }
        let outcome = await probe("/greeting", first: try Self.json(#"$.type == "welcome""#)).run(within: .seconds(5))
        #expect(outcome.failure?.kind == .assertion)
        #expect(outcome.failure?.message.contains("welcome") == true)
        #expect(outcome.failure?.message.contains("connect") == true)
    }

    @Test("a bearer token from the config opens /auth; without it the upgrade is rejected with 401",
          .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func authorization() async throws {
        guard Service.websocket.check() else { return }
        let header = Header(name: "Authorization", value: "Bearer \(Self.token)", isSecret: true)
        let ok = await probe("/auth", headers: [header], send: "hello", reply: .contains("hello")).run(within: .seconds(5))
        #expect(ok.failure == nil)
        let refused = await probe("/auth").run(within: .seconds(5))
        #expect(refused.failure == FailureReason(.upgradeRejected, "server rejected WebSocket connection: HTTP 401"))
        #expect(refused.statusCode == 401)
        let wrong = await probe("/auth", headers: [Header(name: "Authorization", value: "Bearer wrong-token", isSecret: true)]).run(within: .seconds(5))
        #expect(wrong.failure?.kind == .upgradeRejected)
        #expect(wrong.failure?.message.contains("wrong-token") == false)
    }

    @Test("a rejected upgrade is reported with its status", .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func rejected() async throws {
        guard Service.websocket.check() else { return }
        let outcome = await probe("/reject/500").run(within: .seconds(5))
        #expect(outcome.failure == FailureReason(.upgradeRejected, "server rejected WebSocket connection: HTTP 500"))
        #expect(outcome.statusCode == 500)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect, PhaseTiming.handshake])
    }

    @Test("an upgrade refused with 403 names its status", .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func rejectedForbidden() async throws {
        guard Service.websocket.check() else { return }
        let outcome = await probe("/reject/403", send: "hello").run(within: .seconds(5))
        #expect(outcome.failure == FailureReason(.upgradeRejected, "server rejected WebSocket connection: HTTP 403"))
        #expect(outcome.statusCode == 403)
    }

    @Test("a server that never answers the upgrade times out at the deadline",
          .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func silentHandshake() async throws {
        guard Service.websocket.check() else { return }
        let started = ContinuousClock.now
        let outcome = await probe("/silent-handshake").run(within: .seconds(1))
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(outcome.failure?.kind == .timeout)
        #expect(outcome.failure?.message.contains("upgrade handshake") == true)
    }

    @Test("connected but silent: the expected first message times out at the deadline",
          .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func silentAfterUpgrade() async throws {
        guard Service.websocket.check() else { return }
        let started = ContinuousClock.now
        let outcome = await probe("/silent", first: .contains("connect")).run(within: .seconds(1))
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(outcome.failure?.kind == .timeout)
        #expect(outcome.failure?.message.contains("first message") == true)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect, PhaseTiming.handshake])
    }

    @Test("the server's close code is reported", .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func closeCode() async throws {
        guard Service.websocket.check() else { return }
        let outcome = await probe("/close/1011", send: "anyone?").run(within: .seconds(5))
        #expect(outcome.failure?.kind == .closed)
        #expect(outcome.failure?.message.contains("code 1011") == true)
        #expect(outcome.failure?.message.contains("closed by ws_peer") == true)
    }

    @Test("a subprotocol the server accepts, and one it does not",
          .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func subprotocol() async throws {
        guard Service.websocket.check() else { return }
        let accepted = await probe("/echo", subprotocol: "sonde.v1", send: "x", reply: .contains("x")).run(within: .seconds(5))
        #expect(accepted.failure == nil)
        let ignored = await probe("/echo", subprotocol: "sonde.v9").run(within: .seconds(5))
        #expect(ignored.failure == FailureReason(.protocolError, "server did not accept subprotocol sonde.v9 (it chose none)"))
    }

    @Test("a large echo comes back whole through masked client frames",
          .enabled(if: Service.websocket.shouldRun, Service.websocket.skipComment))
    func maskedLargeMessage() async throws {
        guard Service.websocket.check() else { return }
        // The peer (like every conforming server) closes with 1002 on an unmasked client frame.
        let big = String(repeating: "abcdefgh", count: 20_000)
        let outcome = await probe("/echo", send: big, reply: .contains(big)).run(within: .seconds(5))
        #expect(outcome.failure == nil)
    }

    @Test("nothing listening: refused")
    func refused() async throws {
        let refusing = try RefusingPort()
        let port = refusing.port
        let outcome = await WebSocketProbe(spec: WebSocketSpec(url: TestURL.make("ws://127.0.0.1:\(port)/"))).run(within: .seconds(2))
        withExtendedLifetime(refusing) {}
        #expect(outcome.failure?.kind == .refused)
    }

    @Test("wss: the peer's certificate trusted through ca:, TLS timed apart; without it a TLS reason",
          .enabled(if: Service.websocketTLS.shouldRun, Service.websocketTLS.skipComment))
    func wss() async throws {
        guard Service.websocketTLS.check() else { return }
        let ca = Service.ciWork.appending(path: "websocket/cert.pem").path
        let url = TestURL.make("wss://127.0.0.1:58766/greeting")
        let trusted = await WebSocketProbe(spec: WebSocketSpec(url: url, expectFirst: .contains("connect"), caFile: ca)).run(within: .seconds(5))
        #expect(trusted.failure == nil)
        #expect(trusted.phases.map(\.name) == [PhaseTiming.connect, PhaseTiming.tls, PhaseTiming.handshake, WebSocketPhase.firstMessage])
        let insecure = await WebSocketProbe(spec: WebSocketSpec(url: url, insecure: true)).run(within: .seconds(5))
        #expect(insecure.failure == nil)
        let untrusted = await WebSocketProbe(spec: WebSocketSpec(url: url)).run(within: .seconds(5))
        #expect(untrusted.failure?.kind == .tls)
        #expect(untrusted.phases.map(\.name) == [PhaseTiming.connect])
    }

    @Test("wss to a listener that never answers times out during the TLS handshake")
    func wssSilent() async throws {
        let listener = try await NeverAnsweringListener.start()
        defer { Task { await listener.stop() } }
        let outcome = await WebSocketProbe(spec: WebSocketSpec(url: TestURL.make("wss://127.0.0.1:\(listener.port)/ws")))
            .run(within: .milliseconds(300))
        #expect(outcome.failure?.kind == .timeout)
        #expect(outcome.failure?.message.contains("TLS handshake") == true)
    }
}
