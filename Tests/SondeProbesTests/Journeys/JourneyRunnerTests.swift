import Foundation
import SondeCore
import Testing
@testable import SondeProbes

@Suite("Journeys run with real probes against a server on 127.0.0.1")
struct JourneyRunnerTests {
    private func journey(_ steps: String, stopOnFailure: Bool = true, extraTargets: String = "") async throws -> JourneySpec {
        let base = try await JourneyTestServer.baseURL()
        let yaml = """
        timeout: 2s
        targets:
          - name: health
            http: \(base)/health
        \(extraTargets)
        journeys:
          - name: golden path
            stop_on_failure: \(stopOnFailure)
            steps:
        \(steps.replacingOccurrences(of: "BASE", with: base).split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
        """
        let config = try ConfigLoader.parse(yaml, file: "journey.yml")
        return try #require(config.journeys.first)
    }

    private func run(_ spec: JourneySpec) async -> JourneyResult {
        await JourneyRunner(journey: spec, factory: ProbeFactory.make).run()
    }

    static let login = """
    - name: login
      http: BASE/login
      method: POST
      capture:
        token: $.token
        id: $.user.id
        session: header:X-Session
    """

    @Test func capturedValuesFlowIntoLaterSteps() async throws {
        let spec = try await journey("""
        - health
        \(Self.login)
        - name: me
          http: BASE/me/${steps.login.id}
          headers:
            Authorization: Bearer ${steps.login.token}
            X-Session: ${steps.login.session}
        """)
        let result = await run(spec)
        #expect(result.summary == "3/3 steps", "\(result.failureReason ?? "")")
        #expect(result.status == .up)
        #expect(result.steps.map(\.statusText) == ["up", "up", "up"])
        #expect(result.steps.allSatisfy { $0.result?.latency != nil })
        // What was captured is known by name only.
        #expect(result.steps[1].result?.outcome.captures == ["token": "***", "id": "***", "session": "***"])
    }

    static let failingMiddle = """
    - health
    - name: chat_init
      http: BASE/status/404
    - name: after
      http: BASE/health
    """

    @Test func stopsAtTheFirstFailureAndSaysWhy() async throws {
        let spec = try await journey(Self.failingMiddle)
        let result = await run(spec)
        #expect(result.summary == "1/3 steps")
        #expect(result.steps.map(\.statusText) == ["up", "down", "skipped"])
        #expect(result.failingStep?.name == "chat_init")
        #expect(result.failureReason == "chat_init: HTTP 404 (expected 2xx)")
        #expect(result.failingStep?.result?.outcome.statusCode == 404)
    }

    @Test func goesOnAfterAFailureWhenAskedTo() async throws {
        let spec = try await journey(Self.failingMiddle, stopOnFailure: false)
        let result = await run(spec)
        #expect(result.summary == "2/3 steps")
        #expect(result.steps.map(\.statusText) == ["up", "down", "up"])
    }

    @Test func aValueTheResponseLackedFailsTheStepThatNeedsIt() async throws {
        let spec = try await journey("""
        - name: login
          http: BASE/login
          method: POST
          capture:
            refresh: $.refresh_token
        - name: refresh
          http: BASE/me/x
          headers:
            Authorization: Bearer ${steps.login.refresh}
        """)
        let result = await run(spec)
        #expect(result.summary == "1/2 steps")
        let reason = try #require(result.failingStep?.result?.reason)
        #expect(reason.kind == .config)
        #expect(reason.message == "needs ${steps.login.refresh}, but step 'login' captured no 'refresh' (was it in the response?)")
    }

    @Test func aCapturedTokenNeverShowsInWhatIsPublished() async throws {
        let spec = try await journey("""
        \(Self.login)
        - name: echo
          http: BASE/echo?t=${steps.login.token}
        """)
        let result = await run(spec)
        let echo = try #require(result.steps.last?.result)
        #expect(echo.status == .down)
        let published = [echo.reason?.message, echo.outcome.message].compactMap { $0 }.joined(separator: " ")
        // The server echoed the token in its body; the published sample has it masked.
        #expect(echo.outcome.message == "bad request: t=***", "\(published)")
        #expect(!published.contains(JourneyTestServer.token))
        let report = Report(environment: "t", started: Date(), finished: Date(), rounds: 1, targets: [], results: [], journeys: [spec], journeyRuns: [result])
        for text in [MarkdownReport.render(report, redactor: Redactor(secrets: [])), ReportJSON.document(report, redactor: Redactor(secrets: [])).serialized(), JUnitReport.render(report, redactor: Redactor(secrets: []))] {
            #expect(!text.contains(JourneyTestServer.token))
        }
    }

    @Test func aHungStepCostsItsOwnTimeout() async throws {
        let hung = try SilentListener()
        let spec = try await journey("""
        - health
        - name: stuck
          http: http://127.0.0.1:\(hung.port)/
          timeout: 500ms
        """)
        let started = ContinuousClock.now
        let result = await run(spec)
        // Its own 500ms timeout, plus the healthy first step and the engine's grace: nowhere near a hang.
        #expect(ContinuousClock.now - started < .milliseconds(500) + .seconds(2))
        #expect(result.failingStep?.result?.reason?.kind == .timeout)
        #expect(result.summary == "1/2 steps")
    }

    @Test func theEngineSchedulesJourneysAndSuitesBesideTargets() async throws {
        let base = try await JourneyTestServer.baseURL()
        let config = try ConfigLoader.parse("""
        targets:
          - name: health
            http: \(base)/health
        suites:
          - name: missing
            junit: /nonexistent/report.xml
        journeys:
          - name: j
            steps:
              - health
        """, file: "engine.yml")
        var kinds: [String] = []
        for await event in Engine(config: config, factory: ProbeFactory.make, commands: SuiteCommandRunner()).events(rounds: 1) {
            switch event {
            case .result(let r): kinds.append("result:\(r.target)")
            case .journey(let j): kinds.append("journey:\(j.name):\(j.summary)")
            case .suite(let s): kinds.append("suite:\(s.name):\(s.summary)")
            }
        }
        #expect(kinds.sorted() == ["journey:j:1/1 steps", "result:health", "suite:missing:unreadable"])
    }
}
