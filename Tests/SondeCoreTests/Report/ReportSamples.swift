import Foundation
@testable import SondeCore

/// A report shaped like the staging reports in shared/seeds: health endpoints, a WebSocket,
/// a database, a five-step golden path with one failing step, and ten-ish pytest modules.
enum ReportSamples {
    static let started = Date(timeIntervalSince1970: 1_757_000_000)

    static func target(_ name: String, _ probe: ProbeSpec, goal: Duration? = nil, expect: ExpectedFailure? = nil) -> Target {
        Target(name: name, interval: .seconds(5), timeout: .seconds(3), latencyTarget: goal, probe: probe, expectedFailure: expect)
    }

    static func url(_ text: String) -> URL {
        guard let url = URL(string: text) else { preconditionFailure(text) }
        return url
    }

    static let backend = target("backend", .http(HTTPSpec(url: url("https://api.staging.example/health"))), goal: .milliseconds(500),
                                expect: ExpectedFailure(condition: .status(503), description: "Service Unavailable"))
    static let api = target("api", .http(HTTPSpec(url: url("https://api.staging.example/api/health"))), goal: .milliseconds(100))
    static let ws = target("ws", .websocket(WebSocketSpec(url: url("wss://api.staging.example/ws"))), goal: .milliseconds(50),
                           expect: ExpectedFailure(condition: .timeout, description: "Connection timeouts"))
    static let postgres = target("postgres", .postgres(PostgresSpec(url: url("postgres://app:pw-secret@127.0.0.1:5432/app"))))
    static let chat = target("chat-init", .http(HTTPSpec(url: url("https://api.staging.example/api/chat/init"))))

    static func result(_ target: Target, _ status: Status, ms: Double?, code: Int? = nil, failure: FailureReason? = nil,
                       reported: [ReportedMetric] = [], message: String? = nil, sequence: Int = 1) -> ProbeResult {
        ProbeResult(
            target: target.name, kind: target.kind, status: status,
            outcome: ProbeOutcome(latency: ms.map(Duration.milliseconds), reported: reported, failure: failure, statusCode: code, message: message),
            latencyTarget: target.latencyTarget, startedAt: started, sequence: sequence
        )
    }

    static var results: [ProbeResult] {
        [
            result(backend, .up, ms: 410, code: 200, reported: [ReportedMetric(name: "postgres", value: 101.46), ReportedMetric(name: "redis", value: 17.92)]),
            result(api, .up, ms: 85, code: 200),
            result(ws, .slow, ms: 778, message: #"{"type":"connect","data":{"mode":"main"}}"#),
            result(postgres, .up, ms: 12),
            result(chat, .down, ms: 9, code: 404, failure: FailureReason(.httpStatus, "HTTP 404 (expected 2xx)")),
        ]
    }

    static let journeySpec = JourneySpec(
        name: "golden path",
        steps: ["Frontend Load", "Auth Service Check", "Backend API Health", "WebSocket Connection", "Chat Init Endpoint"].map {
            JourneySpec.Step(name: $0, target: chat)
        },
        interval: .seconds(30), expectedFailure: ExpectedFailure(condition: .down, description: "Complete user journey fails")
    )

    static var journeyRun: JourneyResult {
        let latencies: [Double] = [173, 193, 160, 697]
        var steps = zip(journeySpec.steps, latencies).map { step, ms in
            JourneyResult.StepResult(name: step.name, result: result(chat, .up, ms: ms, code: 200))
        }
        steps.append(.init(name: "Chat Init Endpoint", result: result(chat, .down, ms: 31, code: 404, failure: FailureReason(.httpStatus, "HTTP 404 (expected 2xx)"))))
        return JourneyResult(name: "golden path", steps: steps, startedAt: started)
    }

    static func pytestSuite() throws -> SuiteResult {
        let cases = try JUnitParser.parse(try SuiteFixtures.data("pytest/report.xml"), source: "report.xml")
        return SuiteAggregator.result(name: "staging e2e", cases: cases, files: ["report.xml"], readAt: started)
    }

    static func report(withSuite: Bool = true) throws -> Report {
        Report(
            environment: "staging", started: started, finished: started.addingTimeInterval(2.5), rounds: 1,
            targets: [backend, api, ws, postgres, chat], results: results,
            journeys: [journeySpec], journeyRuns: [journeyRun], suites: withSuite ? [try pytestSuite()] : []
        )
    }

    static let redactor = Redactor(secrets: ["pw-secret"])
}
