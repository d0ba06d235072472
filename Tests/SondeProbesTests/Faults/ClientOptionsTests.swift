import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// HTTP client options against real servers: mutual TLS against `openssl s_server` requiring a
/// client certificate from the test's own CA, and curl-style `resolve:` against the test server.
@Suite("HTTP client options: mTLS and resolve", .serialized)
struct ClientOptionsTests {
    private func probe(port: Int, trusting ca: String, client: ClientCertificate?) async -> ProbeOutcome {
        var spec = HTTPSpec(url: TestURL.make("https://127.0.0.1:\(port)/"), caFile: ca)
        spec.client.clientCertificate = client
        return await HTTPProbe(spec: spec, timeout: .seconds(3)).run(within: .seconds(3))
    }

    @Test func mutualTLSWithAndWithoutTheRightCertificate() async throws {
        let certificates = try await ClientCertificates.make()
        defer { try? FileManager.default.removeItem(at: certificates.folder) }
        // The CA's own certificate serves as the server's (it names 127.0.0.1) and as the client CA.
        let server = try await ServerProcess.start(executable: "/usr/bin/openssl", arguments: [
            "s_server", "-accept", "127.0.0.1:0", "-cert", certificates.path("cert.pem"), "-key", certificates.path("key.pem"),
            "-CAfile", certificates.path("cert.pem"), "-Verify", "1", "-verify_return_error", "-www",
        ], readyLine: "ACCEPT")
        defer { Task { await server.stop() } }
        let port = try #require(server.readyLine.split(separator: ":").last.flatMap { Int($0) })
        let ca = certificates.path("cert.pem")

        let accepted = await probe(port: port, trusting: ca, client: ClientCertificate(
            certificateFile: certificates.path("client.pem"), keyFile: certificates.path("client.key")))
        #expect(accepted.failure == nil, "\(String(describing: accepted.failure))")
        #expect(accepted.statusCode == 200)

        let without = await probe(port: port, trusting: ca, client: nil)
        // TLS 1.3: the handshake completes, and the server's alert arrives with the first read.
        #expect(without.failure == FailureReason(.tls, "TLS error with 127.0.0.1:\(port): the server requires a client certificate: add tls: { cert: FILE, key: FILE }"))

        let stranger = await probe(port: port, trusting: ca, client: ClientCertificate(
            certificateFile: certificates.path("stranger.pem"), keyFile: certificates.path("stranger.key")))
        #expect(stranger.failure == FailureReason(.tls, "TLS error with 127.0.0.1:\(port): the server refused the client certificate "
            + "(it does not trust its issuer, or the certificate is not one it accepts)"))

        let mismatched = await probe(port: port, trusting: ca, client: ClientCertificate(
            certificateFile: certificates.path("client.pem"), keyFile: certificates.path("stranger.key")))
        #expect(mismatched.failure?.message.hasPrefix("cannot set up TLS") == true || mismatched.failure?.message.hasPrefix("cannot read the client certificate") == true,
                "\(String(describing: mismatched.failure))")
        await server.stop()
    }

    @Test func resolveConnectsToTheGivenAddressKeepingTheName() async throws {
        let base = try await HTTPTestServer.baseURL()
        let port = try #require(URLComponents(string: base)?.port)
        var spec = HTTPSpec(url: TestURL.make("http://backend.sonde.invalid:\(port)/echo-headers"))
        spec.client.resolve = [ResolveOverride(host: "backend.sonde.invalid", port: port, address: "127.0.0.1")]
        let outcome = await HTTPProbe(spec: spec, timeout: .seconds(2)).run(within: .seconds(2))
        #expect(outcome.failure == nil, "\(String(describing: outcome.failure))")
        #expect(outcome.statusCode == 200, "\(outcome.message ?? "")")

        // Another port is not covered by the entry: the name is looked up, and .invalid never resolves.
        spec.client.resolve = [ResolveOverride(host: "backend.sonde.invalid", port: port + 1, address: "127.0.0.1")]
        let looked = await HTTPProbe(spec: spec, timeout: .seconds(2)).run(within: .seconds(2))
        #expect(looked.failure?.kind == .dns || looked.failure?.kind == .timeout, "\(String(describing: looked.failure))")
    }
}
