import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// `expect.cert_days` against real TLS servers (HTTPS, and wss through the Python WebSocket
/// peer): a certificate openssl makes now, valid 5 days, and the fixtures' expired one (both
/// accepted with `insecure: true`, so only cert_days judges).
@Suite("expect.cert_days against HTTPS and wss servers", .serialized)
struct CertificateDaysTests {
    private func probe(_ server: FaultServer) async throws -> ProbeResult {
        let yaml = """
        timeout: 2s
        targets:
          - name: web
            http: \(server.baseURL)/
            insecure: true
            expect: { cert_days: 14 }
        """
        let target = try #require(try ConfigLoader.parse(yaml, file: "tls.yml").targets.first)
        return await Engine.probeOnce(target, probe: ProbeFactory.make(target), sequence: 1)
    }

    @Test func expiringInFiveDaysIsSlowWithSubjectAndDays() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-cert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appendingPathComponent("cert.pem").path, key = folder.appendingPathComponent("key.pem").path
        try await Executable.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                                      "-days", "5", "-subj", "/CN=soon.sonde.test", "-addext", "subjectAltName=IP:127.0.0.1",
                                                      "-keyout", key, "-out", cert])
        let server = try await FaultServer.start(.tls(certificate: cert, key: key))
        let result = try await probe(server)
        #expect(result.status == .slow)
        #expect(result.reason?.kind == .certificate)
        let message = result.reason?.message ?? ""
        #expect(message.hasPrefix("certificate for soon.sonde.test expires in 4 days ("), "\(message)")
        #expect(message.hasSuffix("within cert_days 14"))
        #expect(result.outcome.certificateDaysLeft == 4)
    }

    @Test func anExpiredCertificateIsDown() async throws {
        let fixtures = TLSFaultTests.fixtures
        let server = try await FaultServer.start(.tls(certificate: fixtures.appendingPathComponent("expired.pem").path,
                                                      key: fixtures.appendingPathComponent("expired.key").path))
        let result = try await probe(server)
        #expect(result.status == .down)
        #expect(result.reason?.kind == .certificate)
        #expect(result.reason?.message.contains("expired on") == true, "\(String(describing: result.reason))")
    }

    /// clickhouse over https reads the certificate from the query's own handshake.
    @Test func clickhouseOverHTTPSExpiringSoonIsSlowAndExpiredIsDown() async throws {
        func probe(_ server: FaultServer) async throws -> ProbeResult {
            let yaml = """
            timeout: 2s
            targets:
              - name: ch
                clickhouse: \(server.baseURL)
                insecure: true
                expect: { cert_days: 14 }
            """
            let target = try #require(try ConfigLoader.parse(yaml, file: "ch.yml").targets.first)
            return await Engine.probeOnce(target, probe: ProbeFactory.make(target), sequence: 1)
        }
        let soon = try await TestCertificate.make(commonName: "soon.sonde.test", days: 5)
        defer { soon.remove() }
        let server = try await FaultServer.start(.tls(certificate: soon.certificate, key: soon.key))
        let result = try await probe(server)
        await server.stop()
        #expect(result.status == .slow, "\(String(describing: result.reason))")
        #expect(result.reason?.message.hasPrefix("certificate for soon.sonde.test expires in 4 days (") == true, "\(String(describing: result.reason))")
        #expect(result.outcome.certificateDaysLeft == 4)
        #expect(result.outcome.phase("ping") != nil && result.outcome.phase(PhaseTiming.query) != nil)

        let fixtures = TLSFaultTests.fixtures
        let expired = try await FaultServer.start(.tls(certificate: fixtures.appendingPathComponent("expired.pem").path,
                                                       key: fixtures.appendingPathComponent("expired.key").path))
        let down = try await probe(expired)
        await expired.stop()
        #expect(down.status == .down)
        #expect(down.reason?.message.contains("expired on") == true, "\(String(describing: down.reason))")
    }

    private func probeWebSocket(port: Int) async throws -> ProbeResult {
        let yaml = """
        timeout: 3s
        targets:
          - name: ws
            websocket: wss://127.0.0.1:\(port)/greeting
            insecure: true
            expect: { cert_days: 14, first: connect }
        """
        let target = try #require(try ConfigLoader.parse(yaml, file: "wss.yml").targets.first)
        return await Engine.probeOnce(target, probe: ProbeFactory.make(target), sequence: 1)
    }

    @Test(.enabled(if: WebSocketPeer.available || Service.required))
    func wssExpiringInFiveDaysIsSlowAndExpiredIsDown() async throws {
        guard WebSocketPeer.check() else { return }
        let soon = try await TestCertificate.make(commonName: "soon.sonde.test", days: 5)
        defer { soon.remove() }
        try await WebSocketPeer.with(certificate: soon.certificate, key: soon.key) { peer in
            let result = try await probeWebSocket(port: peer.tlsPort)
            #expect(result.status == .slow, "\(String(describing: result.reason))")
            #expect(result.reason?.kind == .certificate)
            let message = result.reason?.message ?? ""
            #expect(message.hasPrefix("certificate for soon.sonde.test expires in 4 days ("), "\(message)")
            #expect(result.outcome.certificateDaysLeft == 4)
            // The greeting was still checked: the warning is the certificate's alone.
            #expect(result.outcome.message?.contains("connect") == true)
        }
        let fixtures = TLSFaultTests.fixtures
        try await WebSocketPeer.with(certificate: fixtures.appendingPathComponent("expired.pem").path,
                                     key: fixtures.appendingPathComponent("expired.key").path) { peer in
            let result = try await probeWebSocket(port: peer.tlsPort)
            #expect(result.status == .down)
            #expect(result.reason?.kind == .certificate)
            #expect(result.reason?.message.hasPrefix("certificate for 127.0.0.1 expired on 2020-02-01") == true, "\(String(describing: result.reason))")
            #expect((result.outcome.certificateDaysLeft ?? 0) < 0)
        }
    }

    /// Verification on: the wss handshake's failure says why, as an HTTPS one does.
    @Test(.enabled(if: WebSocketPeer.available || Service.required))
    func wssWithVerificationNamesTheExpiredCertificate() async throws {
        guard WebSocketPeer.check() else { return }
        let fixtures = TLSFaultTests.fixtures
        try await WebSocketPeer.with(certificate: fixtures.appendingPathComponent("expired.pem").path,
                                     key: fixtures.appendingPathComponent("expired.key").path) { peer in
            let spec = WebSocketSpec(url: TestURL.make("wss://127.0.0.1:\(peer.tlsPort)/greeting"), caFile: fixtures.appendingPathComponent("ca.pem").path)
            let outcome = await WebSocketProbe(spec: spec).run(within: .seconds(3))
            #expect(outcome.failure == FailureReason(.tls, "TLS handshake with 127.0.0.1:\(peer.tlsPort) failed: the server's certificate expired on 2020-02-01"))
        }
    }
}
