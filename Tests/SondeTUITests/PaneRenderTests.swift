import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("Panes render as text")
struct PaneRenderTests {
    let screen = DashboardFixture.text(DashboardFixture.populated())

    @Test("Services: status glyph, latency against its goal, p95, success rate, last reason")
    func services() {
        let lines = screen.split(separator: "\n").map(String.init)
        let backend = lines.first { $0.contains("backend") && $0.contains("p95") } ?? ""
        #expect(backend.contains("✖ backend"))
        #expect(backend.contains("66%"))
        #expect(backend.contains("HTTP 503 (expected 200)"))
        let auth = lines.first { $0.contains("auth") && $0.contains("p95") } ?? ""
        #expect(auth.contains("▲ auth"))
        #expect(auth.contains("420ms/300ms"))
        #expect(auth.contains("over 300ms"))
    }

    @Test("Databases: direct probes and figures a service reports, labelled with the service")
    func databases() {
        #expect(screen.contains("◆ postgres"))
        #expect(screen.contains("101ms reported by backend"))
        #expect(screen.contains("● redis"))
        #expect(screen.contains("direct"))
        // backend's last probe failed: its figures stay, marked stale.
        #expect(screen.contains("stale: backend"))
    }

    @Test("WebSockets: the rejection reason with its status")
    func websockets() {
        let row = screen.split(separator: "\n").first { $0.contains("websocket") && $0.contains("hs") } ?? ""
        #expect(row.contains("✖ websocket"))
        #expect(row.contains("server rejected WebSocket connection: HTTP 500"))
    }

    @Test("Modules: pass counts, bars, and the top failure cause")
    func modules() {
        #expect(screen.contains("Modules 1/2 passing"))
        #expect(screen.contains("✖ test_1_websocket_events"))
        #expect(screen.contains("3/5"))
        #expect(screen.contains("2 tests in 1 module: server rejected WebSocket connection: HTTP 500"))
    }

    @Test("Events: time-stamped state changes, newest first, secrets masked")
    func events() throws {
        let lines = screen.split(separator: "\n").map(String.init)
        let change = try #require(lines.firstIndex { $0.contains("15:33:30 ✖ backend 200 -> 503") })
        #expect(lines[change].contains("token ***"))
        #expect(!screen.contains(DashboardFixture.secret))
    }

    @Test("Header: environment, counts up / slow / down, clock to the minute")
    func header() {
        let header = screen.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("staging"))
        #expect(header.contains("● 1 up"))
        #expect(header.contains("▲ 1 slow"))
        #expect(header.contains("✖ 2 down"))
        #expect(header.hasSuffix("15:33"))
    }

    @Test("Footer is generated from the key map")
    func footer() {
        var state = DashboardFixture.populated(width: 200)
        state.keyMap.bindings.append(KeyBinding([.character("x")], label: "x", "explode", "a key added for the test", .quit))
        let footer = Renderer.render(state).lines.last ?? ""
        #expect(footer.contains("q quit"))
        #expect(footer.contains("x explode"))
    }

    @Test("Panes with nothing configured give their space to the others")
    func unconfiguredPanes() {
        var state = DashboardFixture.state()
        state.targets = state.targets.filter { $0.kind == .http }
        state.configuredSuites = []
        let text = DashboardFixture.text(state)
        #expect(!text.contains("WebSockets"))
        #expect(!text.contains("Modules"))
        #expect(!text.contains("Databases"))
        #expect(text.contains("Services"))
        #expect(text.contains("Events"))
    }

    @Test("Journeys: steps passed, and the step that failed with its reason")
    func journeys() {
        var state = DashboardFixture.populated(width: 160, height: 40)
        let steps = [
            JourneyResult.StepResult(name: "frontend", result: DashboardFixture.result("frontend", ms: 173, at: 0)),
            JourneyResult.StepResult(name: "chat init", result: DashboardFixture.result("chat", ms: 20, code: 404,
                                                                                   failure: FailureReason(.httpStatus, "HTTP 404 (expected 200)"), at: 1)),
            JourneyResult.StepResult(name: "send", result: nil),
        ]
        _ = Update.apply(.event(.journey(JourneyResult(name: "golden path", steps: steps, startedAt: DashboardFixture.start))), to: &state)
        let text = DashboardFixture.text(state)
        #expect(text.contains("✖ golden path"))
        #expect(text.contains("golden path 1/3"))
        #expect(text.contains("✖ chat init"))
        #expect(text.contains("HTTP 404"))
        state.focus = .journeys
        _ = Update.apply(.key(.enter), to: &state)
        let view = DashboardFixture.text(state)
        #expect(view.contains("journey golden path"))
        #expect(view.contains("skipped (an earlier step failed)"))
    }
}
