import Foundation
import Testing
@testable import SondeCore

/// `tls: { cert, key, ca, insecure }` and `resolve:` on http targets, and their mistakes with file:line.
@Suite("Config: HTTP client options (mTLS, resolve)")
struct HTTPClientOptionsConfigTests {
    private func spec(_ yaml: String) throws -> HTTPSpec {
        let target = try #require(try ConfigLoader.parse("targets:\n" + yaml, file: "h.yml").targets.first)
        guard case .http(let spec) = target.probe else {
            Issue.record("not http")
            return HTTPSpec(url: URL(fileURLWithPath: "/"))
        }
        return spec
    }

    private func errors(_ yaml: String) -> [String] {
        let error = #expect(throws: ConfigErrors.self) { try ConfigLoader.parse("targets:\n" + yaml, file: "h.yml") }
        return error?.errors.map(\.description) ?? []
    }

    @Test func clientCertificateCAAndResolve() throws {
        let spec = try spec("""
          - name: a
            http: https://api.sonde.test:8443/health
            tls: { cert: /etc/hostname, key: /etc/hostname, ca: /etc/hostname }
            resolve: ["api.sonde.test:8443:127.0.0.1", "api.sonde.test:443:[::1]"]
        """)
        #expect(spec.client.clientCertificate == ClientCertificate(certificateFile: "/etc/hostname", keyFile: "/etc/hostname"))
        #expect(spec.caFile == "/etc/hostname")
        #expect(spec.client.resolve == [ResolveOverride(host: "api.sonde.test", port: 8443, address: "127.0.0.1"),
                                 ResolveOverride(host: "api.sonde.test", port: 443, address: "::1")])
        #expect(spec.client.resolve[0].applies(to: "API.sonde.test", port: 8443))
        #expect(!spec.client.resolve[0].applies(to: "api.sonde.test", port: 443))
    }

    @Test func proxyForms() throws {
        let given = try spec("  - { name: a, http: \"https://x.test/\", proxy: \"http://127.0.0.1:8888\", no_proxy: \".internal, localhost\" }\n")
        #expect(given.client.proxy == .server(host: "127.0.0.1", port: 8888))
        #expect(given.client.noProxy == [".internal", "localhost"])
        #expect(try spec("  - { name: a, http: \"https://x.test/\", proxy: env }\n").client.proxy == .environment)
        #expect(try spec("  - { name: a, http: \"https://x.test/\", proxy: \"http://proxy.test\" }\n").client.proxy == .server(host: "proxy.test", port: 3128))
        #expect(errors("  - name: a\n    http: https://x.test/\n    proxy: socks5://127.0.0.1:1080\n") == [
            "h.yml:4:12: targets[0].proxy: 'socks5://127.0.0.1:1080' must be http://host:port (an HTTP CONNECT proxy) or env (HTTPS_PROXY / HTTP_PROXY and NO_PROXY)",
        ])
        #expect(NoProxyRule.exempts(host: "a.b.internal", port: 1, entries: [".internal"]))
        #expect(NoProxyRule.exempts(host: "internal", port: 1, entries: ["internal"]))
        #expect(!NoProxyRule.exempts(host: "notinternal", port: 1, entries: ["internal"]))
        #expect(NoProxyRule.exempts(host: "x", port: 9, entries: ["*"]))
    }

    @Test func mistakesNameFileLineAndKey() {
        #expect(errors("  - name: a\n    http: https://x.test/\n    tls: { cert: /etc/hostname }\n") == [
            "h.yml:4:18: targets[0].tls.cert: a client certificate needs its key: add key: FILE",
        ])
        #expect(errors("  - name: a\n    http: https://x.test/\n    tls: { cert: /no/such.pem, key: /etc/hostname }\n") == [
            "h.yml:4:18: targets[0].tls.cert: certificate file '/no/such.pem' cannot be read",
        ])
        #expect(errors("  - name: a\n    http: https://x.test/\n    ca: /etc/hostname\n    tls: { ca: /etc/hostname }\n") == [
            "h.yml:5:16: targets[0].tls.ca: 'ca' is given twice, here and beside tls:; keep one",
        ])
        #expect(errors("  - name: a\n    http: https://x.test/\n    resolve: x.test:443\n") == [
            "h.yml:4:14: targets[0].resolve: 'x.test:443' must be host:port:address, as curl's --resolve (api.example.com:443:10.0.0.7)",
        ])
        #expect(errors("  - name: a\n    http: https://x.test/\n    resolve: x.test:443:backend\n") == [
            "h.yml:4:14: targets[0].resolve: 'backend' is not an IP address (resolve: takes one address, as curl's does)",
        ])
    }
}
