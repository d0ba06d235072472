import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// The grpc kind against a real grpcio server with grpcio-health-checking, started by each test
/// on a free loopback port, whose statuses the test flips.
@Suite("gRPC health probe against a Python grpcio server", .serialized,
       .enabled(if: GRPCPeerAvailability.available || Service.required))
struct GRPCProbeTests {
    private func probe(_ spec: GRPCSpec, within budget: Duration = .seconds(3)) async -> ProbeOutcome {
        await GRPCProbe(spec: spec).run(within: budget)
    }

    @Test func servingThenNotServingThenServingAgain() async throws {
        guard GRPCPeerAvailability.check() else { return }
        try await GRPCPeer.with(["--serve", "billing"]) { peer in
            let spec = GRPCSpec(host: "127.0.0.1", port: peer.port, service: "billing")
            let up = await probe(spec)
            #expect(up.failure == nil, "\(String(describing: up.failure))")
            #expect(up.message == "SERVING over HTTP/2 (cleartext)")
            #expect(up.phases.map(\.name) == ["connect", "http2_settings", "response", "total"])
            #expect(up.latency == up.phase(PhaseTiming.total))

            try await peer.set("billing", "NOT_SERVING")
            let down = await probe(spec)
            #expect(down.failure == FailureReason(.grpc, "service 'billing' is NOT_SERVING"))
            #expect(down.message == "NOT_SERVING over HTTP/2 (cleartext)")
            // The call itself succeeded: its phases are all there.
            #expect(down.phases.map(\.name) == ["connect", "http2_settings", "response", "total"])

            try await peer.set("billing", "SERVICE_UNKNOWN")
            #expect(await probe(spec).failure == FailureReason(.grpc, "service 'billing' is SERVICE_UNKNOWN"))

            try await peer.set("billing", "SERVING")
            #expect(await probe(spec).failure == nil)
        }
    }

    @Test func theWholeServerAndAnUnknownService() async throws {
        guard GRPCPeerAvailability.check() else { return }
        try await GRPCPeer.with { peer in
            let whole = GRPCSpec(host: "127.0.0.1", port: peer.port)
            #expect(await probe(whole).failure == nil)
            try await peer.set("", "NOT_SERVING")
            #expect(await probe(whole).failure == FailureReason(.grpc, "the server is NOT_SERVING"))

            let unknown = await probe(GRPCSpec(host: "127.0.0.1", port: peer.port, service: "nope"))
            #expect(unknown.failure == FailureReason(.grpc, "service 'nope' is unknown to the health service (grpc-status 5 NOT_FOUND)"))
            #expect(unknown.message == "grpc-status 5 NOT_FOUND")
        }
    }

    @Test func aServerWithoutHealthServiceIsUnimplemented() async throws {
        guard GRPCPeerAvailability.check() else { return }
        try await GRPCPeer.with(["--no-health"]) { peer in
            let outcome = await probe(GRPCSpec(host: "127.0.0.1", port: peer.port))
            let reason = try #require(outcome.failure)
            #expect(reason.kind == .grpc)
            #expect(reason.message.hasPrefix("127.0.0.1:\(peer.port) has no health service (grpc-status 12 UNIMPLEMENTED"), "\(reason.message)")
            #expect(reason.message.hasSuffix("it does not implement grpc.health.v1.Health"))
        }
    }

    @Test func tlsWithTheTestsOwnCertificate() async throws {
        guard GRPCPeerAvailability.check() else { return }
        let made = try await TestCertificate.make(commonName: "grpc.sonde.test", days: 30)
        defer { made.remove() }
        try await GRPCPeer.with(["--cert", made.certificate, "--key", made.key]) { peer in
            let trusted = await probe(GRPCSpec(host: "127.0.0.1", port: peer.port, tls: true, caFile: made.certificate))
            #expect(trusted.failure == nil, "\(String(describing: trusted.failure))")
            #expect(trusted.message == "SERVING over HTTP/2 (TLS, ALPN h2)")
            #expect(trusted.phases.map(\.name) == ["connect", "tls", "http2_settings", "response", "total"])
            #expect(trusted.certificate?.subject == "grpc.sonde.test")
            #expect(trusted.certificateDaysLeft == 29)

            let untrusted = await probe(GRPCSpec(host: "127.0.0.1", port: peer.port, tls: true))
            #expect(untrusted.failure == FailureReason(.tls, "TLS handshake with 127.0.0.1:\(peer.port) failed: "
                + "the server's certificate is self-signed (trust it with ca: FILE, or insecure: true)"))

            let plaintext = await probe(GRPCSpec(host: "127.0.0.1", port: peer.port))
            // grpcio's TLS port closes on a cleartext preface without a word.
            #expect(plaintext.failure == FailureReason(.closed, "127.0.0.1:\(peer.port) closed the connection before its HTTP/2 settings: "
                + "is this a gRPC (HTTP/2) port, or does it want TLS (grpcs://)?"))
        }
    }

    @Test func tlsToAPlaintextServer() async throws {
        guard GRPCPeerAvailability.check() else { return }
        try await GRPCPeer.with { peer in
            let outcome = await probe(GRPCSpec(host: "127.0.0.1", port: peer.port, tls: true, insecure: true))
            #expect(outcome.failure == FailureReason(.tls, "TLS handshake with 127.0.0.1:\(peer.port) failed: the server does not speak TLS on this port"))
            #expect(outcome.phases.map(\.name) == ["connect"])
        }
    }

    @Test func aListenerThatNeverAnswersTimesOutNamingThePhase() async throws {
        let listener = try await NeverAnsweringListener.start()
        let started = ContinuousClock.now
        let plain = await probe(GRPCSpec(host: "127.0.0.1", port: listener.port), within: .milliseconds(400))
        #expect(plain.failure == FailureReason(.timeout, "timed out after 400ms during HTTP/2 settings (no SETTINGS frame from the server)"))
        #expect(plain.phases.map(\.name) == ["connect"])
        let tls = await probe(GRPCSpec(host: "127.0.0.1", port: listener.port, tls: true, insecure: true), within: .milliseconds(400))
        #expect(tls.failure == FailureReason(.timeout, "timed out after 400ms during TLS handshake"))
        #expect(ContinuousClock.now - started < .seconds(3))
        await listener.stop()
    }

    @Test func refusedAndNotHTTP2() async throws {
        let refusing = try RefusingPort()
        let refused = await probe(GRPCSpec(host: "127.0.0.1", port: refusing.port))
        #expect(refused.failure == FailureReason(.refused, "connection refused by 127.0.0.1:\(refusing.port)"))

        // An HTTP/1.1 server (Hummingbird) answers the HTTP/2 preface in HTTP/1.1.
        let http = try await HTTPTestServer.baseURL()
        let port = try #require(URLComponents(string: http)?.port)
        let wrong = await probe(GRPCSpec(host: "127.0.0.1", port: port))
        #expect(wrong.failure == FailureReason(.protocolError, "127.0.0.1:\(port) answered in HTTP/1.x, not HTTP/2: is this the gRPC port?"))
    }

    /// Through the config and the engine: `grpcs://`, `ca:`, and `expect.cert_days` judging the
    /// certificate the gRPC server showed.
    @Test func configEngineAndCertDays() async throws {
        guard GRPCPeerAvailability.check() else { return }
        let made = try await TestCertificate.make(commonName: "soon.sonde.test", days: 5)
        defer { made.remove() }
        try await GRPCPeer.with(["--cert", made.certificate, "--key", made.key, "--serve", "billing"]) { peer in
            let yaml = """
            timeout: 3s
            targets:
              - name: billing
                grpc: grpcs://127.0.0.1:\(peer.port)
                service: billing
                ca: \(made.certificate)
                expect: { cert_days: 14 }
            """
            let target = try #require(try ConfigLoader.parse(yaml, file: "grpc.yml").targets.first)
            let result = await Engine.probeOnce(target, probe: ProbeFactory.make(target), sequence: 1)
            #expect(result.status == .slow)
            #expect(result.reason?.kind == .certificate)
            #expect(result.reason?.message.hasPrefix("certificate for soon.sonde.test expires in 4 days") == true, "\(String(describing: result.reason))")
            #expect(result.outcome.message == "SERVING over HTTP/2 (TLS, ALPN h2)")
        }
    }
}
