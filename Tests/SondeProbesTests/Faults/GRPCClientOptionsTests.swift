import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// The http kind's client options on grpc targets, against the Python gRPC peer: mutual TLS
/// (grpcio requiring a client certificate from the test's CA), `resolve:` for a name nothing
/// resolves, and the config that reads them.
@Suite("gRPC client options: mTLS and resolve", .serialized, .enabled(if: GRPCPeerAvailability.available || Service.required))
struct GRPCClientOptionsTests {
    @Test func mutualTLSWithAndWithoutTheRightCertificate() async throws {
        guard GRPCPeerAvailability.check() else { return }
        let certificates = try await ClientCertificates.make()
        defer { try? FileManager.default.removeItem(at: certificates.folder) }
        let ca = certificates.path("cert.pem")
        try await GRPCPeer.with(["--cert", ca, "--key", certificates.path("key.pem"), "--client-ca", ca]) { peer in
            var spec = GRPCSpec(host: "127.0.0.1", port: peer.port, tls: true, caFile: ca)
            spec.client.clientCertificate = ClientCertificate(certificateFile: certificates.path("client.pem"), keyFile: certificates.path("client.key"))
            let accepted = await GRPCProbe(spec: spec).run(within: .seconds(3))
            #expect(accepted.failure == nil, "\(String(describing: accepted.failure))")
            #expect(accepted.message == "SERVING over HTTP/2 (TLS, ALPN h2)")

            spec.client.clientCertificate = nil
            let without = await GRPCProbe(spec: spec).run(within: .seconds(3))
            // grpcio closes the connection after the handshake without an alert: the reason says what to look at.
            #expect(without.failure == FailureReason(.tls, "127.0.0.1:\(peer.port) closed the TLS connection after the handshake, before its HTTP/2 "
                + "settings: does it require a client certificate? add tls: { cert: FILE, key: FILE }"))

            spec.client.clientCertificate = ClientCertificate(certificateFile: certificates.path("stranger.pem"), keyFile: certificates.path("stranger.key"))
            let stranger = await GRPCProbe(spec: spec).run(within: .seconds(3))
            #expect(stranger.failure?.kind == .tls, "\(String(describing: stranger.failure))")
            #expect(stranger.failure?.message.hasSuffix("did it refuse the client certificate (is it signed by a CA the server trusts)?") == true,
                    "\(String(describing: stranger.failure))")
        }
    }

    @Test func resolveConnectsToTheGivenAddressForAName() async throws {
        guard GRPCPeerAvailability.check() else { return }
        try await GRPCPeer.with { peer in
            var spec = GRPCSpec(host: "health.sonde.invalid", port: peer.port)
            spec.client.resolve = [ResolveOverride(host: "health.sonde.invalid", port: peer.port, address: "127.0.0.1")]
            let outcome = await GRPCProbe(spec: spec).run(within: .seconds(3))
            #expect(outcome.failure == nil, "\(String(describing: outcome.failure))")
            #expect(outcome.message == "SERVING over HTTP/2 (cleartext)")
            #expect(outcome.phases.map(\.name) == ["dns", "connect", "http2_settings", "response", "total"])

            // Another port is not covered by the entry: the name is looked up, and .invalid never resolves.
            spec.client.resolve = [ResolveOverride(host: "health.sonde.invalid", port: peer.port + 1, address: "127.0.0.1")]
            let looked = await GRPCProbe(spec: spec).run(within: .seconds(3))
            #expect(looked.failure?.kind == .dns || looked.failure?.kind == .timeout, "\(String(describing: looked.failure))")
        }
    }

    @Test func theConfigReadsTLSMappingResolveAndProxy() throws {
        let certificates = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-grpc-opts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: certificates, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: certificates) }
        let cert = certificates.appendingPathComponent("c.pem").path, key = certificates.appendingPathComponent("c.key").path
        try "test".write(toFile: cert, atomically: true, encoding: .utf8)
        try "test".write(toFile: key, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.parse("""
        targets:
          - name: billing
            grpc: billing.staging.test:50051
            tls: { cert: \(cert), key: \(key), insecure: true }
            resolve: billing.staging.test:50051:127.0.0.1
            proxy: http://127.0.0.1:3128
            no_proxy: .internal
        """, file: "grpc.yml")
        guard case .grpc(let spec) = try #require(config.targets.first).probe else {
            Issue.record("not a grpc target")
            return
        }
        #expect(spec.tls && spec.insecure)
        #expect(spec.client == ClientOptions(clientCertificate: ClientCertificate(certificateFile: cert, keyFile: key),
                                             resolve: [ResolveOverride(host: "billing.staging.test", port: 50051, address: "127.0.0.1")],
                                             proxy: .server(host: "127.0.0.1", port: 3128), noProxy: [".internal"]))
        #expect {
            try ConfigLoader.parse("targets:\n  - name: b\n    grpc: grpc://b.test:50051\n    tls: { cert: \(cert), key: \(key) }\n", file: "plain.yml")
        } throws: { error in
            "\(error)".contains("plain.yml:4:") && "\(error)".contains("grpc:// is plaintext")
        }
        #expect {
            try ConfigLoader.parse("targets:\n  - name: b\n    grpc: b.test:50051\n    tls: { cert: \(cert) }\n", file: "half.yml")
        } throws: { error in
            "\(error)".contains("half.yml:4:") && "\(error)".contains("a client certificate needs its key")
        }
    }
}
