import Foundation
import SondeCore
import Testing
@testable import SondeTUI

/// On a small screen the live targets are the last to lose rows: a Modules pane of ten bars and
/// a long event log give up theirs first.
@Suite struct LayoutPriorityTests {
    @Test func at80x24EveryServiceStaysVisibleBesideTenModules() {
        let names = ["backend", "backend-api", "auth", "frontend"]
        let targets = names.map { TargetInfo(name: $0, kind: .http, latencyTarget: .milliseconds(150), request: ["GET http://127.0.0.1/\($0)"]) }
            + [TargetInfo(name: "websocket", kind: .websocket, latencyTarget: nil, request: ["ws://127.0.0.1/ws"])]
        var state = DashboardState(
            environment: "staging", targets: targets, suiteNames: ["e2e"], journeyNames: ["golden path"], redactor: Redactor(secrets: []),
            now: DashboardFixture.start, width: 80, height: 24, glyphs: .unicode, timeZone: TimeZone(identifier: "UTC")!
        )
        let modules = (1...10).map { ModuleResult(name: "test_\($0)_staging", passed: 5, failed: $0 <= 3 ? 1 : 0) }
        let reported = [ReportedMetric(name: "postgres", value: 101), ReportedMetric(name: "redis", value: 17), ReportedMetric(name: "clickhouse", value: 41)]
        for (i, name) in names.enumerated() {
            _ = Update.apply(.event(.result(DashboardFixture.result(name, ms: 20, at: 0, sequence: i + 1, reported: name == "backend" ? reported : []))), to: &state)
        }
        _ = Update.apply(.event(.suite(SuiteResult(name: "e2e", modules: modules))), to: &state)
        _ = Update.apply(.event(.journey(DashboardFixture.journey("golden path", steps: ["frontend", "auth", "backend"], at: 0))), to: &state)

        let text = DashboardFixture.text(state)
        for name in names { #expect(text.contains("● \(name) "), "\(name) is hidden:\n\(text)") }
        #expect(text.contains("Modules"), "the modules pane still shows, smaller:\n\(text)")
        #expect(text.contains("golden path"), "\(text)")
    }
}
