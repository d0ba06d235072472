import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("A flapping target is marked in the Services pane")
struct FlappingRenderTests {
    private func state(_ pattern: String) -> DashboardState {
        var state = DashboardFixture.state()
        state.flapping = HistorySettings(flapFailures: 2, flapWindow: 10)
        for (i, mark) in pattern.enumerated() {
            let failure = mark == "x" ? FailureReason(.httpStatus, "HTTP 503 (expected 200)") : nil
            let result = DashboardFixture.result("auth", ms: 40, code: failure == nil ? 200 : 503, failure: failure,
                                                 at: Double(i * 5), sequence: i + 1, goal: .milliseconds(300))
            _ = Update.apply(.event(.result(result)), to: &state)
        }
        return state
    }

    private func authRow(_ state: DashboardState) -> String {
        DashboardFixture.text(state).split(separator: "\n").map(String.init).first { $0.contains("auth") && $0.contains("p95") } ?? ""
    }

    @Test func upNowButFailingTwoOfTenSaysFlapping() {
        #expect(authRow(state("..x...x...")).contains("flapping 2/10 failed"))
    }

    @Test func steadyTargetsAndDownTargetsAreNotCalledFlapping() {
        #expect(!authRow(state("..........")).contains("flapping"))
        #expect(!authRow(state("..x.......")).contains("flapping"))
        let down = authRow(state("..x......x"))
        #expect(down.contains("HTTP 503 (expected 200)"))
        #expect(!down.contains("flapping"))
    }
}
