import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// The http kind's client options on websocket targets, against the Python WebSocket peer:
/// mutual TLS on wss (the peer requiring a client certificate from the test's CA) and
/// `resolve:` for a name nothing resolves.
@Suite("WebSocket client options: mTLS and resolve", .serialized, .enabled(if: WebSocketPeer.available || Service.required))
struct WebSocketClientOptionsTests {
    @Test func mutualTLSWithAndWithoutTheRightCertificate() async throws {
        guard WebSocketPeer.check() else { return }
        let certificates = try await ClientCertificates.make()
        defer { try? FileManager.default.removeItem(at: certificates.folder) }
        let ca = certificates.path("cert.pem")
        try await WebSocketPeer.with(certificate: ca, key: certificates.path("key.pem"), clientCA: ca) { peer in
            var spec = WebSocketSpec(url: TestURL.make("wss://127.0.0.1:\(peer.tlsPort)/greeting"), expectFirst: .contains("connect"), caFile: ca)
            spec.client.clientCertificate = ClientCertificate(certificateFile: certificates.path("client.pem"), keyFile: certificates.path("client.key"))
            let accepted = await WebSocketProbe(spec: spec).run(within: .seconds(3))
            #expect(accepted.failure == nil, "\(String(describing: accepted.failure))")

            spec.client.clientCertificate = nil
            let without = await WebSocketProbe(spec: spec).run(within: .seconds(3))
            #expect(without.failure?.kind == .tls || without.failure?.kind == .closed, "\(String(describing: without.failure))")
            #expect(without.failure != nil)
            // NIO's own words for a pipeline torn down mid-upgrade are no reason a person can act on.
            #expect(without.failure?.message.contains("Inappropriate") == false, "\(String(describing: without.failure))")
        }
    }

    @Test func resolveConnectsToTheGivenAddressForAName() async throws {
        guard WebSocketPeer.check() else { return }
        let made = try await TestCertificate.make(commonName: "ws.sonde.test", days: 30)
        defer { made.remove() }
        try await WebSocketPeer.with(certificate: made.certificate, key: made.key) { peer in
            var spec = WebSocketSpec(url: TestURL.make("ws://ws.sonde.invalid:\(peer.port)/greeting"), expectFirst: .contains("connect"))
            spec.client.resolve = [ResolveOverride(host: "ws.sonde.invalid", port: peer.port, address: "127.0.0.1")]
            let outcome = await WebSocketProbe(spec: spec).run(within: .seconds(3))
            #expect(outcome.failure == nil, "\(String(describing: outcome.failure))")

            spec.client.resolve = [ResolveOverride(host: "ws.sonde.invalid", port: peer.port + 1, address: "127.0.0.1")]
            let looked = await WebSocketProbe(spec: spec).run(within: .seconds(3))
            #expect(looked.failure?.kind == .dns || looked.failure?.kind == .timeout, "\(String(describing: looked.failure))")
        }
    }

    @Test func theConfigReadsTLSAndResolveAndRefusesProxy() throws {
        let config = try ConfigLoader.parse("""
        targets:
          - name: ws
            websocket: wss://ws.staging.test/ws
            tls: { cert: /etc/hostname, key: /etc/hostname }
            resolve: ws.staging.test:443:127.0.0.1
        """, file: "ws.yml")
        guard case .websocket(let spec) = try #require(config.targets.first).probe else {
            Issue.record("not a websocket target")
            return
        }
        #expect(spec.client == ClientOptions(clientCertificate: ClientCertificate(certificateFile: "/etc/hostname", keyFile: "/etc/hostname"),
                                             resolve: [ResolveOverride(host: "ws.staging.test", port: 443, address: "127.0.0.1")]))
        #expect {
            try ConfigLoader.parse("targets:\n  - name: ws\n    websocket: ws://ws.test/ws\n    proxy: http://127.0.0.1:3128\n", file: "p.yml")
        } throws: { error in
            "\(error)".contains("p.yml:4:") && "\(error)".contains("does not apply to websocket targets")
        }
    }
}
