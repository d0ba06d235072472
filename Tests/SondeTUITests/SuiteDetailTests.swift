import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("Enter on the Modules pane opens the suite's detail")
struct SuiteDetailTests {
    typealias F = DashboardFixture

    private static let output = (1...25).map { "line \($0) of pytest" }.joined(separator: "\n") + "\nFAILED token \(F.secret)\n"

    private func state(height: Int = 50) -> DashboardState {
        var state = F.populated(width: 120, height: height)
        state.suiteSources["e2e"] = .command(run: "pytest -q tests/e2e", output: "out/junit.xml")
        let suite = SuiteResult(
            name: "e2e",
            modules: [ModuleResult(name: "test_1_websocket_events", passed: 3, failed: 2, failedTests: ["test_connect", "test_events"]),
                      ModuleResult(name: "test_4_orchestration", passed: 6)],
            failureGroups: [FailureGroup(cause: "server rejected WebSocket connection: HTTP 500", count: 2, modules: ["test_1_websocket_events"],
                                         tests: ["test_1_websocket_events::test_connect", "test_1_websocket_events::test_events"])],
            readAt: F.start, commandOutput: Self.output, exitStatus: 1
        )
        _ = Update.apply(.event(.suite(suite)), to: &state)
        state.focus = .modules
        return state
    }

    @Test("The suite's command, exit status, modules, causes with tests, and the output's tail, secrets masked")
    func detail() {
        var state = state()
        _ = Update.apply(.key(.enter), to: &state)
        #expect(state.screen == .suite(name: "e2e", module: "test_1_websocket_events"))
        let text = F.text(state)
        #expect(text.contains("suite e2e"))
        #expect(text.contains("run: pytest -q tests/e2e  (JUnit XML in out/junit.xml)"))
        #expect(text.contains("exit status 1"))
        #expect(text.contains("1/2 modules passing"))
        #expect(text.contains("→ ✖ test_1_websocket_events  3 passed, 2 failed"))
        #expect(text.contains("✖ test_connect"))
        #expect(text.contains("● test_4_orchestration  6 passed"))
        #expect(text.contains("2 tests in 1 module: server rejected WebSocket connection: HTTP 500"))
        #expect(text.contains("tests   test_1_websocket_events::test_connect, test_1_websocket_events::test_events"))
        #expect(text.contains("Command output (last 20 of 26 lines)"))
        #expect(text.contains("line 25 of pytest"))
        #expect(!text.contains("line 6 of pytest"), "only the tail")
        #expect(text.contains("FAILED token ***"))
        #expect(!text.contains(F.secret))
        _ = Update.apply(.key(.escape), to: &state)
        #expect(state.screen == .dashboard)
    }

    @Test("j picks the next module; its row is the one marked")
    func secondModule() {
        var state = state()
        _ = Update.apply(.key(.character("j")), to: &state)
        _ = Update.apply(.key(.enter), to: &state)
        #expect(state.screen == .suite(name: "e2e", module: "test_4_orchestration"))
        #expect(F.text(state).contains("→ ● test_4_orchestration"))
        #expect(!F.text(state).contains("✖ test_connect"), "failed tests only under the picked module")
    }

    @Test("An unreadable suite's row is selectable and its detail shows the error")
    func unreadable() {
        var state = state()
        _ = Update.apply(.event(.suite(SuiteResult(name: "smoke", error: "not JUnit XML: unexpected end of file", readAt: F.start, files: ["out/smoke.xml"]))), to: &state)
        state.selection[.modules] = 0
        #expect(state.rowCount(.modules) == 3)
        _ = Update.apply(.key(.enter), to: &state)
        #expect(state.screen == .suite(name: "smoke", module: nil))
        let text = F.text(state)
        #expect(text.contains("files: out/smoke.xml"))
        #expect(text.contains("Error   not JUnit XML: unexpected end of file"))
    }

    @Test("On a short screen j/k scroll the detail to the end of the output, and it reopens at the top")
    func scrolls() {
        var state = state(height: 24)
        _ = Update.apply(.key(.enter), to: &state)
        let top = F.text(state)
        #expect(top.contains("more lines, j/k scroll"))
        #expect(!top.contains("FAILED token"))
        let maxScroll = ScrolledBody.maxScroll(state)
        #expect(maxScroll > 0)
        for _ in 0..<(maxScroll + 10) { _ = Update.apply(.key(.character("j")), to: &state) }
        #expect(state.detailScroll == maxScroll, "j stops at the end")
        let end = F.text(state)
        #expect(end.contains("FAILED token ***"))
        #expect(!end.contains("j/k scroll"))
        _ = Update.apply(.key(.character("k")), to: &state)
        #expect(state.detailScroll == maxScroll - 1)
        _ = Update.apply(.key(.escape), to: &state)
        _ = Update.apply(.key(.enter), to: &state)
        #expect(state.detailScroll == 0)
    }
}
