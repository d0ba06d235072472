import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// Debian's monitoring-plugins (check_dummy, check_tcp), run as `exec:` targets.
@Suite("exec probe: Nagios plugins", .enabled(if: ExecTests.available || Service.required))
struct ExecProbeTests {
    private func run(_ arguments: [String], within budget: Duration = .seconds(3)) async -> ProbeOutcome {
        await ExecProbe(spec: ExecSpec(arguments: arguments)).run(within: budget)
    }

    @Test func exitCodesAreUpSlowDownAndUnknown() async {
        guard ExecTests.check() else { return }
        let ok = await run([ExecTests.plugin("check_dummy"), "0", "all good"])
        #expect(ok.failure == nil && ok.warning == nil)
        #expect(ok.message == "OK: all good")
        #expect(ProbeResult.judge(ok, latencyTarget: nil) == .up)

        let warning = await run([ExecTests.plugin("check_dummy"), "1", "disk 85%"])
        #expect(warning.warning == FailureReason(.plugin, "WARNING: disk 85%"))
        #expect(ProbeResult.judge(warning, latencyTarget: nil) == .slow)

        let critical = await run([ExecTests.plugin("check_dummy"), "2", "replica lag 40s"])
        #expect(critical.failure == FailureReason(.plugin, "CRITICAL: replica lag 40s"))

        let unknown = await run([ExecTests.plugin("check_dummy"), "3", "cannot tell"])
        #expect(unknown.failure == FailureReason(.plugin, "UNKNOWN: UNKNOWN: cannot tell"))
    }

    @Test func checkTCPPerfdataBecomesReportedFigures() async throws {
        guard ExecTests.check() else { return }
        let listener = try await NeverAnsweringListener.start()
        let port = String(listener.port)
        let up = await run([ExecTests.plugin("check_tcp"), "-H", "127.0.0.1", "-p", port])
        await listener.stop()
        #expect(up.failure == nil, "\(String(describing: up.failure))")
        let time = try #require(up.reported.first { $0.name == "time" })
        #expect(time.unit == "s")
        #expect(time.value >= 0 && time.value < 3)

        let down = await run([ExecTests.plugin("check_tcp"), "-H", "127.0.0.1", "-p", port])
        #expect(down.failure?.kind == .plugin)
        #expect(down.failure?.message.contains("Connection refused") == true, "\(String(describing: down.failure))")
    }

    @Test func timeoutKillsTheWholeProcessGroup() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-exec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: marker) }
        let started = ContinuousClock.now
        let outcome = await run(["/bin/sh", "-c", "sleep 30 & echo $! > \(marker.path); wait"], within: .milliseconds(500))
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(outcome.failure?.kind == .timeout)
        #expect(outcome.failure?.message.hasPrefix("sh did not finish within") == true, "\(String(describing: outcome.failure))")
        let child = try #require(Int32(try String(contentsOf: marker, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // The background sleep was in the plugin's group: gone, or at most a zombie awaiting its reaper.
        // SIGKILL is delivered when the kernel next schedules it, so a loaded machine may show it
        // running for a moment: wait for the kernel to finish it, but far less than its 30 s.
        let state = await ExecTests.stateAfterKill(child, within: .seconds(5))
        #expect(state == nil || state == "Z", "sleep \(child) is still \(state ?? "")")
    }

    @Test func missingProgramAndNoOutput() async {
        let missing = await run(["no-such-plugin-sonde"])
        #expect(missing.failure == FailureReason(.config, "cannot run no-such-plugin-sonde: no-such-plugin-sonde was not found in PATH"))
        let silent = await run(["/bin/sh", "-c", "echo oops >&2; exit 2"])
        #expect(silent.failure == FailureReason(.plugin, "printed nothing on stdout; stderr: oops"))
    }
}

enum ExecTests {
    static let directory = "/usr/lib/nagios/plugins"

    /// The process's state letter from /proc (nil once it is gone), polled until it is gone or a
    /// zombie, or `limit` has passed.
    static func stateAfterKill(_ pid: Int32, within limit: Duration) async -> String? {
        let deadline = ContinuousClock.now + limit
        while true {
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first.map(String.init)
            if state == nil || state == "Z" || ContinuousClock.now >= deadline { return state }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
    static func plugin(_ name: String) -> String { "\(directory)/\(name)" }
    static var available: Bool { FileManager.default.isExecutableFile(atPath: plugin("check_dummy")) }

    static func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        if available { return true }
        Issue.record("monitoring plugins are required (SONDE_REQUIRE_SERVICES=1) but \(directory) has no check_dummy: apt-get install monitoring-plugins-basic", sourceLocation: sourceLocation)
        return false
    }
}
