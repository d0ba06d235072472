import Foundation
import Testing

/// `sonde watch` in a pseudo-terminal while its config file is edited, and stepped through
/// the history it records.
@Suite("Live config reload and time travel, end to end", .serialized, .enabled(if: PtySession.shouldRun, PtySession.skipComment))
struct LiveConfigEndToEndTests {
    static func yaml(_ names: [String]) -> String {
        "environment: reload-test\ntargets:\n" + names.map { "  - name: \($0)\n    tcp: 127.0.0.1:1\n    interval: 1s\n" }.joined()
    }

    @Test("Editing the config adds a row; a broken edit shows its problems and keeps the rows; [ and L travel and come back")
    func editUnderARunningDashboard() throws {
        let directory = try ScratchDirectory.make("reload")
        defer { ScratchDirectory.remove(directory) }
        let config = directory.appendingPathComponent("sonde.yml").path
        try Self.yaml(["first-target"]).write(toFile: config, atomically: true, encoding: .utf8)
        let report = try PtySession.run(["watch", config], cols: 120, rows: 30, steps: [
            .waitFor("first-target"),
            .writeFile(path: config, contents: Self.yaml(["first-target", "added-later"])),
            .waitFor("added-later"), .waitFor("config reloaded: added added-later"), .snapshot("added"),
            .writeFile(path: config, contents: Self.yaml(["first-target"]) + "    tiemout: 1s\n"),
            .waitFor("config not applied (1 problem)"), .snapshot("broken"),
            .writeFile(path: config, contents: Self.yaml(["first-target"])),
            .waitGone("config not applied"), .waitFor("config reloaded: removed added-later"), .snapshot("fixed"),
            .keys("["), .waitForPattern("HISTORY \\d\\d:\\d\\d:\\d\\d \\(-1m\\)"), .snapshot("history"),
            .keys("L"), .waitGone("HISTORY"),
            .keys("q"), .waitExit(),
        ])
        #expect(report.ok, "stopped at \(report.failure ?? [:]):\n\(report.screens["at_failure"] ?? "")")
        let broken = report.screens["broken"] ?? ""
        #expect(broken.contains("sonde.yml:6:5: targets[0]"), "the problem's file:line: \(broken)")
        #expect(broken.contains("added-later"), "the previous config's rows stay")
        let fixed = report.screens["fixed"] ?? ""
        #expect(fixed.contains("first-target"))
        #expect(!fixed.split(separator: "\n").contains { $0.hasPrefix("│") && $0.contains("added-later") }, "the removed target's row went")
        #expect(report.exit_status == 0)
        #expect(report.terminalRestored)
    }

    @Test("--at opens on a moment in history; L goes live")
    func openAt() throws {
        let directory = try ScratchDirectory.make("at")
        defer { ScratchDirectory.remove(directory) }
        let config = directory.appendingPathComponent("sonde.yml").path
        try Self.yaml(["only-target"]).write(toFile: config, atomically: true, encoding: .utf8)
        let report = try PtySession.run(["watch", config, "--at", "-2h"], cols: 120, rows: 30, steps: [
            .waitForPattern("HISTORY \\d\\d:\\d\\d:\\d\\d \\(-2h00m\\)"), .waitFor("history holds nothing from the hour before"),
            .keys("L"), .waitGone("HISTORY"), .keys("q"), .waitExit(),
        ])
        #expect(report.ok, "stopped at \(report.failure ?? [:]):\n\(report.screens["at_failure"] ?? "")")
        #expect(report.exit_status == 0)
    }

    @Test("With --no-history the time-travel keys say why they do nothing")
    func noHistory() throws {
        let directory = try ScratchDirectory.make("nohistory")
        defer { ScratchDirectory.remove(directory) }
        let config = directory.appendingPathComponent("sonde.yml").path
        try Self.yaml(["only-target"]).write(toFile: config, atomically: true, encoding: .utf8)
        let report = try PtySession.run(["watch", config, "--no-history"], cols: 120, rows: 30, steps: [
            .waitFor("only-target"), .keys("["), .waitFor("runs with --no-history"), .keys("q"), .waitExit(),
        ])
        #expect(report.ok, "stopped at \(report.failure ?? [:]):\n\(report.screens["at_failure"] ?? "")")
        #expect(report.exit_status == 0)
    }
}

/// `--at` that cannot be read, or cannot be served, stops before the dashboard opens.
@Suite("watch --at refusals")
struct WatchAtRefusalTests {
    @Test func aTimeThatCannotBeReadIsSaidWithTheFormsThatCanExit2() async throws {
        let directory = try ScratchDirectory.make("at-bad")
        defer { ScratchDirectory.remove(directory) }
        let config = directory.appendingPathComponent("sonde.yml")
        try LiveConfigEndToEndTests.yaml(["a"]).write(to: config, atomically: true, encoding: .utf8)
        let bad = try await SondeProcess.run(["watch", config.path, "--at", "yesterday"])
        #expect(bad.status == 2, "\(bad.all)")
        #expect(bad.stderr.contains("--at 'yesterday': not a time I can read; type 14:02, 14:02:30, -15m"), "\(bad.stderr)")
        let noHistory = try await SondeProcess.run(["watch", config.path, "--at", "-15m", "--no-history"])
        #expect(noHistory.status == 64, "\(noHistory.all)")
        #expect(noHistory.stderr.contains("--at shows history, so it cannot be used with --no-history"), "\(noHistory.stderr)")
    }
}
