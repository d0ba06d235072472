import Foundation
import Testing
@testable import SondeCore

/// Values from the environment in a URL are secrets wherever they stand (but host and port), and
/// a password with URL syntax in it (`@ / # :`) is still the password.
@Suite("Secrets substituted into URLs")
struct URLSecretsTests {
    static let passwords = ["p@ss/word", "ab#cd-xyz", "us:er:pw", "a?b&c=d%41", "s p@c/e#:?"]

    private func load(_ endpoint: String, kind: String = "postgres", _ environment: [String: String]) throws -> (Target, SondeConfig) {
        let config = try ConfigLoader.parse("targets:\n  - name: t\n    \(kind): \"\(endpoint)\"\n", file: "f.yml", environment: environment)
        return (try #require(config.targets.first), config)
    }

    /// The table and JSON `sonde check` prints for one failed round whose reason echoes `leak`.
    private func checkOutputs(_ target: Target, _ config: SondeConfig, leak: String) -> [String] {
        let outcome = ProbeOutcome.failed(FailureReason(.auth, "server said: bad credentials \(leak)"))
        let result = ProbeResult(target: target.name, kind: target.kind, status: .down, outcome: outcome,
                                 latencyTarget: nil, startedAt: Date(timeIntervalSince1970: 0), sequence: 1)
        let summary = CheckSummary(environment: "t", started: Date(timeIntervalSince1970: 0), targets: [target], results: [result])
        return [CheckText.render(summary, redactor: config.redactor),
                CheckJSON.document(summary, redactor: config.redactor).serialized(pretty: false)]
    }

    @Test(arguments: passwords)
    func aPasswordWithURLSyntaxStaysThePasswordAndIsNeverShown(_ password: String) throws {
        let (target, config) = try load("postgres://sonde:${PGPASSWORD}@127.0.0.1:55432/sonde", ["PGPASSWORD": password])
        guard case .postgres(let spec) = target.probe else { Issue.record("not postgres"); return }
        #expect(spec.url.host == "127.0.0.1")
        #expect(spec.url.port == 55432)
        #expect(spec.url.user(percentEncoded: false) == "sonde")
        #expect(spec.url.password(percentEncoded: false) == password)
        #expect(spec.url.path(percentEncoded: false) == "/sonde")
        let endpoint = target.probe.displayEndpoint
        #expect(endpoint == "postgres://sonde:***@127.0.0.1:55432/sonde")
        for text in checkOutputs(target, config, leak: password) + [endpoint] {
            #expect(!text.contains(password), "\(text)")
        }
    }

    @Test func aTokenOnlyInTheQueryIsMaskedInTheEndpointAndOutputs() throws {
        let (target, config) = try load("http://127.0.0.1:1/health?token=${TOKEN}", kind: "http", ["TOKEN": "tok-3f9a-secret"])
        guard case .http(let spec) = target.probe else { Issue.record("not http"); return }
        #expect(spec.url.query == "token=tok-3f9a-secret")
        let outputs = checkOutputs(target, config, leak: "tok-3f9a-secret")
        for text in outputs { #expect(!text.contains("tok-3f9a-secret"), "\(text)") }
        #expect(outputs[1].contains(#""endpoint":"http://127.0.0.1:1/health?token=***""#), "\(outputs[1])")
    }

    @Test func aHostOrPortFromTheEnvironmentIsShown() throws {
        let (target, config) = try load("http://${API_HOST}:${API_PORT}/health", kind: "http", ["API_HOST": "127.0.0.1", "API_PORT": "8080"])
        #expect(target.probe.displayEndpoint == "http://127.0.0.1:8080/health")
        #expect(config.redactor.redact("took 8080 ms") == "took 8080 ms")
    }

    @Test(arguments: [
        ("postgres://sonde:${PGPASSWORD}@/sonde", "has no host"),
        ("http://u:${PGPASSWORD}@[::1/x", "is not a valid URL"),
        ("http://[::1/${PGPASSWORD}", "is not a valid URL"),
    ])
    func configErrorsAboutAURLMaskTheSecret(endpoint: String, problem: String) throws {
        let kind = endpoint.hasPrefix("http") ? "http" : "postgres"
        let error = #expect(throws: ConfigErrors.self) { try load(endpoint, kind: kind, ["PGPASSWORD": "ab#cd/e@f"]) }
        let text = error?.description ?? ""
        #expect(text.contains(problem), "\(text)")
        for part in ["ab#cd/e@f", "ab%23cd%2Fe%40f", "cd/e"] { #expect(!text.contains(part), "\(text)") }
    }

    @Test func aPasswordWrittenInAnInvalidURLIsMaskedToo() {
        let error = #expect(throws: ConfigErrors.self) { try load("http://u:literal-pw@[::1/x", kind: "http", [:]) }
        #expect(error?.description == "f.yml:3:11: targets[0].http: 'http://u:***@[::1/x' is not a valid URL")
    }

    @Test func userAndPasswordInOneVariableAreSplitAtTheirFirstColon() throws {
        let (target, config) = try load("postgres://${PGCREDS}@127.0.0.1:55432/sonde", ["PGCREDS": "sonde:pa:ss@w/rd"])
        guard case .postgres(let spec) = target.probe else { Issue.record("not postgres"); return }
        #expect(spec.url.user(percentEncoded: false) == "sonde")
        #expect(spec.url.password(percentEncoded: false) == "pa:ss@w/rd")
        #expect(spec.url.host == "127.0.0.1")
        #expect(config.redactor.redact("pa:ss@w/rd") == "***")
    }

    @Test func aRedisPasswordWithURLSyntaxIsDecodedWhole() throws {
        let (target, _) = try load("redis://:${REDIS_PASSWORD}@127.0.0.1:56379/0", kind: "redis", ["REDIS_PASSWORD": "r@d/s#1:x"])
        guard case .redis(let spec) = target.probe else { Issue.record("not redis"); return }
        #expect(spec.url.password(percentEncoded: false) == "r@d/s#1:x")
        #expect(spec.url.host == "127.0.0.1")
    }
}
