import Testing
@testable import SondeCore

/// One `sonde validate` lists every problem, in file order: a misspelt key does not hide the
/// problems after it.
@Suite("Config errors are all reported, in file order")
struct ConfigErrorsCollectedTests {
    @Test func anUnknownKeyDoesNotHideTheRestOfTheFile() {
        let yaml = """
            environment: staging
            tiemout: 3s
            targets:
              - name: backend
                htp: http://127.0.0.1:1/
              - name: db
                postgres: postgres://127.0.0.1:1/x
                qurey: SELECT 2
                interval: 0s

            """
        let error = #expect(throws: ConfigErrors.self) { try ConfigLoader.parse(yaml, file: "f.yml") }
        #expect(error?.errors.map(\.description) == [
            "f.yml:2:1: tiemout: unknown key 'tiemout', did you mean 'timeout'?",
            "f.yml:4:5: targets[0]: target 'backend' needs one of: http, websocket, postgres, redis, clickhouse, tcp, dns, icmp, exec, prometheus, grpc",
            "f.yml:5:5: targets[0].htp: unknown key 'htp', did you mean 'http'?",
            "f.yml:8:5: targets[1].qurey: unknown key 'qurey', did you mean 'query'?",
            "f.yml:9:15: targets[1].interval: must be greater than zero",
        ])
    }

    @Test func oneTargetWithSeveralMistakesShowsEachOfThem() {
        let yaml = """
            targets:
              - name: backend
                http: "https://u:${NOPE_PW}@127.0.0.1:1/health"
                interval: -1s
                timeout: soon
                expect: { latency: fast }
                expect_failure: { rejected: 999 }
                subprotocol: chat

            """
        let error = #expect(throws: ConfigErrors.self) { try ConfigLoader.parse(yaml, file: "f.yml") }
        #expect(error?.errors.map(\.keyPath) == [
            "targets[0].http", "targets[0].interval", "targets[0].timeout", "targets[0].expect.latency",
            "targets[0].expect_failure.rejected", "targets[0].subprotocol",
        ], "\(error?.description ?? "")")
        #expect(error?.errors.last?.message == "'subprotocol' does not apply to http targets")
    }

    @Test func errorsWithoutALocationComeFirst() {
        let errors = ConfigErrors([
            ConfigError(location: SourceLocation(file: "f.yml", line: 3, column: 1), keyPath: "b", message: "late"),
            ConfigError(location: nil, keyPath: "", message: "file-level"),
            ConfigError(location: SourceLocation(file: "f.yml", line: 1, column: 9), keyPath: "a", message: "early"),
        ])
        #expect(errors.errors.map(\.message) == ["file-level", "early", "late"])
    }
}
