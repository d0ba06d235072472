import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// Certificates a person meets in the wild, served by a local TLS server from the fixtures that
/// Tests/Support/make_test_certs.py writes (a private test CA and the certificates it signed).
@Suite("TLS faults")
struct TLSFaultTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tls")

    private func serve(_ name: String) async throws -> FaultServer {
        try await FaultServer.start(.tls(
            certificate: Self.fixtures.appendingPathComponent("\(name).pem").path,
            key: Self.fixtures.appendingPathComponent("\(name).key").path
        ))
    }

    private func probe(_ server: FaultServer, extra: String = "") async throws -> ProbeResult {
        let yaml = """
        timeout: 2s
        targets:
          - name: tls
            http: \(server.baseURL)/
        \(extra.isEmpty ? "" : "    " + extra)
        """
        let target = try #require(try ConfigLoader.parse(yaml, file: "tls.yml").targets.first)
        return await Engine.probeOnce(target, probe: ProbeFactory.make(target), sequence: 1)
    }

    private var ca: String { "ca: \(Self.fixtures.appendingPathComponent("ca.pem").path)" }

    /// A certificate failure beside a healthy target: it ends by the deadline and costs the other nothing.
    private func failure(_ server: FaultServer, extra: String = "") async throws -> ProbeResult {
        let outcome = try await FaultRun.besideAHealthyTarget("http: \(server.baseURL)/" + (extra.isEmpty ? "" : "\n" + extra))
        FaultRun.expectEndsByDeadline(outcome)
        FaultRun.expectHealthyUnaffected(outcome)
        return outcome.fault
    }

    @Test func aCertificateFromTheConfiguredCAIsTrustedWithItsExpiry() async throws {
        let server = try await serve("valid")
        let result = try await probe(server, extra: ca)
        #expect(result.status == .up, "\(String(describing: result.reason))")
        #expect((result.outcome.certificateDaysLeft ?? 0) > 3650)
        #expect(result.outcome.phases.map(\.name).contains("tls"))
    }

    @Test func anUntrustedCAIsATLSFailureByDefault() async throws {
        let server = try await serve("valid")
        let result = try await failure(server)
        #expect(result.reason?.kind == .tls)
        #expect(result.reason?.message.contains("certificate") == true, "\(String(describing: result.reason))")
    }

    @Test func anExpiredCertificateSaysExpired() async throws {
        let server = try await serve("expired")
        let result = try await failure(server, extra: ca)
        #expect(result.reason?.kind == .tls)
        #expect(result.reason?.message == "TLS handshake with 127.0.0.1:\(server.port) failed: the server's certificate expired on 2020-02-01")
    }

    @Test func aSelfSignedCertificateSaysSelfSigned() async throws {
        let server = try await serve("self-signed")
        let result = try await failure(server)
        #expect(result.reason?.kind == .tls)
        #expect(result.reason?.message == "TLS handshake with 127.0.0.1:\(server.port) failed: the server's certificate is self-signed (trust it with ca: FILE, or insecure: true)")
    }

    @Test func aCertificateForAnotherHostNamesTheMismatch() async throws {
        let server = try await serve("wrong-host")
        let result = try await failure(server, extra: ca)
        #expect(result.reason?.kind == .tls)
        #expect(result.reason?.message == "TLS with 127.0.0.1:\(server.port): the server's certificate does not match 127.0.0.1 (it is for wrong.example)")
    }

    @Test func insecureSkipsVerificationButStillTimesTLS() async throws {
        let server = try await serve("self-signed")
        let result = try await probe(server, extra: "insecure: true")
        #expect(result.status == .up, "\(String(describing: result.reason))")
        #expect(result.outcome.phase("tls") != nil)
    }
}
