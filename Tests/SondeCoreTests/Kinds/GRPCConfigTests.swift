import Foundation
import Testing
@testable import SondeCore

/// `grpc:` targets read from YAML as a user writes them, and their mistakes with file:line.
@Suite("Config: grpc targets")
struct GRPCConfigTests {
    private func spec(_ yaml: String) throws -> GRPCSpec {
        let config = try ConfigLoader.parse("targets:\n" + yaml, file: "g.yml")
        let target = try #require(config.targets.first)
        #expect(target.kind == .grpc)
        #expect(target.kind.group == .services)
        guard case .grpc(let spec) = target.probe else {
            Issue.record("not grpc")
            return GRPCSpec(host: "", port: 0)
        }
        return spec
    }

    private func errors(_ yaml: String) -> [String] {
        let error = #expect(throws: ConfigErrors.self) { try ConfigLoader.parse("targets:\n" + yaml, file: "g.yml") }
        return error?.errors.map(\.description) ?? []
    }

    @Test func formsOfTheEndpoint() throws {
        #expect(try spec("  - { name: a, grpc: \"127.0.0.1:50051\" }\n") == GRPCSpec(host: "127.0.0.1", port: 50051))
        #expect(try spec("  - { name: a, grpc: \"grpc://api.test:9000\", service: billing }\n")
            == GRPCSpec(host: "api.test", port: 9000, service: "billing"))
        #expect(try spec("  - { name: a, grpc: \"grpcs://api.test\" }\n") == GRPCSpec(host: "api.test", port: 443, tls: true))
        #expect(try spec("  - { name: a, grpc: \"[::1]:50051\", tls: true, insecure: true }\n")
            == GRPCSpec(host: "::1", port: 50051, tls: true, insecure: true))
        let shown = try spec("  - { name: a, grpc: \"grpcs://[::1]:8443\", service: billing }\n")
        #expect(shown.displayEndpoint == "grpcs://[::1]:8443 (service billing)")
        #expect(GRPCSpec(host: "127.0.0.1", port: 1).displayEndpoint == "grpc://127.0.0.1:1")
    }

    @Test func mistakesNameFileLineAndKey() {
        #expect(errors("  - name: a\n    grpc: 127.0.0.1\n") == [
            "g.yml:3:11: targets[0].grpc: '127.0.0.1' must be host:port with a port from 1 to 65535",
        ])
        #expect(errors("  - name: a\n    grpc: http://127.0.0.1:80\n") == [
            "g.yml:3:11: targets[0].grpc: 'http://127.0.0.1:80' must be host:port, grpc://host:port or grpcs://host:port (TLS)",
        ])
        #expect(errors("  - name: a\n    grpc: grpc://127.0.0.1:80\n    tls: true\n") == [
            "g.yml:4:10: targets[0].tls: grpc:// is plaintext; write grpcs:// for TLS, or drop the scheme",
        ])
        #expect(errors("  - name: a\n    grpc: 127.0.0.1:80\n    ca: /etc/hostname\n") == [
            "g.yml:4:9: targets[0].ca: 'ca' applies to TLS only: write grpcs://127.0.0.1:80 or add tls: true",
        ])
        #expect(errors("  - name: a\n    grpc: 127.0.0.1:80\n    tls: require\n") == [
            "g.yml:4:10: targets[0].tls: expected true or false, found 'require'",
        ])
        #expect(errors("  - name: a\n    grpc: 127.0.0.1:80\n    query: x\n") == [
            "g.yml:4:12: targets[0].query: 'query' does not apply to grpc targets",
        ])
    }

    @Test func certDaysAndLatencyApply() throws {
        let config = try ConfigLoader.parse("targets:\n  - { name: a, grpc: \"grpcs://api.test:443\", expect: { cert_days: 14, latency: 50ms } }\n", file: "g.yml")
        let target = try #require(config.targets.first)
        #expect(target.certificateDays == 14)
        #expect(target.latencyTarget == .milliseconds(50))
    }
}
