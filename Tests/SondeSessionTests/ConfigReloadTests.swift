import Foundation
import SondeCore
import SondeSession
import Testing

private struct AnsweringProbe: Probe {
    func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome { ProbeOutcome(latency: .milliseconds(2), statusCode: 200) }
}

/// Live config reload as a library: the file rewritten under a running engine.
@Suite struct ConfigReloadTests {
    static func yaml(_ targets: [(String, Int)], comment: Bool = false) -> String {
        (comment ? "# moved down a line: api must keep its schedule\n" : "") + "targets:\n"
            + targets.map { "  - name: \($0.0)\n    tcp: 127.0.0.1:\($0.1)\n    interval: 1s\n" }.joined()
    }

    @Test func aTargetAddedAppearsARemovedOneStopsAndAKeptOneKeepsItsResultsAndSchedule() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sonde.yml").path
        try Self.yaml([("api", 1), ("db", 2)]).write(toFile: path, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: path, environment: [:])

        let clock = ManualClock()
        let store = ObservationStore()
        let engine = ReloadableEngine(
            config: config, factory: { _ in AnsweringProbe() }, commands: NoCommands(), scheduler: Scheduler(control: SchedulerControl(clock: clock)),
            emit: { store.record($0) }
        )
        let run = Task { await engine.run() }
        defer { run.cancel() }
        await engine.control.waitUntilSettled(waiting: 2)
        clock.advance(by: .seconds(1))
        try await waitUntil("round 2 of api and db") { store.current()[target: "api"]?.count == 2 && store.current()[target: "db"]?.count == 2 }

        let reloader = ConfigReloader(config: config, path: path, environment: [:])
        #expect(reloader.check() == nil, "an unchanged file is not read as a change")

        try Self.yaml([("api", 1), ("cache", 3)], comment: true).write(toFile: path, atomically: true, encoding: .utf8)
        guard case .applied(let second)? = reloader.check() else {
            Issue.record("the rewritten config was not applied")
            return
        }
        let changes = engine.apply(second)
        #expect(changes == JobChanges(started: ["cache"], restarted: [], stopped: ["db"], kept: ["api"]))
        #expect(ConfigReload.applied(second).summary(changes) == "config reloaded: added cache; removed db")
        #expect(engine.jobNames == ["api", "cache"])
        try await waitUntil("cache's first round, db stopped") { store.current()[target: "cache"]?.count == 1 && engine.control.waitingJobs == 2 }

        clock.advance(by: .seconds(1))
        try await waitUntil("round 3 of api, round 2 of cache") { store.current()[target: "api"]?.count == 3 && store.current()[target: "cache"]?.count == 2 }
        let observed = store.current()
        #expect(observed[target: "api"]?.last?.sequence == 3, "api kept its schedule: its rounds go on counting")
        #expect(observed[target: "db"]?.count == 2, "db stopped; its results stay in the store for its history")

        // A broken file is refused, with file:line, and the config in use stays.
        try "targets:\n  - name: api\n    tcp: 127.0.0.1:1\n    tiemout: 1s\n".write(toFile: path, atomically: true, encoding: .utf8)
        guard case .refused(let problems)? = reloader.check() else {
            Issue.record("a config with an unknown key was applied")
            return
        }
        #expect(problems.contains { $0.description.contains("sonde.yml:4:5") && $0.description.contains("tiemout") })
        #expect(reloader.current.targets.map(\.name) == ["api", "cache"])
        #expect(reloader.check() == nil, "the same broken bytes are judged once")

        // Fixed: applied again, cache removed this time.
        try Self.yaml([("api", 1)]).write(toFile: path, atomically: true, encoding: .utf8)
        guard case .applied(let fixed)? = reloader.check() else {
            Issue.record("the fixed config was not applied")
            return
        }
        #expect(engine.apply(fixed).stopped == ["cache"])
    }

    @Test func aFileIsJudgedOnlyWhenItsBytesChange() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sonde.yml").path
        try Self.yaml([("api", 1)]).write(toFile: path, atomically: true, encoding: .utf8)
        let reloader = ConfigReloader(config: try ConfigLoader.load(path: path), path: path, environment: [:])
        #expect(reloader.check() == nil)
        // Rewritten with the same bytes: still nothing to judge.
        try Self.yaml([("api", 1)]).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(reloader.check() == nil)
        // Same length, another port: judged, and applied once.
        try Self.yaml([("api", 2)]).write(toFile: path, atomically: true, encoding: .utf8)
        guard case .applied(let config)? = reloader.check() else {
            Issue.record("a changed file was not read again")
            return
        }
        #expect(config.targets.first?.probe == .tcp(TCPSpec(host: "127.0.0.1", port: 2)))
        #expect(reloader.check() == nil)
    }

    @Test func aConfigNamingASecretTheRunDidNotStartWithIsRefusedWithoutShowingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sonde.yml").path
        let environment = ["NEW_TOKEN": "tok-9f8e7d6c5b"]
        try Self.yaml([("api", 1)]).write(toFile: path, atomically: true, encoding: .utf8)
        let reloader = ConfigReloader(config: try ConfigLoader.load(path: path, environment: environment), path: path, environment: environment)
        try """
            targets:
              - name: api
                http: http://127.0.0.1:1/health
                headers:
                  Authorization: Bearer ${NEW_TOKEN}

            """.write(toFile: path, atomically: true, encoding: .utf8)
        guard case .refused(let problems)? = reloader.check() else {
            Issue.record("a new secret was applied to a run whose history and logs do not mask it")
            return
        }
        #expect(problems.map(\.description).joined().contains("restart sonde"))
        #expect(!problems.map(\.description).joined().contains("tok-9f8e7d6c5b"))
    }
}

/// These configs have no suites, so no command ever runs.
private struct NoCommands: CommandRunning {
    func run(_ command: String, in directory: String?, timeout: Duration) async -> CommandOutcome {
        CommandOutcome(exitStatus: nil, timedOut: false, output: "", launchError: "no commands in this test")
    }
}
