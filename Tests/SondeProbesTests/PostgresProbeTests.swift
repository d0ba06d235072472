import Foundation
import SondeCore
import Testing
@testable import SondeProbes

@Suite("Postgres probe against a real PostgreSQL")
struct PostgresProbeTests {
    static let password = "sonde-pg-secret"
    static let url = "postgres://sonde:\(password)@127.0.0.1:55432/sonde"

    private func probe(_ url: String = Self.url, query: String = "SELECT 1", tls: PostgresTLSMode = .disable) -> PostgresProbe {
        PostgresProbe(spec: PostgresSpec(url: TestURL.make(url), query: query, tls: tls))
    }

    @Test("SELECT 1 with each TLS mode that encrypts or not: connect, auth and query timed apart",
          .enabled(if: Service.postgres.shouldRun, Service.postgres.skipComment),
          arguments: [PostgresTLSMode.disable, .prefer, .require])
    func answers(tls: PostgresTLSMode) async throws {
        guard Service.postgres.check() else { return }
        let outcome = await probe(tls: tls).run(within: .seconds(5))
        #expect(outcome.failure == nil)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect, PhaseTiming.auth, PhaseTiming.query])
        #expect(outcome.latency == outcome.phase(PhaseTiming.query))
        #expect(outcome.message == "1 row")
    }

    @Test("a configured query runs and its rows are counted", .enabled(if: Service.postgres.shouldRun, Service.postgres.skipComment))
    func configuredQuery() async throws {
        guard Service.postgres.check() else { return }
        let outcome = await probe(query: "SELECT generate_series(1, 3)").run(within: .seconds(5))
        #expect(outcome.failure == nil)
        #expect(outcome.message == "3 rows")
    }

    @Test("verify-full rejects the server's self-signed certificate", .enabled(if: Service.postgres.shouldRun, Service.postgres.skipComment))
    func verifyFull() async throws {
        guard Service.postgres.check() else { return }
        let outcome = await probe(tls: .verifyFull).run(within: .seconds(5))
        #expect(outcome.failure?.kind == .tls)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect])
    }

    @Test("wrong password: an auth reason naming the user, never the password", .enabled(if: Service.postgres.shouldRun, Service.postgres.skipComment))
    func wrongPassword() async throws {
        guard Service.postgres.check() else { return }
        let outcome = await probe("postgres://sonde:not-the-password@127.0.0.1:55432/sonde", tls: .require).run(within: .seconds(5))
        #expect(outcome.failure == FailureReason(.auth, "PostgreSQL rejected the password for user sonde (28P01)"))
        #expect(outcome.failure?.message.contains("not-the-password") == false)
    }

    @Test("a missing database has its own reason", .enabled(if: Service.postgres.shouldRun, Service.postgres.skipComment))
    func missingDatabase() async throws {
        guard Service.postgres.check() else { return }
        let outcome = await probe("postgres://sonde:\(Self.password)@127.0.0.1:55432/no_such_db").run(within: .seconds(5))
        #expect(outcome.failure?.kind == .config)
        #expect(outcome.failure?.message.contains("database no_such_db does not exist") == true)
        #expect(outcome.failure?.message.contains(Self.password) == false)
    }

    @Test("a failing query reports PostgreSQL's message", .enabled(if: Service.postgres.shouldRun, Service.postgres.skipComment))
    func failingQuery() async throws {
        guard Service.postgres.check() else { return }
        let outcome = await probe(query: "SELECT * FROM no_such_table").run(within: .seconds(5))
        #expect(outcome.failure?.message.contains("no_such_table") == true)
        #expect(outcome.failure?.message.contains("42P01") == true)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect, PhaseTiming.auth])
    }

    @Test("a query that outlives the deadline is cut off by closing the connection",
          .enabled(if: Service.postgres.shouldRun, Service.postgres.skipComment))
    func slowQuery() async throws {
        guard Service.postgres.check() else { return }
        let started = ContinuousClock.now
        let outcome = await probe(query: "SELECT pg_sleep(10)").run(within: .milliseconds(800))
        #expect(ContinuousClock.now - started < .milliseconds(1800))
        #expect(outcome.failure?.kind == .timeout)
        #expect(outcome.failure?.message.contains("during query") == true)
    }

    @Test("a PostgreSQL that stops answers with refused", .enabled(if: PrivatePostgres.binaries != nil || Service.required))
    func serverStopped() async throws {
        let port = try await ClosedPort.make()
        let (server, directory) = try await PrivatePostgres.start(port: port)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = "postgres://sonde@127.0.0.1:\(port)/postgres"
        let before = await probe(url).run(within: .seconds(5))
        #expect(before.failure == nil)
        await server.stop()
        let after = await probe(url).run(within: .seconds(5))
        #expect(after.failure?.kind == .refused)
        #expect(after.failure?.message.contains("connection refused") == true)
    }

    @Test("nothing listening: refused")
    func refused() async throws {
        let refusing = try RefusingPort()
        let port = refusing.port
        let outcome = await probe("postgres://sonde:\(Self.password)@127.0.0.1:\(port)/sonde").run(within: .seconds(2))
        withExtendedLifetime(refusing) {}
        #expect(outcome.failure?.kind == .refused)
    }

    @Test("a listener that never answers times out during auth, at the deadline")
    func silentServer() async throws {
        let listener = try await NeverAnsweringListener.start()
        defer { Task { await listener.stop() } }
        let started = ContinuousClock.now
        let outcome = await probe("postgres://sonde:\(Self.password)@127.0.0.1:\(listener.port)/sonde", tls: .prefer)
            .run(within: .milliseconds(300))
        #expect(ContinuousClock.now - started < .milliseconds(1300))
        #expect(outcome.failure?.kind == .timeout)
        #expect(outcome.failure?.message.contains("during auth") == true)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect])
    }
}
