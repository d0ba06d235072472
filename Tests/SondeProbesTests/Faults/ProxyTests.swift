import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// `proxy:` against a real tinyproxy on loopback (one that tunnels, one that refuses CONNECT),
/// `no_proxy:`, and `proxy: env` read from an environment the test writes.
@Suite("HTTP through a CONNECT proxy (tinyproxy)", .serialized, .enabled(if: Tinyproxy.available || Service.required))
struct ProxyTests {

    private func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        if Tinyproxy.available { return true }
        Issue.record("tinyproxy is required (SONDE_REQUIRE_SERVICES=1) but \(Tinyproxy.path) is missing: apt-get install tinyproxy", sourceLocation: sourceLocation)
        return false
    }

    /// A tinyproxy of the test's own; a random port may be taken, so the next is tried.
    private func withTinyproxy(_ extra: String = "", _ body: (Int) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-proxy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var attempt = 0
        while true {
            attempt += 1
            let port = Int.random(in: 40_000...49_999)
            let conf = folder.appendingPathComponent("tinyproxy-\(port).conf")
            try "Port \(port)\nListen 127.0.0.1\nTimeout 10\nMaxClients 20\nLogLevel Info\n\(extra)\n".write(to: conf, atomically: true, encoding: .utf8)
            let server: ServerProcess
            do {
                server = try await ServerProcess.start(executable: Tinyproxy.path, arguments: ["-d", "-c", conf.path], readyLine: "Accepting connections")
            } catch where attempt < 5 {
                continue
            }
            defer { Task { await server.stop() } }
            try await body(port)
            await server.stop()
            return
        }
    }

    private func probe(_ url: String, proxy: ProxySetting?, noProxy: [String] = [], insecure: Bool = false) async -> ProbeOutcome {
        var spec = HTTPSpec(url: TestURL.make(url), insecure: insecure)
        spec.client.proxy = proxy
        spec.client.noProxy = noProxy
        return await HTTPProbe(spec: spec, timeout: .seconds(3)).run(within: .seconds(3))
    }

    @Test func httpAndHTTPSThroughTheTunnel() async throws {
        guard check() else { return }
        let base = try await HTTPTestServer.baseURL()
        let fixtures = TLSFaultTests.fixtures
        let tls = try await FaultServer.start(.tls(certificate: fixtures.appendingPathComponent("valid.pem").path,
                                                   key: fixtures.appendingPathComponent("valid.key").path))
        try await withTinyproxy { port in
            let plain = await probe("\(base)/health", proxy: .server(host: "127.0.0.1", port: port))
            #expect(plain.failure == nil, "\(String(describing: plain.failure))")
            #expect(plain.statusCode == 200)
            let secure = await probe("\(tls.baseURL)/", proxy: .server(host: "127.0.0.1", port: port), insecure: true)
            #expect(secure.failure == nil, "\(String(describing: secure.failure))")
            #expect(secure.phase(PhaseTiming.tls) != nil)
        }
    }

    @Test func aProxyThatRefusesCONNECT() async throws {
        guard check() else { return }
        let base = try await HTTPTestServer.baseURL()
        let target = try #require(URLComponents(string: base)?.port)
        // Only port 1 may be tunnelled to: every other CONNECT is refused with 403.
        try await withTinyproxy("ConnectPort 1") { port in
            let refused = await probe("\(base)/health", proxy: .server(host: "127.0.0.1", port: port))
            let reason = try #require(refused.failure)
            #expect(reason.kind == .refused)
            #expect(reason.message.hasPrefix("via proxy 127.0.0.1:\(port): the proxy refused to CONNECT to 127.0.0.1:\(target): HTTP 403"), "\(reason.message)")
        }
    }

    /// The grpc kind through the same tunnel: plaintext and TLS (HTTP/2 by ALPN inside it), and
    /// a refused CONNECT named as the http kind names it.
    @Test func grpcThroughTheTunnel() async throws {
        guard check(), GRPCPeerAvailability.check() else { return }
        let made = try await TestCertificate.make(commonName: "grpc.sonde.test", days: 30)
        defer { made.remove() }
        try await GRPCPeer.with { plain in
            try await GRPCPeer.with(["--cert", made.certificate, "--key", made.key]) { secure in
                try await withTinyproxy { port in
                    var spec = GRPCSpec(host: "127.0.0.1", port: plain.port)
                    spec.client.proxy = .server(host: "127.0.0.1", port: port)
                    let cleartext = await GRPCProbe(spec: spec).run(within: .seconds(3))
                    #expect(cleartext.failure == nil, "\(String(describing: cleartext.failure))")
                    #expect(cleartext.message == "SERVING over HTTP/2 (cleartext)")

                    var tls = GRPCSpec(host: "127.0.0.1", port: secure.port, tls: true, caFile: made.certificate)
                    tls.client.proxy = .server(host: "127.0.0.1", port: port)
                    let encrypted = await GRPCProbe(spec: tls).run(within: .seconds(3))
                    #expect(encrypted.failure == nil, "\(String(describing: encrypted.failure))")
                    #expect(encrypted.message == "SERVING over HTTP/2 (TLS, ALPN h2)")
                }
                try await withTinyproxy("ConnectPort 1") { port in
                    var spec = GRPCSpec(host: "127.0.0.1", port: plain.port)
                    spec.client.proxy = .server(host: "127.0.0.1", port: port)
                    let refused = await GRPCProbe(spec: spec).run(within: .seconds(3))
                    let reason = try #require(refused.failure)
                    #expect(reason.message.hasPrefix("via proxy 127.0.0.1:\(port): the proxy refused to CONNECT to 127.0.0.1:\(plain.port): HTTP 403"),
                            "\(reason.message)")
                }
            }
        }
    }

    @Test func noProxyGoesDirect() async throws {
        let base = try await HTTPTestServer.baseURL()
        let nobody = try RefusingPort()
        // The proxy refuses connections: only a direct connection can succeed.
        let direct = await probe("\(base)/health", proxy: .server(host: "127.0.0.1", port: nobody.port), noProxy: ["localhost", "127.0.0.1"])
        #expect(direct.failure == nil, "\(String(describing: direct.failure))")
        let proxied = await probe("\(base)/health", proxy: .server(host: "127.0.0.1", port: nobody.port))
        #expect(proxied.failure?.kind == .refused)
        #expect(proxied.failure?.message.hasPrefix("via proxy 127.0.0.1:\(nobody.port): ") == true, "\(String(describing: proxied.failure))")
    }

    @Test func environmentProxyOnlyWhenAskedAndWithoutItsPassword() throws {
        var spec = HTTPSpec(url: TestURL.make("https://api.sonde.test/"))
        let environment = ["HTTPS_PROXY": "http://user:pa55word@127.0.0.1:3129", "NO_PROXY": ".internal.test, localhost:8080", "http_proxy": "127.0.0.1:3130"]
        #expect(ProxyRoute.choose(host: "api.sonde.test", port: 443, secure: true, options: spec.client, environment: environment) == nil)
        spec.client.proxy = .environment
        let route = try #require(ProxyRoute.choose(host: "api.sonde.test", port: 443, secure: true, options: spec.client, environment: environment))
        #expect(route == ProxyRoute(host: "127.0.0.1", port: 3129))
        #expect(!route.explain(FailureReason(.refused, "x")).message.contains("pa55word"))
        #expect(ProxyRoute.choose(host: "db.internal.test", port: 443, secure: true, options: spec.client, environment: environment) == nil)
        #expect(ProxyRoute.choose(host: "localhost", port: 8080, secure: false, options: spec.client, environment: environment) == nil)
        #expect(ProxyRoute.choose(host: "localhost", port: 9090, secure: false, options: spec.client, environment: environment) == ProxyRoute(host: "127.0.0.1", port: 3130))
    }
}

enum Tinyproxy {
    static let path = "/usr/bin/tinyproxy"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: path) }
}
