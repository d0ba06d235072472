import Foundation
import Testing
@testable import SondeCore

/// `dns:`, `icmp:`, `exec:` and `expect.cert_days`, read from YAML as a user writes them.
@Suite("Config: dns, icmp and exec targets, cert_days")
struct NewKindsConfigTests {
    private func target(_ yaml: String, environment: [String: String] = [:]) throws -> Target {
        let config = try ConfigLoader.parse("targets:\n" + yaml, file: "f.yml", environment: environment)
        return try #require(config.targets.first)
    }

    private func errors(_ yaml: String) -> [String] {
        let error = #expect(throws: ConfigErrors.self) { try ConfigLoader.parse("targets:\n" + yaml, file: "f.yml") }
        return error?.errors.map(\.description) ?? []
    }

    @Test func dnsWithServerTypeAndExpectations() throws {
        let t = try target("""
          - name: mail
            dns: example.test
            type: mx
            server: "[::1]:5353"
            expect: { rcode: NOERROR, answers: ["10 mail.example.test."], min_answers: 2 }
        """)
        guard case .dns(let spec) = t.probe else { Issue.record("not dns"); return }
        #expect(spec.type == .mx)
        #expect(spec.server == DNSServer(host: "::1", port: 5353))
        #expect(spec.expect.answers == ["10 mail.example.test."])
        #expect(spec.expect.minAnswers == 2)
        #expect(t.kind.group == .services)
        #expect(t.probe.displayEndpoint == "MX example.test @[::1]:5353")
    }

    @Test func dnsDefaultsToAWithOneAnswerAndPort53() throws {
        let t = try target("  - name: api\n    dns: api.example.test\n    server: 127.0.0.1\n")
        guard case .dns(let spec) = t.probe else { Issue.record("not dns"); return }
        #expect(spec.type == .a)
        #expect(spec.server == DNSServer(host: "127.0.0.1", port: 53))
        #expect(spec.expect.rcode == "NOERROR")
        #expect(spec.expect.minAnswers == 1)
        let gone = try target("  - name: gone\n    dns: old.example.test\n    expect: { rcode: nxdomain }\n")
        guard case .dns(let goneSpec) = gone.probe else { Issue.record("not dns"); return }
        #expect(goneSpec.expect.minAnswers == 0)
        #expect(goneSpec.server == nil)
    }

    @Test func dnsMistakesNameLineAndKey() {
        #expect(errors("  - name: a\n    dns: x.test\n    type: AXFR\n") == [
            "f.yml:4:11: targets[0].type: unknown record type 'AXFR'; use A, AAAA, CNAME, MX, TXT, SRV, NS, SOA",
        ])
        #expect(errors("  - name: a\n    dns: x.test\n    expect: { rcode: BROKEN }\n") == [
            "f.yml:4:22: targets[0].expect.rcode: unknown response code 'BROKEN'; use NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED, YXDOMAIN, YXRRSET, NXRRSET, NOTAUTH, NOTZONE",
        ])
        #expect(errors("  - name: a\n    dns: x.test\n    server: 127.0.0.1:99999\n") == [
            "f.yml:4:13: targets[0].server: '127.0.0.1:99999' must be host or host:port with a port from 1 to 65535",
        ])
        #expect(errors("  - name: a\n    dns: x.test\n    query: SELECT 1\n") == [
            "f.yml:4:12: targets[0].query: 'query' does not apply to dns targets",
        ])
    }

    @Test func execTakesAListAndMasksEnvironmentValues() throws {
        let t = try target("""
          - name: pg-plugin
            exec: ["/bin/sh", "-c", "exit 0", "${PLUGIN_PASSWORD}"]
        """, environment: ["PLUGIN_PASSWORD": "plugin-secret-7"])
        guard case .exec(let spec) = t.probe else { Issue.record("not exec"); return }
        #expect(spec.arguments == ["/bin/sh", "-c", "exit 0", "plugin-secret-7"])
        let config = try ConfigLoader.parse("targets:\n  - name: p\n    exec: [\"/bin/sh\", \"${PLUGIN_PASSWORD}\"]\n", file: "f.yml",
                                            environment: ["PLUGIN_PASSWORD": "plugin-secret-7"])
        #expect(config.redactor.redact(config.targets[0].probe.displayEndpoint) == "/bin/sh ***")
    }

    @Test func execMistakes() {
        #expect(errors("  - name: a\n    exec: /bin/true\n") == [
            "f.yml:3:11: targets[0].exec: write the command as a list: [\"/usr/lib/nagios/plugins/check_tcp\", \"-H\", \"127.0.0.1\", \"-p\", \"5432\"]",
        ])
        #expect(errors("  - name: a\n    exec: [\"/no/such/check_x\"]\n") == [
            "f.yml:3:11: targets[0].exec: '/no/such/check_x' is not an executable file (on Debian, check_* plugins come from monitoring-plugins-basic)",
        ])
    }

    @Test func icmpCountSpacingAndLoss() throws {
        let t = try target("  - name: gw\n    icmp: \"::1\"\n    count: 5\n    spacing: 50ms\n    expect: { loss: 20% }\n")
        #expect(t.probe == .icmp(ICMPSpec(host: "::1", count: 5, spacing: .milliseconds(50), maxLossPercent: 20)))
        #expect(errors("  - name: gw\n    icmp: 127.0.0.1\n    expect: { loss: 120% }\n") == [
            "f.yml:4:21: targets[0].expect.loss: '120%' is not a loss from 0% to 100%",
        ])
    }

    @Test func certDaysOnTLSKindsOnly() throws {
        let t = try target("  - name: web\n    http: https://127.0.0.1:8443/\n    expect: { cert_days: 14 }\n")
        #expect(t.certificateDays == 14)
        #expect(errors("  - name: db\n    tcp: 127.0.0.1:5432\n    expect: { cert_days: 14 }\n").count == 1)
    }
}
