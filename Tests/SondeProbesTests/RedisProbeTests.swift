import Foundation
import SondeCore
import Testing
@testable import SondeProbes

@Suite("Redis probe against a real redis-server")
struct RedisProbeTests {
    static let password = "sonde-redis-secret"

    private func probe(_ url: String, role: String? = nil) -> RedisProbe {
        RedisProbe(spec: RedisSpec(url: TestURL.make(url), role: role))
    }

    @Test("AUTH, PING and PONG: connect, auth and query timed apart", .enabled(if: Service.redis.shouldRun, Service.redis.skipComment))
    func answers() async throws {
        guard Service.redis.check() else { return }
        let outcome = await probe("redis://:\(Self.password)@127.0.0.1:56379/0").run(within: .seconds(5))
        #expect(outcome.failure == nil)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect, PhaseTiming.auth, PhaseTiming.query])
        #expect(outcome.latency == outcome.phase(PhaseTiming.query))
        #expect(outcome.message == "PONG")
    }

    @Test("an ACL user in the URL, a database and a role check", .enabled(if: Service.redis.shouldRun, Service.redis.skipComment))
    func aclUserAndRole() async throws {
        guard Service.redis.check() else { return }
        let ok = await probe("redis://probe:probe-secret@127.0.0.1:56379/2", role: "master").run(within: .seconds(5))
        #expect(ok.failure == nil)
        #expect(ok.message == "PONG, role master")
        let wrongRole = await probe("redis://probe:probe-secret@127.0.0.1:56379", role: "replica").run(within: .seconds(5))
        #expect(wrongRole.failure == FailureReason(.assertion, "expected role replica, got master"))
    }

    @Test("no password: NOAUTH is an auth failure", .enabled(if: Service.redis.shouldRun, Service.redis.skipComment))
    func noAuth() async throws {
        guard Service.redis.check() else { return }
        let outcome = await probe("redis://127.0.0.1:56379").run(within: .seconds(5))
        #expect(outcome.failure?.kind == .auth)
        #expect(outcome.failure?.message.contains("NOAUTH") == true)
    }

    @Test("wrong password: WRONGPASS, and the password is in no message", .enabled(if: Service.redis.shouldRun, Service.redis.skipComment))
    func wrongPassword() async throws {
        guard Service.redis.check() else { return }
        let outcome = await probe("redis://probe:not-the-password@127.0.0.1:56379").run(within: .seconds(5))
        #expect(outcome.failure?.kind == .auth)
        #expect(outcome.failure?.message.contains("WRONGPASS") == true)
        #expect(outcome.failure?.message.contains("not-the-password") == false)
    }

    @Test("a server that stops answers with refused", .enabled(if: Executable.find("redis-server") != nil || Service.required))
    func serverStopped() async throws {
        let executable = try #require(Executable.find("redis-server"), "redis-server is not installed")
        let port = try await ClosedPort.make()
        let server = try await ServerProcess.start(
            executable: executable,
            arguments: ["--port", "\(port)", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--requirepass", "private-secret"],
            readyLine: "Ready to accept connections"
        )
        let url = "redis://:private-secret@127.0.0.1:\(port)"
        let before = await probe(url).run(within: .seconds(5))
        #expect(before.failure == nil)
        await server.stop()
        let after = await probe(url).run(within: .seconds(5))
        #expect(after.failure?.kind == .refused)
    }

    @Test("a server still loading its dataset answers LOADING, with its own reason",
          .enabled(if: Executable.find("redis-server") != nil || Service.required))
    func loading() async throws {
        let executable = try #require(Executable.find("redis-server"), "redis-server is not installed")
        let cli = try #require(Executable.find("redis-cli"), "redis-cli is not installed")
        let dir = FileManager.default.temporaryDirectory.appending(path: "sonde-redis-loading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let common = ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.path]
        // A real dataset on disk: 3000 keys, written by a first server.
        let writerPort = try await ClosedPort.make()
        let writer = try await ServerProcess.start(
            executable: executable, arguments: ["--port", "\(writerPort)", "--enable-debug-command", "local"] + common,
            readyLine: "Ready to accept connections"
        )
        try await Executable.run(cli, ["-p", "\(writerPort)", "DEBUG", "POPULATE", "3000"])
        try await Executable.run(cli, ["-p", "\(writerPort)", "SAVE"])
        await writer.stop()
        // A second server loads it slowly (5 ms a key) and serves clients meanwhile, as a big
        // dataset does after a restart.
        let port = try await ClosedPort.make()
        let loader = try await ServerProcess.start(
            executable: executable,
            arguments: ["--port", "\(port)", "--requirepass", "private-secret", "--key-load-delay", "5000",
                        "--loading-process-events-interval-bytes", "1024"] + common,
            readyLine: "Loading RDB produced by"
        )
        let outcome = await probe("redis://:private-secret@127.0.0.1:\(port)").run(within: .seconds(5))
        await loader.stop()
        #expect(outcome.failure?.kind == .other)
        #expect(outcome.failure?.message.contains("LOADING") == true)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect, PhaseTiming.auth])
    }

    @Test("a listener that never answers times out during the PING")
    func silentServer() async throws {
        let listener = try await NeverAnsweringListener.start()
        defer { Task { await listener.stop() } }
        let outcome = await probe("redis://127.0.0.1:\(listener.port)").run(within: .milliseconds(300))
        #expect(outcome.failure?.kind == .timeout)
        #expect(outcome.failure?.message.contains("during query") == true)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect])
    }
}
