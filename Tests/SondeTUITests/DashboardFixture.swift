import Foundation
import SondeCore
@testable import SondeTUI

/// A dashboard with a target of every kind and a few results, at a fixed time in UTC.
enum DashboardFixture {
    static let start = Date(timeIntervalSince1970: 1_757_000_000) // 15:33:20 UTC
    static let secret = "s3cr3t-jwt-value"

    static func targets() -> [TargetInfo] {
        [
            TargetInfo(name: "backend", kind: .http, latencyTarget: .milliseconds(150),
                       request: ["GET https://api.staging.example/health", "Authorization: ***"]),
            TargetInfo(name: "auth", kind: .http, latencyTarget: .milliseconds(300), request: ["GET https://auth.staging.example/health"]),
            TargetInfo(name: "websocket", kind: .websocket, latencyTarget: .milliseconds(250), request: ["GET wss://api.staging.example/ws (WebSocket upgrade)"]),
            TargetInfo(name: "redis", kind: .redis, latencyTarget: nil, request: ["redis://cache:6379"]),
        ]
    }

    static func state(width: Int = 100, height: Int = 30, glyphs: Glyphs = .unicode) -> DashboardState {
        DashboardState(
            environment: "staging", targets: targets(), suiteNames: ["e2e"], redactor: Redactor(secrets: [secret]),
            now: start, width: width, height: height, glyphs: glyphs, timeZone: TimeZone(identifier: "UTC")!
        )
    }

    static func result(_ target: String, kind: TargetKind = .http, ms: Double?, code: Int? = 200, failure: FailureReason? = nil,
                       at offset: TimeInterval, sequence: Int = 1, reported: [ReportedMetric] = [], message: String? = nil,
                       goal: Duration? = .milliseconds(150)) -> ProbeResult {
        let outcome = ProbeOutcome(
            latency: ms.map { .milliseconds($0) },
            phases: ms.map { [PhaseTiming(PhaseTiming.connect, .milliseconds(1)), PhaseTiming(PhaseTiming.total, .milliseconds($0))] } ?? [],
            reported: reported, failure: failure, statusCode: code, message: message
        )
        return ProbeResult(target: target, kind: kind, status: ProbeResult.judge(outcome, latencyTarget: goal), outcome: outcome,
                           latencyTarget: goal, startedAt: start.addingTimeInterval(offset), sequence: sequence)
    }

    static let suite = SuiteResult(
        name: "e2e",
        modules: [
            ModuleResult(name: "test_1_websocket_events", passed: 3, failed: 2),
            ModuleResult(name: "test_4_orchestration", passed: 6),
        ],
        failureGroups: [FailureGroup(cause: "server rejected WebSocket connection: HTTP 500", count: 2, modules: ["test_1_websocket_events"])]
    )

    /// Backend up then 503, auth slow, websocket rejected, redis up, one suite.
    static func populated(width: Int = 100, height: Int = 30, glyphs: Glyphs = .unicode) -> DashboardState {
        var state = state(width: width, height: height, glyphs: glyphs)
        let reported = [ReportedMetric(name: "postgres", value: 101.46), ReportedMetric(name: "clickhouse", value: 41.96)]
        let messages: [Message] = [
            .event(.result(result("backend", ms: 42, at: 0, reported: reported))),
            .event(.result(result("backend", ms: 38, at: 5, sequence: 2, reported: reported))),
            .event(.result(result("backend", ms: 12, code: 503, failure: FailureReason(.httpStatus, "HTTP 503 (expected 200); token \(secret)"),
                                  at: 10, sequence: 3))),
            .event(.result(result("auth", ms: 420, at: 10, goal: .milliseconds(300)))),
            .event(.result(result("websocket", kind: .websocket, ms: nil, code: 500,
                                  failure: FailureReason(.upgradeRejected, "server rejected WebSocket connection: HTTP 500"), at: 10, goal: nil))),
            .event(.result(result("redis", kind: .redis, ms: 0.4, code: nil, at: 10, goal: nil))),
            .event(.suite(suite)),
        ]
        for message in messages { _ = Update.apply(message, to: &state) }
        return state
    }

    static func text(_ state: DashboardState) -> String { Renderer.render(state).text }

    /// Feeds one result per mark, 5 s apart from `offset`: `.` answers 200, `x` fails with 503.
    static func feed(_ pattern: String, target: String = "auth", from offset: TimeInterval = 0, to state: inout DashboardState) {
        for (i, mark) in pattern.enumerated() {
            let failure = mark == "x" ? FailureReason(.httpStatus, "HTTP 503 (expected 200)") : nil
            let result = self.result(target, ms: 40, code: failure == nil ? 200 : 503, failure: failure,
                                     at: offset + Double(i * 5), sequence: i + 1, goal: .milliseconds(300))
            _ = Update.apply(.event(.result(result)), to: &state)
        }
    }

    /// A run of `name` whose steps pass, except `failing` (with `reason`); later steps ran too.
    static func journey(_ name: String, steps: [String], failing: String? = nil, reason: String = "HTTP 404",
                        at offset: TimeInterval, sequence: Int = 1) -> JourneyResult {
        let results = steps.map { step in
            let failed = step == failing
            let result = self.result("\(name)/\(step)", ms: 20, code: failed ? 404 : 200,
                                     failure: failed ? FailureReason(.httpStatus, reason) : nil, at: offset, goal: nil)
            return JourneyResult.StepResult(name: step, result: result)
        }
        return JourneyResult(name: name, steps: results, startedAt: start.addingTimeInterval(offset), sequence: sequence)
    }
}
