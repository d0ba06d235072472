import Testing
@testable import SondeCore

/// Broken configs, each with the exact message a person sees (file:line:column: key: message).
@Suite("Config errors name the file, line, column and key")
struct ConfigErrorTableTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var yaml: String
        var environment: [String: String] = [:]
        var expected: [String]
        var testDescription: String { label }
    }

    static let url = "http://127.0.0.1:1/"

    static let cases: [Case] = [
        Case(label: "unknown top-level key suggests the nearest",
             yaml: "tiemout: 3s\ntargets:\n  - name: a\n    http: \(url)\n",
             expected: ["f.yml:1:1: tiemout: unknown key 'tiemout', did you mean 'timeout'?"]),
        Case(label: "unknown target key suggests the nearest",
             yaml: "targets:\n  - name: a\n    http: \(url)\n    intervl: 5s\n",
             expected: ["f.yml:4:5: targets[0].intervl: unknown key 'intervl', did you mean 'interval'?"]),
        Case(label: "unset variable is named",
             yaml: "targets:\n  - name: a\n    http: \(url)\n    headers: { Authorization: \"Bearer ${NOPE_TOKEN}\" }\n",
             expected: ["f.yml:4:31: targets[0].headers.Authorization: environment variable 'NOPE_TOKEN' is not set (use ${NOPE_TOKEN:-default} for a fallback)"]),
        Case(label: "YAML syntax error",
             yaml: "targets:\n  - name: a\n    http: [unclosed\n",
             expected: ["f.yml:4:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"]),
        Case(label: "wrong types",
             yaml: "interval: 5\ntargets: {}\n",
             expected: ["f.yml:1:11: interval: '5' is not a duration; write it like 250ms, 5s or 2m",
                        "f.yml:2:10: targets: expected a list, found a mapping"]),
        Case(label: "negative and zero durations",
             yaml: "targets:\n  - name: a\n    http: \(url)\n    interval: -5s\n  - name: b\n    http: \(url)\n    timeout: 0s\n",
             expected: ["f.yml:4:15: targets[0].interval: '-5s' is negative; durations must be positive",
                        "f.yml:7:14: targets[1].timeout: must be greater than zero"]),
        Case(label: "duplicate target names",
             yaml: "targets:\n  - name: a\n    http: \(url)\n  - name: a\n    http: \(url)\n",
             expected: ["f.yml:4:5: targets[1]: duplicate target name 'a' (first at line 2); names must be unique"]),
        Case(label: "bad URL scheme",
             yaml: "targets:\n  - name: a\n    http: ftp://127.0.0.1/\n",
             expected: ["f.yml:3:11: targets[0].http: URL scheme 'ftp' is not supported here; use http:// or https://"]),
        Case(label: "URL without a host",
             yaml: "targets:\n  - name: a\n    http: \"http://\"\n",
             expected: ["f.yml:3:11: targets[0].http: URL 'http://' has no host"]),
        Case(label: "target without a kind",
             yaml: "targets:\n  - name: a\n",
             expected: ["f.yml:2:5: targets[0]: target 'a' needs one of: http, websocket, postgres, redis, clickhouse, tcp, dns, icmp, exec, prometheus, grpc"]),
        Case(label: "key of another kind",
             yaml: "targets:\n  - name: a\n    tcp: 127.0.0.1:1\n    headers: { X: y }\n",
             expected: ["f.yml:4:14: targets[0].headers: 'headers' does not apply to tcp targets"]),
        Case(label: "bad status expectation",
             yaml: "targets:\n  - name: a\n    http: \(url)\n    expect: { status: teapot }\n",
             expected: ["f.yml:4:23: targets[0].expect.status: 'teapot' is not a status; write 200, [200, 204], \"200-299\" or 2xx"]),
        Case(label: "bad latency",
             yaml: "targets:\n  - name: a\n    http: \(url)\n    expect: { latency: fast }\n",
             expected: ["f.yml:4:24: targets[0].expect.latency: 'fast' is not a duration; write it like 250ms, 5s or 2m"]),
        Case(label: "a duration too long to be meant (once a trap) is rejected",
             yaml: "interval: 3000000h\ntargets:\n  - name: a\n    http: \(url)\n",
             expected: ["f.yml:1:11: interval: '3000000h' is too long; durations go up to 366d"]),
        Case(label: "an infinite duration",
             yaml: "targets:\n  - name: a\n    http: \(url)\n    timeout: 1e400s\n",
             expected: ["f.yml:4:14: targets[0].timeout: '1e400s' is too long; durations go up to 366d"]),
        Case(label: "a NaN latency",
             yaml: "targets:\n  - name: a\n    http: \(url)\n    expect: { latency: nanms }\n",
             expected: ["f.yml:4:24: targets[0].expect.latency: 'nanms' is not a duration; write it like 250ms, 5s or 2m"]),
        Case(label: "a size past Int64",
             yaml: "targets:\n  - name: a\n    http: \(url)\n    max_body: 99999999999999999999GiB\n",
             expected: ["f.yml:4:15: targets[0].max_body: '99999999999999999999GIB' is not a size from 1B to 1GiB"]),
        Case(label: "a status code past Int64",
             yaml: "targets:\n  - name: a\n    http: \(url)\n    expect: { status: 99999999999999999999 }\n",
             expected: ["f.yml:4:23: targets[0].expect.status: '99999999999999999999' is not a status; write 200, [200, 204], \"200-299\" or 2xx"]),
        Case(label: "a count past Int64",
             yaml: "history: { flap_window: 99999999999999999999 }\ntargets:\n  - name: a\n    http: \(url)\n",
             expected: ["f.yml:1:25: history.flap_window: expected a whole number, found '99999999999999999999'"]),
        Case(label: "rediss:// is refused until the probe speaks TLS",
             yaml: "targets:\n  - name: c\n    redis: rediss://127.0.0.1:6379/0\n",
             expected: ["f.yml:3:12: targets[0].redis: rediss:// (TLS) is not supported yet; use redis://"]),
        Case(label: "a WebSocket reply expected without a send",
             yaml: "targets:\n  - name: w\n    websocket: ws://127.0.0.1:1/ws\n    expect: { reply: pong }\n",
             expected: ["f.yml:4:22: targets[0].expect.reply: needs 'send:': the reply is the first message after the one Sonde sends"]),
        Case(label: "a rejected upgrade with a number that is no status",
             yaml: "targets:\n  - name: w\n    websocket: ws://127.0.0.1:1/ws\n    expect_failure: { rejected: 99999999999999 }\n",
             expected: ["f.yml:4:33: targets[0].expect_failure.rejected: 99999999999999 is not an HTTP status (100...599)"]),
        Case(label: "empty file",
             yaml: "",
             expected: ["f.yml is empty; it needs at least 'targets:'"]),
        Case(label: "nothing to watch",
             yaml: "environment: staging\n",
             expected: ["f.yml:1:1: nothing to watch: add at least one entry under 'targets:'"]),
    ]

    @Test(arguments: cases)
    func brokenConfigGivesItsExactMessages(_ testCase: Case) throws {
        let error = #expect(throws: ConfigErrors.self) {
            try ConfigLoader.parse(testCase.yaml, file: "f.yml", environment: testCase.environment)
        }
        #expect(error?.errors.map(\.description) == testCase.expected)
    }

    @Test func errorsAcrossTargetsAreAllReportedAtOnce() throws {
        let yaml = "targets:\n  - name: a\n    http: ftp://x/\n  - name: b\n    tcp: nope\n  - name: c\n    http: \(Self.url)\n"
        let error = #expect(throws: ConfigErrors.self) { try ConfigLoader.parse(yaml, file: "f.yml") }
        #expect(error?.errors.count == 2)
        #expect(error?.errors.map(\.keyPath) == ["targets[0].http", "targets[1].tcp"])
    }

    @Test func missingFileIsNamed() {
        let error = #expect(throws: ConfigErrors.self) { try ConfigLoader.load(path: "/nonexistent/sonde.yml", environment: [:]) }
        #expect(error?.description == "/nonexistent/sonde.yml does not exist")
    }

    @Test func secretInAnInvalidURLIsMaskedInTheMessage() {
        let yaml = "targets:\n  - name: a\n    postgres: \"ftp://u:${PGPW}@127.0.0.1/db\"\n"
        let error = #expect(throws: ConfigErrors.self) {
            try ConfigLoader.parse(yaml, file: "f.yml", environment: ["PGPW": "hunter2-secret"])
        }
        let text = error?.description ?? ""
        #expect(!text.isEmpty)
        #expect(!text.contains("hunter2-secret"))
    }
}
