import Foundation
import Testing

/// The built `sonde` binary in a pseudo-terminal: screens read back as a terminal shows them,
/// keys, resizes, and the terminal restored however the dashboard ends.
@Suite("Dashboard end to end", .serialized, .enabled(if: PtySession.shouldRun, PtySession.skipComment))
struct DashboardEndToEndTests {
    @Test("sonde demo: panes fill in; ?, Tab, Enter, Esc work; q quits and restores the terminal")
    func keys() throws {
        let report = try PtySession.run(["demo"], steps: [
            .waitFor("HTTP 200"), .waitFor("Modules 7/10 passing"), .waitFor("golden path"), .snapshot("dashboard"),
            .keys("?"), .waitFor("any key closes this help"), .snapshot("help"),
            .keys("\u{1B}"), .waitGone("any key closes this help"),
            .keys("\t"), .keys("\t"), .keys("\u{1B}[Z"), .keys("\u{1B}[Z"),
            // The latency chart heads the detail view; the recent results follow below the fold.
            .keys("\r"), .waitFor("Latency last 15m"), .snapshot("detail"),
            .keys("\u{1B}"), .waitFor("─ Services"),
            .keys("q"), .waitExit(),
        ])
        #expect(report.ok, "stopped at \(report.failure ?? [:]):\n\(report.screens["at_failure"] ?? "")")
        let dashboard = report.screens["dashboard"] ?? ""
        for text in ["demo-staging", "backend", "auth", "frontend", "postgres", "reported by backend", "websocket", "golden path", "Events", "q quit"] {
            #expect(dashboard.contains(text), "dashboard lacks \(text)")
        }
        #expect(report.screens["help"]?.contains("list every key (this help)") == true)
        #expect(report.screens["detail"]?.contains("GET http://127.0.0.1:") == true, "Tab, Tab, Shift-Tab, Shift-Tab is back on Services; Enter opens backend")
        #expect(report.exit_status == 0)
        #expect(report.terminalRestored, "rmcup/cnorm/cooked: \(report.restored) \(String(describing: report.cooked))")
        // The control for the NO_COLOR test: with colours allowed, the driver does see them.
        #expect(report.colors.any)
    }

    @Test("Resizing lays out again; too small shows the size needed and q still quits")
    func resize() throws {
        let report = try PtySession.run(["demo"], cols: 120, rows: 40, steps: [
            .waitFor("HTTP 200"),
            .resize(cols: 50, rows: 12), .waitFor("Terminal too small: 50x12"), .snapshot("small"),
            .resize(cols: 80, rows: 24), .waitForPattern(ScreenShape.fullWidthBox(cols: 80)), .snapshot("standard"),
            .resize(cols: 160, rows: 48), .waitForPattern(ScreenShape.fullWidthBox(cols: 160)), .snapshot("wide"),
            .resize(cols: 50, rows: 12), .waitFor("Terminal too small"),
            .keys("q"), .waitExit(),
        ])
        #expect(report.ok, "stopped at \(report.failure ?? [:]):\n\(report.screens["at_failure"] ?? "")")
        #expect(report.screens["small"]?.contains("needs at least 60x16") == true)
        let standard = report.screens["standard"] ?? ""
        #expect(standard.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(standard.contains("Services") && standard.contains("Events"))
        ScreenShape.expectWhole(standard, cols: 80, rows: 24)
        ScreenShape.expectWhole(report.screens["wide"] ?? "", cols: 160, rows: 48)
        #expect(report.exit_status == 0)
        #expect(report.terminalRestored)
    }

    @Test("SIGTERM, SIGHUP and SIGINT restore the terminal and exit with 128 + the signal", arguments: [("TERM", 15), ("HUP", 1), ("INT", 2)])
    func signals(name: String, number: Int) throws {
        let report = try PtySession.run(["demo"], steps: [.waitFor("HTTP 200"), .signal(name), .waitExit()])
        #expect(report.ok, "stopped at \(report.failure ?? [:]):\n\(report.screens["at_failure"] ?? "")")
        #expect(report.exit_status == 128 + number)
        #expect(report.terminalRestored, "after SIG\(name): \(report.restored) cooked=\(String(describing: report.cooked))")
    }

    @Test("A crash restores the terminal before the process dies")
    func crash() throws {
        // Swift's backtracer (which the crash handler hands over to) is off: it is slow, and asks
        // for a key on a terminal. The restore happens before it either way.
        let report = try PtySession.run(["demo", "--crash-after", "1.5"], env: ["SWIFT_BACKTRACE": "enable=no"],
                                        steps: [.waitFor("HTTP 200"), .waitExit(10)])
        #expect(report.ok, "stopped at \(report.failure ?? [:]):\n\(report.screens["at_failure"] ?? "")")
        #expect(report.exit_status == -Int(SIGILL) || report.exit_status == -Int(SIGTRAP))
        #expect(report.terminalRestored, "after a crash: \(report.restored) cooked=\(String(describing: report.cooked))")
    }

    @Test("The demo's WebSocket outage shows as an upgrade rejected with HTTP 500")
    func websocketOutage() throws {
        // At 12x the story, the outage runs from 3.3 s to 5.8 s of each 15 s cycle.
        let report = try PtySession.run(["demo", "--speed", "12"], cols: 160, rows: 48, steps: [
            .waitFor("server rejected WebSocket connection: HTTP 500", timeout: 25), .snapshot("outage"),
            .keys("q"), .waitExit(),
        ])
        #expect(report.ok, "stopped at \(report.failure ?? [:]):\n\(report.screens["at_failure"] ?? "")")
        #expect(report.screens["outage"]?.contains("websocket up -> down") == true)
        #expect(report.terminalRestored)
    }

    @Test("ASCII when the locale is not UTF-8, and NO_COLOR is honoured")
    func asciiLocale() throws {
        let report = try PtySession.demoScreen(env: ["LANG": "C", "LC_ALL": "C", "NO_COLOR": "1"])
        #expect(report.ok, "\(report.stopped)")
        let screen = report.screens["screen"] ?? ""
        #expect(screen.contains("+- Services"))
        let foreign = screen.unicodeScalars.filter { !$0.isASCII }
        #expect(foreign.isEmpty, "non-ASCII on screen:\n\(screen)")
        #expect(!report.colors.any, "NO_COLOR=1 but colour SGR was written: \(report.colors)")
        #expect(report.terminalRestored)
    }

    @Test("An unknown TERM is a clear error with exit 2, not curses exiting on its own")
    func unknownTerminal() throws {
        let report = try PtySession.run(["demo"], env: ["TERM": "no-such-terminal"], steps: [.waitExit(10), .snapshot("error")])
        #expect(report.exit_status == 2)
        #expect(report.screens["error"]?.contains("'no-such-terminal' is not in the terminfo database") == true)
        #expect(report.cooked == true)
    }

    @Test("sonde watch without a terminal says so, suggests sonde check, and exits 2")
    func watchWithoutTerminal() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-watch-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("sonde.yml")
        try "targets:\n  - name: local\n    http: http://127.0.0.1:9/health\n".write(to: config, atomically: true, encoding: .utf8)
        let output = try await SondeProcess.run(["watch", config.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("not a terminal"))
        #expect(output.stderr.contains("sonde check"))
    }
}
