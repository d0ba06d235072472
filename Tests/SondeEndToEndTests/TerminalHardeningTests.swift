import Foundation
import Testing

/// What a terminal can do to the dashboard: resize storms, a tiny window, a terminal that cannot
/// address the cursor, 8 colours. Each ends with the terminal restored, read back from the pty.
@Suite("Terminal hardening", .serialized, .enabled(if: PtySession.shouldRun, PtySession.skipComment))
struct TerminalHardeningTests {
    @Test("A resize storm lays out again each time and ends on a whole screen")
    func resizeStorm() throws {
        var steps: [PtySession.Step] = [.waitFor("HTTP 200")]
        let sizes = [(50, 12), (200, 60), (80, 24), (61, 17), (132, 43), (20, 6), (100, 30)]
        for round in 0..<4 { for (cols, rows) in sizes { steps.append(.resize(cols: cols + round, rows: rows)) } }
        steps += [.resize(cols: 100, rows: 30), .waitForPattern(ScreenShape.fullWidthBox(cols: 100)), .waitFor("q quit"), .snapshot("after"), .keys("q"), .waitExit()]
        let report = try PtySession.run(["demo"], steps: steps)
        #expect(report.ok, "stopped at \(report.failure ?? [:]):\n\(report.screens["at_failure"] ?? "")")
        let after = report.screens["after"] ?? ""
        #expect(after.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(after.contains("Events"))
        ScreenShape.expectWhole(after, cols: 100, rows: 30)
        #expect(report.exit_status == 0)
        #expect(report.terminalRestored)
    }

    @Test("A 20x6 terminal shows the size it needs, and q still quits")
    func tinyTerminal() throws {
        let report = try PtySession.run(["demo"], cols: 20, rows: 6, steps: [
            .waitFor("Too small: 20x6"), .snapshot("tiny"), .keys("q"), .waitExit(),
        ])
        #expect(report.ok, "stopped at \(report.failure ?? [:]):\n\(report.screens["at_failure"] ?? "")")
        #expect(report.screens["tiny"]?.contains("60x16") == true, "\(report.screens["tiny"] ?? "")")
        #expect(report.exit_status == 0)
        #expect(report.terminalRestored)
    }

    @Test("TERM=xterm (8 colours) draws in basic colours only, never 256-colour or RGB sequences")
    func eightColours() throws {
        let report = try PtySession.demoScreen(env: ["TERM": "xterm"])
        #expect(report.ok, "\(report.stopped)")
        #expect(report.screens["screen"]?.contains("Services") == true)
        #expect(report.colors.basic, "no colour at all under TERM=xterm")
        #expect(!report.colors.indexed && !report.colors.rgb, "\(report.colors)")
        #expect(report.exit_status == 0)
        #expect(report.terminalRestored, "\(report.restored)")
    }

    @Test("NO_COLOR in a 256-colour UTF-8 terminal: no colour SGR at all, the dashboard still drawn")
    func noColor() throws {
        let report = try PtySession.demoScreen(env: ["NO_COLOR": "1"])
        #expect(report.ok, "\(report.stopped)")
        #expect(report.screens["screen"]?.contains("─ Services") == true)
        #expect(!report.colors.any, "colour SGR under NO_COLOR: \(report.colors)")
        #expect(report.terminalRestored, "\(report.restored)")
    }

    @Test("TERM=dumb cannot place the cursor: a clear message, exit 2, the terminal untouched")
    func dumbTerminal() throws {
        let report = try PtySession.run(["demo"], env: ["TERM": "dumb"], steps: [.waitExit(10), .snapshot("dumb")])
        // The message wraps at the terminal's width: read it as one line.
        let screen = (report.screens["dumb"] ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(report.exit_status == 2, "\(screen)")
        #expect(screen.contains("cannot move the cursor"), "\(screen)")
        #expect(screen.contains("sonde check"), "\(screen)")
        #expect(report.cooked == true)
    }
}
