import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("A flapping target is marked in the Services pane")
struct FlappingRenderTests {
    private func state(_ pattern: String, failures: Int = 2, window: Int = 10) -> DashboardState {
        var state = DashboardFixture.state()
        state.observed = Observations(flapping: HistorySettings(flapFailures: failures, flapWindow: window))
        DashboardFixture.feed(pattern, to: &state)
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

    @Test("A window longer than the recent results still counts k of n over all n")
    func windowLongerThanRecent() {
        let pattern = "xxx" + String(repeating: ".", count: 17)
        #expect(pattern.count > Observations.Limits().recent)
        #expect(authRow(state(pattern, failures: 3, window: 20)).contains("flapping 3/20 failed"))
        // One more good result pushes the first failure out of the window: 2 of 20 is below k.
        #expect(!authRow(state(pattern + ".", failures: 3, window: 20)).contains("flapping"))
    }

    @Test("A window longer than the result log keeps enough results for it")
    func windowLongerThanLog() {
        let window = Observations.Limits().log + 50
        let pattern = "xx" + String(repeating: ".", count: window - 2)
        let flapping = state(pattern, failures: 2, window: window)
        #expect(flapping.observed[target: "auth"]?.log.count == window)
        #expect(authRow(flapping).contains("flapping 2/\(window) failed"))
    }
}
