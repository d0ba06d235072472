import Foundation
import SondeCore
@testable import SondeTUI

/// Half an hour of a staging as a wall screen shows it, fixed to the second: every target of
/// `DashboardFixture` probed every 10 s with latencies from a formula, backend failing for a
/// minute, a deploy at minute 20, one suite. What the whole-screen goldens draw.
enum WallFixture {
    static let minutes = 30
    static var now: Date { DashboardFixture.start.addingTimeInterval(Double(minutes * 60)) }

    static func state(width: Int, height: Int, glyphs: Glyphs = .unicode) -> DashboardState {
        var state = DashboardFixture.state(width: width, height: height, glyphs: glyphs)
        let reported = { (i: Int) in [ReportedMetric(name: "postgres", value: 90 + Double(i % 7) * 3), ReportedMetric(name: "clickhouse", value: 40 + Double(i % 5))] }
        for i in 0..<(minutes * 6) {
            let t = Double(i * 10)
            let wave = Double((i * 37) % 23)
            let backendDown = (100..<106).contains(i)
            let results = [
                DashboardFixture.result("backend", ms: backendDown ? 12 : 35 + wave + (i >= 120 ? 40 : 0), code: backendDown ? 503 : 200,
                                        failure: backendDown ? FailureReason(.httpStatus, "HTTP 503 (expected 200)") : nil,
                                        at: t, sequence: i + 1, reported: backendDown ? [] : reported(i)),
                DashboardFixture.result("auth", ms: 180 + wave * 8, at: t + 1, sequence: i + 1, goal: .milliseconds(300)),
                DashboardFixture.result("websocket", kind: .websocket, ms: 60 + wave, code: nil, at: t + 2, sequence: i + 1, goal: .milliseconds(250)),
                DashboardFixture.result("redis", kind: .redis, ms: 0.3 + wave / 50, code: nil, at: t + 3, sequence: i + 1, goal: nil),
            ]
            for result in results { _ = Update.apply(.event(.result(result)), to: &state) }
            if i == 120 {
                _ = Update.apply(.deployMarker(DeployMarker(name: "v2.4", at: DashboardFixture.start.addingTimeInterval(t), source: .flag)), to: &state)
            }
        }
        _ = Update.apply(.event(.suite(DashboardFixture.suite)), to: &state)
        _ = Update.apply(.tick(now), to: &state)
        return state
    }
}
