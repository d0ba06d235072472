import Foundation
import SondeCore
import Testing
@testable import SondeTUI

/// The detail view's request lines for a grpc target and for HTTP client options.
@Suite("Detail request lines: grpc and HTTP client options")
struct ClientOptionsInfoTests {
    @Test func grpcNamesCallServiceAndTrust() {
        #expect(TargetInfo.describeRequest(.grpc(GRPCSpec(host: "api.test", port: 50051))) == [
            "grpc.health.v1.Health/Check grpc://api.test:50051", "service: (the server as a whole)",
        ])
        #expect(TargetInfo.describeRequest(.grpc(GRPCSpec(host: "api.test", port: 443, tls: true, service: "billing", caFile: "/etc/ca.pem"))) == [
            "grpc.health.v1.Health/Check grpcs://api.test:443 (service billing)", "service: billing", "TLS: CA /etc/ca.pem",
        ])
    }

    @Test func httpShowsResolveClientCertificateAndProxy() throws {
        var spec = HTTPSpec(url: try #require(URL(string: "https://api.test/health")))
        spec.client.resolve = [ResolveOverride(host: "api.test", port: 443, address: "10.0.0.7")]
        spec.client.clientCertificate = ClientCertificate(certificateFile: "/etc/client.pem", keyFile: "/etc/client.key")
        spec.client.proxy = .environment
        #expect(TargetInfo.describeRequest(.http(spec)) == [
            "GET https://api.test/health", "resolve: api.test:443 → 10.0.0.7", "proxy: from HTTPS_PROXY / HTTP_PROXY",
            "client certificate: /etc/client.pem",
        ])
    }

    @Test func grpcShowsTheHTTPClientOptionsAndHTTPSItsVersionChoice() throws {
        var grpc = GRPCSpec(host: "api.test", port: 443, tls: true)
        grpc.client.resolve = [ResolveOverride(host: "api.test", port: 443, address: "10.0.0.7")]
        grpc.client.proxy = .server(host: "proxy.test", port: 3128)
        grpc.client.clientCertificate = ClientCertificate(certificateFile: "/etc/client.pem", keyFile: "/etc/client.key")
        #expect(TargetInfo.describeRequest(.grpc(grpc)) == [
            "grpc.health.v1.Health/Check grpcs://api.test:443", "service: (the server as a whole)", "TLS: the system's trust store",
            "resolve: api.test:443 → 10.0.0.7", "proxy: proxy.test:3128", "client certificate: /etc/client.pem",
        ])
        var http = HTTPSpec(url: try #require(URL(string: "https://api.test/health")))
        http.http2 = false
        #expect(TargetInfo.describeRequest(.http(http)) == ["GET https://api.test/health", "HTTP/1.1 only (http2: false)"])
    }

    @Test func theDetailViewNamesTheHTTPVersionOfTheLastAnswer() {
        var outcome = ProbeOutcome(latency: .milliseconds(3), statusCode: 200)
        outcome.httpVersion = "HTTP/2"
        let result = ProbeResult(target: "api", kind: .http, status: .up, outcome: outcome, latencyTarget: nil, startedAt: Date(), sequence: 1)
        let text = DetailView.lines(DashboardFixture.state(), info: nil, stats: nil, last: result).map { $0.map(\.text).joined() }
        #expect(text.contains("Protocol HTTP/2"), "\(text)")
        let without = DetailView.lines(DashboardFixture.state(), info: nil, stats: nil, last: nil).map { $0.map(\.text).joined() }
        #expect(!without.contains { $0.hasPrefix("Protocol") })
    }
}
