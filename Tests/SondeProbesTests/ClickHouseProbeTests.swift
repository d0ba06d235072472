import Foundation
import SondeCore
import Testing
@testable import SondeProbes

@Suite("ClickHouse probe against a real clickhouse-server")
struct ClickHouseProbeTests {
    static let password = "sonde-ch-secret"

    private func probe(_ url: String = "http://127.0.0.1:58123", user: String? = "sonde", password: String? = Self.password,
                       query: String = "SELECT 1") -> ClickHouseProbe {
        ClickHouseProbe(spec: ClickHouseSpec(url: TestURL.make(url), user: user, password: password, query: query))
    }

    @Test("/ping then SELECT 1 as user sonde: ping, connect and query timed",
          .enabled(if: Service.clickhouse.shouldRun, Service.clickhouse.skipComment))
    func answers() async throws {
        guard Service.clickhouse.check() else { return }
        let outcome = await probe().run(within: .seconds(5))
        #expect(outcome.failure == nil)
        #expect(outcome.phases.map(\.name) == ["ping", PhaseTiming.connect, PhaseTiming.query])
        #expect(outcome.latency == outcome.phase(PhaseTiming.query))
        #expect(outcome.message == "1")
    }

    @Test("credentials in the URL are used, and sent as headers",
          .enabled(if: Service.clickhouse.shouldRun, Service.clickhouse.skipComment))
    func credentialsInURL() async throws {
        guard Service.clickhouse.check() else { return }
        let outcome = await probe("http://sonde:\(Self.password)@127.0.0.1:58123", user: nil, password: nil).run(within: .seconds(5))
        #expect(outcome.failure == nil)
        let wrong = await probe("http://sonde:not-the-password@127.0.0.1:58123", user: nil, password: nil).run(within: .seconds(5))
        #expect(wrong.failure?.kind == .auth)
    }

    @Test("wrong password: an auth reason, the password in no message",
          .enabled(if: Service.clickhouse.shouldRun, Service.clickhouse.skipComment))
    func wrongPassword() async throws {
        guard Service.clickhouse.check() else { return }
        let outcome = await probe(password: "not-the-password").run(within: .seconds(5))
        #expect(outcome.failure?.kind == .auth)
        #expect(outcome.failure?.message.contains("sonde") == true)
        #expect(outcome.failure?.message.contains("not-the-password") == false)
    }

    @Test("a query ClickHouse cannot run reports its error",
          .enabled(if: Service.clickhouse.shouldRun, Service.clickhouse.skipComment))
    func badQuery() async throws {
        guard Service.clickhouse.check() else { return }
        let outcome = await probe(query: "SELECT * FROM no_such_table").run(within: .seconds(5))
        #expect(outcome.failure?.kind == .httpStatus)
        #expect(outcome.failure?.message.contains("no_such_table") == true)
        #expect(outcome.statusCode != nil)
    }

    @Test("nothing listening: refused")
    func refused() async throws {
        let refusing = try RefusingPort()
        let port = refusing.port
        let outcome = await probe("http://127.0.0.1:\(port)").run(within: .seconds(2))
        withExtendedLifetime(refusing) {}
        #expect(outcome.failure?.kind == .refused)
    }

    @Test("a listener that never answers times out")
    func silent() async throws {
        let listener = try await NeverAnsweringListener.start()
        defer { Task { await listener.stop() } }
        let outcome = await probe("http://127.0.0.1:\(listener.port)").run(within: .milliseconds(300))
        #expect(outcome.failure?.kind == .timeout)
    }

    @Test("error bodies of old and new ClickHouse versions are read")
    func errorBodies() {
        let old = "Code: 193, e.displayText() = DB::Exception: Wrong password for user sonde, e.what() = DB::Exception\n"
        #expect(ClickHouseErrorReply.reason(status: 401, body: old, user: "sonde", during: "the query")
            == FailureReason(.auth, "ClickHouse rejected user sonde (Code 193): Wrong password for user sonde"))
        let new = "Code: 516. DB::Exception: sonde: Authentication failed: password is incorrect. (AUTHENTICATION_FAILED) (version 24.1.1)\n"
        #expect(ClickHouseErrorReply.reason(status: 516, body: new, user: "sonde", during: "the query").kind == .auth)
        #expect(ClickHouseErrorReply.reason(status: 500, body: "oops", user: "u", during: "/ping")
            == FailureReason(.httpStatus, "ClickHouse answered /ping with HTTP 500: oops"))
    }
}
