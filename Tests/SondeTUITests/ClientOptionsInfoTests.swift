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
        spec.resolve = [ResolveOverride(host: "api.test", port: 443, address: "10.0.0.7")]
        spec.clientCertificate = ClientCertificate(certificateFile: "/etc/client.pem", keyFile: "/etc/client.key")
        spec.proxy = .environment
        #expect(TargetInfo.describeRequest(.http(spec)) == [
            "GET https://api.test/health", "resolve: api.test:443 → 10.0.0.7", "proxy: from HTTPS_PROXY / HTTP_PROXY",
            "client certificate: /etc/client.pem",
        ])
    }
}
