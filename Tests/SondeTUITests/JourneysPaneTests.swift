import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("Journeys pane: steps left to right with their status")
struct JourneysPaneTests {
    typealias F = DashboardFixture

    /// golden path: four steps pass, chat init fails with HTTP 404, send is skipped.
    private func state(width: Int, glyphs: Glyphs = .unicode) -> DashboardState {
        var state = F.populated(width: width, height: 40, glyphs: glyphs)
        let passed = ["frontend", "auth", "backend", "websocket"].enumerated().map { index, name in
            JourneyResult.StepResult(name: name, result: F.result(name, ms: 20, at: Double(index), goal: nil))
        }
        let failed = JourneyResult.StepResult(name: "chat init", result: F.result("chat", ms: 17, code: 404,
                                                                                   failure: FailureReason(.httpStatus, "HTTP 404 (expected 200)"), at: 5, goal: nil))
        let steps = passed + [failed, JourneyResult.StepResult(name: "send", result: nil)]
        _ = Update.apply(.event(.journey(JourneyResult(name: "golden path", steps: steps, startedAt: F.start))), to: &state)
        return state
    }

    private func row(_ state: DashboardState) -> String {
        F.text(state).split(separator: "\n").map(String.init).first { $0.contains("golden path") && $0.contains("4/6") } ?? ""
    }

    private func paneRow(width: Int, glyphs: Glyphs = .unicode) -> String {
        JourneysPane.lines(state(width: 160, glyphs: glyphs), width: width).first.map { $0.map(\.text).joined() } ?? ""
    }

    @Test("Wide: every step by name in order, the latency and the reason")
    func wide() {
        let line = paneRow(width: 130)
        #expect(DisplayWidth.of(line) <= 130)
        #expect(line.contains("✖ golden path 4/6"), "\(line)")
        #expect(line.contains("✓ frontend › ✓ auth › ✓ backend › ✓ websocket › ✖ chat init › ○ send"), "\(line)")
        #expect(line.contains("97ms"))
        #expect(line.contains("HTTP 404 (expected 200)"))
    }

    @Test("80 columns: passed steps shrink, the failing step and its reason stay, nothing spills")
    func narrow() {
        let line = row(state(width: 80))
        #expect(line.contains("✖ chat init"), "\(line)")
        #expect(line.contains("HTTP 404"), "\(line)")
        #expect(!line.contains("frontend"), "passed steps shrink first: \(line)")
        #expect(line.contains("✓ › ✓ › ✓ › ✓ › ✖ chat init") || line.contains("✓4 › ✖ chat init"), "\(line)")
        #expect(DisplayWidth.of(line) <= 80)
    }

    @Test("Narrowest layout: passed steps are counted")
    func minimum() {
        let line = row(state(width: Layout.minimumWidth))
        #expect(line.contains("✓4 › ✖ chat init"), "\(line)")
        #expect(line.contains("HTTP 404"), "\(line)")
    }

    @Test("ASCII: the same chain in plain characters")
    func ascii() {
        let line = paneRow(width: 130, glyphs: .ascii)
        #expect(line.contains("+ frontend > + auth > + backend > + websocket > X chat init > . send"), "\(line)")
    }
}
