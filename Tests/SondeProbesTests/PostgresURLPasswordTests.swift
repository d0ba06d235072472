import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// A password from the environment reaches PostgreSQL whole, even with URL syntax in it, and is
/// never shown. (The shared server has one role; a test cannot cleanly add one with such a
/// password, so the right password is plain and a wrong one carries `@ / # :`.)
@Suite("Postgres URL passwords from the environment")
struct PostgresURLPasswordTests {
    private func probe(password: String) throws -> (PostgresProbe, SondeConfig) {
        let yaml = "targets:\n  - name: db\n    postgres: postgres://sonde:${PGPASSWORD}@127.0.0.1:55432/sonde\n    tls: disable\n"
        let config = try ConfigLoader.parse(yaml, file: "f.yml", environment: ["PGPASSWORD": password])
        guard case .postgres(let spec) = try #require(config.targets.first).probe else { throw ConfigErrors([]) }
        return (PostgresProbe(spec: spec), config)
    }

    @Test("the password from the environment authenticates", .enabled(if: Service.postgres.shouldRun, Service.postgres.skipComment))
    func rightPasswordAuthenticates() async throws {
        guard Service.postgres.check() else { return }
        let outcome = await (try probe(password: PostgresProbeTests.password)).0.run(within: .seconds(5))
        #expect(outcome.failure == nil, "\(String(describing: outcome.failure))")
    }

    @Test("a password with @ / # : is sent whole: PostgreSQL judges it, nothing mistakes it for a host",
          .enabled(if: Service.postgres.shouldRun, Service.postgres.skipComment))
    func passwordWithURLSyntaxReachesTheServer() async throws {
        guard Service.postgres.check() else { return }
        let password = "wr@ng/pa#ss:word"
        let (probe, config) = try probe(password: password)
        let outcome = await probe.run(within: .seconds(5))
        #expect(outcome.failure == FailureReason(.auth, "PostgreSQL rejected the password for user sonde (28P01)"))
        #expect(config.redactor.redact("got \(password)") == "got ***")
        #expect(probe.spec.url.password(percentEncoded: false) == password)
    }
}
