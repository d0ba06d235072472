import Foundation
import Testing

/// `sonde agent`: headless, logs to stderr, stops cleanly on SIGTERM, refuses bad input clearly.
@Suite("sonde agent, end to end")
struct AgentEndToEndTests {
    func writeConfig(_ yaml: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("sonde.yml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func aBadMetricsAddressNamesTheFlag() async throws {
        let directory = try ScratchDirectory.make("agent-flag")
        defer { ScratchDirectory.remove(directory) }
        let config = try writeConfig("targets:\n  - name: a\n    tcp: 127.0.0.1:1\n", in: directory)
        for command in ["agent", "watch"] {
            let output = try await SondeProcess.run([command, config.path, "--metrics", "127.0.0.1", "--no-history"])
            #expect(output.status == 64, "\(command): \(output.all)")
            #expect(output.stderr.contains("--metrics: '127.0.0.1' has no port; write HOST:PORT, like 127.0.0.1:9464"), "\(command): \(output.stderr)")
        }
    }

    @Test func aBadLocationNamesFileLineAndKey() async throws {
        let directory = try ScratchDirectory.make("agent-location")
        defer { ScratchDirectory.remove(directory) }
        let config = try writeConfig("location: eu west\ntargets:\n  - name: a\n    tcp: 127.0.0.1:1\n", in: directory)
        let output = try await SondeProcess.run(["agent", config.path, "--no-history"])
        #expect(output.status == 2, "\(output.all)")
        #expect(output.stderr.contains("sonde.yml:1:11: location: 'eu west' is not a location name"), "\(output.stderr)")
    }

    @Test func aPortInUseStopsTheAgentWithTheAddress() async throws {
        let directory = try ScratchDirectory.make("agent-port")
        defer { ScratchDirectory.remove(directory) }
        let config = try writeConfig("targets:\n  - name: a\n    tcp: 127.0.0.1:1\n", in: directory)
        let first = try LongRunningProcess(executable: try SondeProcess.binary, arguments: ["agent", config.path, "--metrics", "127.0.0.1:0", "--no-history"])
        let port = try AgentAddress.port(in: try await first.waitFor("/metrics"))
        let second = try await SondeProcess.run(["agent", config.path, "--metrics", "127.0.0.1:\(port)", "--no-history"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("cannot serve metrics on 127.0.0.1:\(port): the port is in use"), "\(second.stderr)")
        _ = await first.stop()
    }

    @Test func sigtermStopsProbingCommitsHistoryAndExitsZero() async throws {
        let directory = try ScratchDirectory.make("agent-stop")
        defer { ScratchDirectory.remove(directory) }
        let config = try writeConfig("location: lab\ninterval: 200ms\ntargets:\n  - name: closed\n    tcp: 127.0.0.1:1\n", in: directory)
        let history = directory.appendingPathComponent("history.db")
        let agent = try LongRunningProcess(executable: try SondeProcess.binary, arguments: ["agent", config.path, "--history", history.path])
        let started = try await agent.waitFor("closed down")
        #expect(started.contains("probing 1 targets"), "\(started)")
        #expect(started.contains("location lab"))
        #expect(started.contains("no --metrics"))
        let status = await agent.stop(signal: SIGTERM)
        #expect(status == 0, "\(agent.output)")
        #expect(agent.terminationReason == .exit)
        #expect(agent.output.contains("stopped (SIGTERM); history committed"), "\(agent.output)")
        let recorded = try await SondeProcess.run(["history", "closed", "--history", history.path, "--config", config.path])
        #expect(recorded.status == 0, "\(recorded.all)")
        #expect(recorded.stdout.contains("refused"), "\(recorded.stdout)")
    }
}

extension AgentEndToEndTests {
    @Test func anEditedConfigIsAppliedOnSIGHUPAndABrokenOneIsRefusedWithItsLine() async throws {
        let directory = try ScratchDirectory.make("agent-reload")
        defer { ScratchDirectory.remove(directory) }
        let first = "interval: 200ms\ntargets:\n  - name: closed\n    tcp: 127.0.0.1:1\n"
        let config = try writeConfig(first, in: directory)
        let agent = try LongRunningProcess(executable: try SondeProcess.binary, arguments: ["agent", config.path, "--no-history"])
        _ = try await agent.waitFor("closed down")
        try (first + "  - name: second\n    tcp: 127.0.0.1:2\n").write(to: config, atomically: true, encoding: .utf8)
        agent.send(SIGHUP)
        _ = try await agent.waitFor("config reloaded: added second")
        _ = try await agent.waitFor("second down")
        try (first + "    tiemout: 1s\n").write(to: config, atomically: true, encoding: .utf8)
        agent.send(SIGHUP)
        let refused = try await agent.waitFor("config not applied (1 problem)")
        _ = try await agent.waitFor("sonde.yml:5:5")
        #expect(!refused.contains("removed second"), "the broken config was not applied")
        let status = await agent.stop(signal: SIGTERM)
        #expect(status == 0, "SIGHUP did not stop the agent: \(agent.output)")
    }
}

/// The port an agent says it serves on: `metrics on http://127.0.0.1:PORT/metrics`.
enum AgentAddress {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func port(in output: String) throws -> Int {
        guard let range = output.range(of: "metrics on http://127.0.0.1:"),
              let port = Int(output[range.upperBound...].prefix { $0.isNumber }) else {
            throw Missing(description: "no 'metrics on http://127.0.0.1:PORT' in: \(output.suffix(400))")
        }
        return port
    }
}
