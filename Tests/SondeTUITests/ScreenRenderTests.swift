import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("Screens render as text")
struct ScreenRenderTests {
    @Test("Detail view: the request with secrets masked, figures, the reason in full, phases")
    func detailView() {
        // Tall enough for the charts and the recent results below them.
        var state = DashboardFixture.populated(height: 60)
        _ = Update.apply(.key(.enter), to: &state)
        #expect(state.screen == .detail(target: "backend"))
        let text = DashboardFixture.text(state)
        #expect(text.contains("GET https://api.staging.example/health"))
        #expect(text.contains("Authorization: ***"))
        #expect(text.contains("[http_status] HTTP 503 (expected 200); token ***"))
        #expect(text.contains("connect 1.0ms"))
        #expect(text.contains("Reported") == false || text.contains("postgres"))
        #expect(!text.contains(DashboardFixture.secret))
        _ = Update.apply(.key(.escape), to: &state)
        #expect(state.screen == .dashboard)
    }

    @Test("Detail view: the trace id of the latest result, so a backend trace can be looked up")
    func detailViewShowsTheTraceID() {
        var state = DashboardFixture.populated(height: 60)
        _ = Update.apply(.key(.enter), to: &state)
        #expect(!DashboardFixture.text(state).contains("Trace "), "results without a traceparent show none")
        var traced = DashboardFixture.result("backend", ms: 20, at: 20, sequence: 4)
        traced.outcome.traceID = TraceID(hex: "4bf92f3577b34da6a3ce929d0e0e4736")
        _ = Update.apply(.event(.result(traced)), to: &state)
        let line = DashboardFixture.text(state).split(separator: "\n").first { $0.contains("Trace ") }
        #expect(line?.contains("Trace   4bf92f3577b34da6a3ce929d0e0e4736") == true, "\(String(describing: line))")
    }

    @Test("Help overlay lists every binding of the key map")
    func helpOverlay() {
        var state = DashboardFixture.populated()
        _ = Update.apply(.key(.character("?")), to: &state)
        let text = DashboardFixture.text(state)
        for binding in state.keyMap.bindings {
            #expect(text.contains(binding.description), "help lacks \(binding.description)")
        }
        #expect(text.contains("q ^C"))
        _ = Update.apply(.key(.character("x")), to: &state)
        #expect(!DashboardFixture.text(state).contains("any key closes this help"))
    }

    @Test("A terminal too small for any layout shows the size it needs, and q still quits")
    func tooSmall() {
        var state = DashboardFixture.populated(width: 50, height: 12)
        let text = DashboardFixture.text(state)
        #expect(text.contains("Terminal too small: 50x12"))
        #expect(text.contains("at least \(Layout.minimumWidth)x\(Layout.minimumHeight)"))
        #expect(Update.apply(.key(.character("q")), to: &state) == [.quit])
    }

    @Test("A resize lays out again", arguments: [(80, 24), (120, 40), (200, 60)])
    func resize(width: Int, height: Int) {
        var state = DashboardFixture.populated()
        _ = Update.apply(.resize(width: width, height: height), to: &state)
        let canvas = Renderer.render(state)
        #expect(canvas.width == width && canvas.height == height)
        for pane in ["Services", "Databases", "WebSockets", "Modules", "Events"] {
            #expect(canvas.text.contains(pane), "\(pane) missing at \(width)x\(height)")
        }
        #expect(canvas.lines.allSatisfy { DisplayWidth.of($0) <= width })
    }

    @Test("ASCII fallback: every screen is plain ASCII", arguments: ["dashboard", "detail", "help", "deploys"])
    func asciiFallback(screen: String) {
        var state = DashboardFixture.populated(glyphs: .ascii)
        _ = Update.apply(.deployMarker(DeployMarker(name: "v2", at: DashboardFixture.start.addingTimeInterval(7), source: .manual)), to: &state)
        switch screen {
        case "detail": _ = Update.apply(.key(.enter), to: &state)
        case "help": _ = Update.apply(.key(.character("?")), to: &state)
        case "deploys": _ = Update.apply(.key(.character("D")), to: &state)
        default: break
        }
        let text = DashboardFixture.text(state)
        let foreign = text.unicodeScalars.filter { !$0.isASCII }
        #expect(foreign.isEmpty, "non-ASCII on the \(screen) screen: \(String(String.UnicodeScalarView(foreign)))")
        #expect(text.contains("+-"))
    }

    @Test("Mono: status still reads without colour (glyph and bold differ)")
    func monoStatus() throws {
        let theme = try ThemeCatalog(userDirectory: nil).load("mono")
        #expect(ColorRole.allCases.allSatisfy { theme.color($0) == .terminalDefault })
        let canvas = Renderer.render(DashboardFixture.populated())
        let lines = canvas.lines
        let y = try #require(lines.firstIndex { $0.contains("backend") && $0.contains("p95") })
        let x = try #require(lines[y].firstIndex(of: "✖")).utf16Offset(in: lines[y])
        #expect(canvas[x, y].style.bold)
        let upY = try #require(lines.firstIndex { $0.contains("● redis") })
        #expect(!canvas[1, upY].style.bold)
    }
}
