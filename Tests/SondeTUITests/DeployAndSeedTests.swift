import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("Seed from history, deploy markers and the Deploy view")
struct DeployAndSeedTests {
    typealias F = DashboardFixture

    /// Ten backend results, 5 s apart: 30 ms before t=25, 400 ms (over the limit) after.
    static func history() -> [ProbeResult] {
        (0..<10).map { i in F.result("backend", ms: i < 5 ? 30 : 400, at: TimeInterval(i * 5), sequence: i + 1) }
    }

    @Test("A seed fills windows, sparklines and the event log as live results would")
    func seed() {
        var state = F.state()
        let marker = DeployMarker(name: "v1.5", at: F.start.addingTimeInterval(22), source: .detected, target: "backend", fromVersion: "1.4", toVersion: "1.5")
        _ = Update.apply(.seed(DashboardSeed(results: Self.history(), markers: [marker])), to: &state)
        #expect(state.observed[target: "backend"]?.count == 10)
        #expect(state.observed[target: "backend"]?.log.count == 10)
        #expect(state.events.first == .deploy(marker) || state.events.contains(.deploy(marker)))
        let text = F.text(state)
        #expect(text.contains("deploy v1.5 (backend 1.4 -> 1.5)"))
        #expect(text.contains("┃"), "the sparkline marks the deploy")
        #expect(text.contains("up -> slow"))
    }

    @Test("d asks the loop to mark a deploy; the marker lands in the log, newest first")
    func markDeploy() {
        var state = F.populated()
        #expect(Update.apply(.key(.character("d")), to: &state) == [.markDeploy])
        let marker = DeployMarker(name: "manual", at: F.start.addingTimeInterval(60), source: .manual)
        _ = Update.apply(.deployMarker(marker), to: &state)
        _ = Update.apply(.deployMarker(marker), to: &state)
        #expect(state.markers == [marker])
        #expect(state.events.first == .deploy(marker))
    }

    @Test("Deploy view: before / after p50, p95, errors per target; a regression is called out")
    func deployView() throws {
        var state = F.state(width: 140, height: 30)
        _ = Update.apply(.seed(DashboardSeed(results: Self.history())), to: &state)
        _ = Update.apply(.deployMarker(DeployMarker(name: "v2", at: F.start.addingTimeInterval(24), source: .manual)), to: &state)
        _ = Update.apply(.key(.character("D")), to: &state)
        #expect(state.screen == .deploys)
        let lines = Renderer.render(state).lines
        let row = try #require(lines.first { $0.contains("✖ backend") })
        #expect(row.contains("30ms"))
        #expect(row.contains("400ms"))
        #expect(row.contains("REGRESSED p95 30ms -> 400ms"))
        #expect(lines.contains { $0.contains("1 target regressed") })
        let auth = try #require(lines.first { $0.contains("auth") })
        #expect(auth.contains("0 results before the deploy"))
        _ = Update.apply(.key(.escape), to: &state)
        #expect(state.screen == .dashboard)
    }

    @Test("Without a marker the Deploy view says how to place one")
    func noMarker() {
        var state = F.populated()
        _ = Update.apply(.key(.character("D")), to: &state)
        #expect(F.text(state).contains("press d when a deploy starts"))
    }
}
