import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// HTTP/2 by ALPN against a real nginx on loopback: h2 where the server offers it, HTTP/1.1
/// from a TLS server that does not, `http2: false` as curl's --http1.1, the same phases and
/// assertions either way, and a body larger than HTTP/2's default window read whole.
@Suite("HTTP/2 by ALPN against nginx", .serialized, .enabled(if: NginxServer.available || Service.required))
struct HTTP2Tests {
    private func withNginx(_ body: (NginxServer) async throws -> Void) async throws {
        guard NginxServer.check() else { return }
        let server = try await NginxServer.start()
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    private func probe(_ port: Int, _ path: String, ca: String, configure: (inout HTTPSpec) -> Void = { _ in }) async -> ProbeOutcome {
        var spec = HTTPSpec(url: TestURL.make("https://127.0.0.1:\(port)\(path)"), caFile: ca)
        configure(&spec)
        return await HTTPProbe(spec: spec, timeout: .seconds(3)).run(within: .seconds(3))
    }

    @Test func h2WhereTheServerOffersItWithPhasesAndAssertions() async throws {
        try await withNginx { nginx in
            let outcome = await probe(nginx.http2Port, "/health", ca: nginx.certificate.certificate) { spec in
                spec.expect.contains = "healthy"
                spec.expect.json = [try! JSONAssertion(#"$.protocol == "HTTP/2.0""#)]
            }
            #expect(outcome.failure == nil, "\(String(describing: outcome.failure))")
            #expect(outcome.httpVersion == "HTTP/2")
            #expect(outcome.statusCode == 200)
            #expect(outcome.phases.map(\.name) == ["dns", "connect", "tls", "first_byte", "transfer", "total"])
            #expect(outcome.certificateDaysLeft == 29)

            // A status the target does not expect, and a failing assertion, read as over HTTP/1.1.
            let missing = await probe(nginx.http2Port, "/nothing-here", ca: nginx.certificate.certificate)
            #expect(missing.httpVersion == "HTTP/2")
            #expect(missing.failure?.kind == .httpStatus)
            #expect(missing.statusCode == 404)
            let wrong = await probe(nginx.http2Port, "/health", ca: nginx.certificate.certificate) { spec in
                spec.expect.json = [try! JSONAssertion(#"$.protocol == "HTTP/1.1""#)]
            }
            #expect(wrong.failure?.kind == .assertion, "\(String(describing: wrong.failure))")
        }
    }

    @Test func anHTTP1OnlyServerAndHTTP2FalseAnswerInHTTP1() async throws {
        try await withNginx { nginx in
            let h1Server = await probe(nginx.http1Port, "/health", ca: nginx.certificate.certificate) { spec in
                spec.expect.json = [try! JSONAssertion(#"$.protocol == "HTTP/1.1""#)]
            }
            #expect(h1Server.failure == nil, "\(String(describing: h1Server.failure))")
            #expect(h1Server.httpVersion == "HTTP/1.1")

            let refused = await probe(nginx.http2Port, "/health", ca: nginx.certificate.certificate) { spec in
                spec.http2 = false
                spec.expect.json = [try! JSONAssertion(#"$.protocol == "HTTP/1.1""#)]
            }
            #expect(refused.failure == nil, "\(String(describing: refused.failure))")
            #expect(refused.httpVersion == "HTTP/1.1")
            #expect(refused.phases.map(\.name) == ["dns", "connect", "tls", "first_byte", "transfer", "total"])
        }
    }

    @Test func aBodyLargerThanTheFlowControlWindowAndTheBodyLimit() async throws {
        try await withNginx { nginx in
            let whole = await probe(nginx.http2Port, "/big", ca: nginx.certificate.certificate) { spec in
                spec.maxBodyBytes = 4 << 20
            }
            #expect(whole.failure == nil, "\(String(describing: whole.failure))")
            #expect(whole.httpVersion == "HTTP/2")
            #expect(whole.statusCode == 200)

            let limited = await probe(nginx.http2Port, "/big", ca: nginx.certificate.certificate)
            #expect(limited.failure?.kind == .bodyTooLarge, "\(String(describing: limited.failure))")
        }
    }

    /// Through the config and the engine: `http2: false` is read, the version reaches the JSON
    /// output, and `http2:` on plaintext is a config error at its line.
    @Test func configEngineAndJSON() async throws {
        try await withNginx { nginx in
            let yaml = """
            timeout: 3s
            targets:
              - name: h2
                http: https://127.0.0.1:\(nginx.http2Port)/health
                ca: \(nginx.certificate.certificate)
              - name: h1
                http: https://127.0.0.1:\(nginx.http2Port)/health
                ca: \(nginx.certificate.certificate)
                http2: false
            """
            let config = try ConfigLoader.parse(yaml, file: "h2.yml")
            var results: [ProbeResult] = []
            for target in config.targets {
                results.append(await Engine.probeOnce(target, probe: ProbeFactory.make(target), sequence: 1))
            }
            #expect(results.map(\.outcome.httpVersion) == ["HTTP/2", "HTTP/1.1"])
            let summary = CheckSummary(environment: "test", started: Date(), targets: config.targets, results: results)
            let json = CheckJSON.document(summary, redactor: config.redactor).serialized(pretty: false)
            #expect(json.contains(#""http_version":"HTTP/2""#) && json.contains(#""http_version":"HTTP/1.1""#), "\(json)")
        }
        let plaintext = """
        targets:
          - name: plain
            http: http://127.0.0.1:8080/
            http2: true
        """
        #expect {
            try ConfigLoader.parse(plaintext, file: "plain.yml")
        } throws: { error in
            "\(error)".contains("plain.yml:4:") && "\(error)".contains("http2 applies to https only")
        }
    }
}
