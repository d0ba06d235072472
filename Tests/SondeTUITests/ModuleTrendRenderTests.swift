import Foundation
import SondeCore
import Testing
@testable import SondeTUI

/// What changed since the last run, as the Modules pane and the suite detail draw it: flaky
/// counts and the Flaky line, the pass-rate trend, newly failing / still failing since / fixed,
/// and the new / fixed marks on tests. Exact text, so a changed word or column shows.
@Suite("Modules pane and suite detail: flaky tests and changes since the last run")
struct ModuleTrendRenderTests {
    typealias F = DashboardFixture

    /// Suite e2e read four times, two minutes apart from 15:33:20 UTC. Each module has four tests.
    /// - test_1_websocket: test_ws fails in runs 1-3, passes in run 4 (fixed);
    /// - test_2_messages: passes, then test_m fails in run 4 (newly failing);
    /// - test_3_agent_pipeline: test_a and test_b fail from run 3; in run 4 test_b passes and
    ///   test_c fails (still failing since 15:37, 2 runs; test_c new, test_b fixed);
    /// - test_4_orchestration: passes throughout; test_reconnect passes on its third try in run 4.
    static func run(_ index: Int) -> SuiteResult {
        let failing: [String: [String]] = switch index {
        case 0, 1: ["test_1_websocket": ["test_ws"]]
        case 2: ["test_1_websocket": ["test_ws"], "test_3_agent_pipeline": ["test_a", "test_b"]]
        default: ["test_2_messages": ["test_m"], "test_3_agent_pipeline": ["test_a", "test_c"]]
        }
        let flaky = index == 3 ? [FlakyTest(module: "test_4_orchestration", name: "test_reconnect", tries: 3, cause: "ConnectionResetError")] : []
        let modules = ["test_1_websocket", "test_2_messages", "test_3_agent_pipeline", "test_4_orchestration"].map { name in
            let failed = failing[name] ?? []
            return ModuleResult(name: name, passed: 4 - failed.count, failed: failed.count, failedTests: failed, flaky: flaky.filter { $0.module == name })
        }
        let groups = failing.isEmpty ? [] : [FailureGroup(cause: "AssertionError: expected 200, got 503", count: failing.values.map(\.count).reduce(0, +),
                                                          modules: failing.keys.sorted())]
        return SuiteResult(name: "e2e", modules: modules, failureGroups: groups, readAt: F.start.addingTimeInterval(Double(index) * 120))
    }

    static func state(width: Int = 120, height: Int = 40) -> DashboardState {
        var state = F.state(width: width, height: height)
        for index in 0..<4 { _ = Update.apply(.event(.suite(run(index))), to: &state) }
        return state
    }

    /// Lines as text, trailing spaces dropped.
    static func text(_ lines: [Line]) -> [String] {
        lines.map { line in
            var text = line.map(\.text).joined()
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
    }

    @Test("Each module row: counts, bar, pass-rate trend, N flaky, and its standing; then causes and the Flaky line")
    func modulesPaneLines() {
        let state = Self.state()
        let lines = ModulesPane.lines(state, width: 100)
        #expect(Self.text(lines) == [
            "● test_1_websocket         4/4 ████████████████████████ ▆▆▆█ fixed",
            "✖ test_2_messages          3/4 ██████████████████▓▓▓▓▓▓ ███▆ newly failing",
            "✖ test_3_agent_pipeline    2/4 ████████████▓▓▓▓▓▓▓▓▓▓▓▓ ██▅▅ still failing since 15:37 (2 runs)",
            "● test_4_orchestration     4/4 ████████████████████████ ████ 1 flaky",
            "Top failure causes",
            " 3 tests in 2 modules: AssertionError: expected 200, got 503",
            "Flaky 1: test_4_orchestration::test_reconnect (3 tries)",
        ])
        let styles = lines.map { line in Dictionary(line.map { ($0.text.trimmingCharacters(in: .whitespaces), $0.style) }, uniquingKeysWith: { a, _ in a }) }
        #expect(styles[0]["fixed"] == Style(.up, bold: true))
        #expect(styles[1]["newly failing"] == Style(.down, bold: true))
        #expect(styles[2]["still failing since 15:37 (2 runs)"] == Style(.down))
        #expect(styles[3]["1 flaky"] == Style(.slow))
        #expect(styles[6]["Flaky 1:"] == Style(.slow, bold: true))
    }

    @Test("On a narrow pane the trend goes, the bars give up columns, and a long standing takes its compact form")
    func narrowPane() {
        #expect(Self.text(Array(ModulesPane.lines(Self.state(width: 80), width: 60).prefix(4))) == [
            "● test_1_websocket         4/4 █████████ fixed",
            "✖ test_2_messages          3/4 ██████▓▓▓ newly failing",
            "✖ test_3_agent_pipeline    2/4 ████▓▓▓▓▓ failing since 15:37",
            "● test_4_orchestration     4/4 █████████ 1 flaky",
        ])
    }

    @Test("At any width a module row fits its pane and ends in a whole word: the trend goes before the standing is cut")
    func rowsNeverCutTheStanding() {
        let endings = ["fixed", "newly failing", "still failing since 15:37 (2 runs)", "failing since 15:37", "1 flaky"]
        for width in 40...120 {
            let rows = Self.text(Array(ModulesPane.lines(Self.state(width: max(80, width)), width: width).prefix(4)))
            for row in rows {
                #expect(DisplayWidth.of(row) <= width, "\(width): \(row)")
                #expect(endings.contains { row.hasSuffix($0) } || row.last.map { "█▓░".contains($0) } == true, "\(width): \(row)")
            }
        }
    }

    @Test("A module that ran no tests in a run shows a dot in its trend")
    func trendDotForARunWithoutTests() {
        var state = F.state(width: 120, height: 40)
        let readAt = { (minute: Double) in F.start.addingTimeInterval(minute * 60) }
        _ = Update.apply(.event(.suite(SuiteResult(name: "e2e", modules: [ModuleResult(name: "test_db", passed: 2)], readAt: readAt(0)))), to: &state)
        _ = Update.apply(.event(.suite(SuiteResult(name: "e2e", modules: [ModuleResult(name: "test_db", skipped: 2)], readAt: readAt(2)))), to: &state)
        _ = Update.apply(.event(.suite(SuiteResult(name: "e2e", modules: [ModuleResult(name: "test_db", passed: 1, failed: 1, failedTests: ["test_x"])], readAt: readAt(4)))), to: &state)
        #expect(Self.text(ModulesPane.lines(state, width: 100)).first == "✖ test_db     1/2 ████████████▓▓▓▓▓▓▓▓▓▓▓▓ █·▅ newly failing")
    }

    @Test("At 160x48 the dashboard draws the rows, the causes and the Flaky line in the Modules pane, nothing cut off")
    func onTheScreen() throws {
        let screen = F.text(Self.state(width: 160, height: 48)).split(separator: "\n").map(String.init)
        let top = try #require(screen.firstIndex { $0.contains("Modules 2/4 passing") })
        // The pane's inside: after the Services box's right edge and the Modules box's left edge.
        let pane = screen[(top + 1)...(top + 7)].map { line -> String in
            var inside = String(line.split(separator: "││", maxSplits: 1).last ?? "")
            if inside.hasSuffix("│") { inside.removeLast() }
            while inside.hasSuffix(" ") { inside.removeLast() }
            return inside
        }
        #expect(pane == [
            "● test_1_websocket         4/4 ███████████ fixed",
            "✖ test_2_messages          3/4 ████████▓▓▓ newly failing",
            "✖ test_3_agent_pipeline    2/4 █████▓▓▓▓▓▓ failing since 15:37",
            "● test_4_orchestration     4/4 ███████████ 1 flaky",
            "Top failure causes",
            " 3 tests in 2 modules: AssertionError: expected 200, got 503",
            "Flaky 1: test_4_orchestration::test_reconnect (3 tries)",
        ])
    }

    @Test("The suite detail: each module's trend and standing, the picked module's tests marked new or fixed, and the flaky section")
    func suiteDetail() {
        let state = Self.state()
        #expect(Self.text(SuiteDetailView.lines(state, suite: "e2e", module: "test_3_agent_pipeline")) == [
            "Source  -",
            "Read    15:39:20   2/4 modules passing",
            "",
            "Modules",
            "  ● test_1_websocket  4 passed ▆▆▆█ fixed",
            "  ✖ test_2_messages  3 passed, 1 failed ███▆ newly failing",
            "→ ✖ test_3_agent_pipeline  2 passed, 2 failed ██▅▅ still failing since 15:37 (2 runs)",
            "      ✖ test_a",
            "      ✖ test_c  new",
            "      ● test_b  fixed",
            "  ● test_4_orchestration  4 passed (1 flaky) ████",
            "",
            "Failure causes",
            "  3 tests in 2 modules: AssertionError: expected 200, got 503",
            "    modules test_2_messages, test_3_agent_pipeline",
            "",
            "Flaky tests (passed on a rerun)",
            "  test_4_orchestration::test_reconnect  3 tries  first failed: ConnectionResetError",
        ])
    }

    @Test("Picking the fixed module lists the test it fixed; the newly failing one marks its test new")
    func suiteDetailOtherPicks() {
        let state = Self.state()
        let fixed = Self.text(SuiteDetailView.lines(state, suite: "e2e", module: "test_1_websocket"))
        #expect(fixed.contains("→ ● test_1_websocket  4 passed ▆▆▆█ fixed"))
        #expect(fixed.contains("      ● test_ws  fixed"))
        let newly = Self.text(SuiteDetailView.lines(state, suite: "e2e", module: "test_2_messages"))
        #expect(newly.contains("      ✖ test_m  new"))
        #expect(!newly.contains { $0.contains("fixed") && $0.hasPrefix("      ") }, "no test of test_2_messages was fixed")
    }

    @Test("Opened from the Modules pane with Enter, the detail shows the same on screen")
    func openedWithEnter() {
        var state = Self.state(width: 120, height: 48)
        state.focus = .modules
        state.selection[.modules] = 2
        _ = Update.apply(.key(.enter), to: &state)
        #expect(state.screen == .suite(name: "e2e", module: "test_3_agent_pipeline"))
        let screen = F.text(state)
        #expect(screen.contains("→ ✖ test_3_agent_pipeline  2 passed, 2 failed ██▅▅ still failing since 15:37 (2 runs)"), "\(screen)")
        #expect(screen.contains("✖ test_c  new"))
        #expect(screen.contains("● test_b  fixed"))
        #expect(screen.contains("Flaky tests (passed on a rerun)"))
    }
}
