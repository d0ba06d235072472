import Foundation
import Testing

/// `sonde watch` with a terminal alert channel, in a pseudo-terminal: the notification reaches
/// the terminal as bytes (what travels over SSH to the engineer's desktop), once.
@Suite("Alerts in the dashboard", .serialized, .enabled(if: PtySession.shouldRun, PtySession.skipComment))
struct AlertsEndToEndTests {
    @Test("A target going down fires once: header, event log, one OSC 9, one OSC 777, one BEL; s silences the row")
    func terminalChannel() throws {
        let folder = try ScratchDirectory.make("alerts")
        defer { ScratchDirectory.remove(folder) }
        let config = folder.appendingPathComponent("sonde.yml")
        try """
        environment: staging
        interval: 200ms
        targets:
          - name: closed-port
            tcp: 127.0.0.1:1
        alerts:
          group_wait: 0s
          channels: { desk: { terminal: true } }
          rules: [{ name: down, when: down, for: 2, notify: desk }]
        """.write(to: config, atomically: true, encoding: .utf8)
        let report = try PtySession.run(["watch", config.path, "--no-history"], cols: 120, rows: 30, steps: [
            .waitFor("1 firing"), .waitFor("down firing: closed-port"), .snapshot("firing"),
            .keys("s"), .waitFor("silenced 1h"), .snapshot("silenced"),
            .keys("q"), .waitExit(),
        ])
        #expect(report.ok, "\(report.stopped)")
        #expect(report.exit_status == 0)
        #expect(report.terminalRestored, "\(report.restored)")
        let sent = try #require(report.notifications)
        #expect(sent.osc9 == 1 && sent.osc777 == 1, "one notification, not one per result: \(sent)")
        #expect(sent.bel >= 3, "BEL ends both OSC sequences and rings once: \(sent)")
    }
}
