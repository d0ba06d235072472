import Foundation
import Testing

/// `sonde demo --serve`: the simulated staging alone, with a config that `sonde check` runs.
@Suite("Demo staging served alone")
struct DashboardDemoServeTests {
    /// Starts `sonde demo --serve ARGS` and reads the config it prints.
    private func serve(_ arguments: [String] = []) throws -> (server: Process, yaml: String) {
        let server = Process()
        server.executableURL = try SondeProcess.binary
        server.arguments = ["demo", "--serve"] + arguments
        let out = Pipe()
        server.standardOutput = out
        try server.run()
        var yaml = ""
        // The config ends with the suite's interval line; read until it is all there.
        while !yaml.contains("interval: 30s") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            yaml += String(decoding: chunk, as: UTF8.self)
        }
        return (server, yaml)
    }

    @Test("The printed config checks out against the served staging; SIGINT stops it and cleans up")
    func serveAndCheck() async throws {
        let (server, yaml) = try serve()
        defer { if server.isRunning { server.terminate() } }
        let reportPath = try #require(yaml.split(separator: "\n").first { $0.contains("junit:") }?.split(separator: " ").last.map(String.init))
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-serve-\(UUID()).yml")
        try yaml.write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }

        let check = try await SondeProcess.run(["check", config.path])
        #expect(check.status == 0 || check.status == 1, "\(check.all)")
        for target in ["backend", "backend-api", "auth", "frontend", "websocket"] {
            #expect(check.stdout.contains(target))
        }
        #expect(check.stdout.contains("postgres"), "the backend reports its database latencies")

        kill(server.processIdentifier, SIGINT)
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: reportPath), "the demo's temporary report is removed")
    }

    @Test("A deploy in the demo staging (the backend's $.version moves on) is detected and recorded")
    func deployIsDetectedFromTheVersionChange() async throws {
        // 100x: a cycle is 1.8 s and a deploy goes out 1.5 s into each, so 80 rounds 50 ms apart
        // (4 s) always span one.
        let (server, yaml) = try serve(["--speed", "100"])
        defer { if server.isRunning { server.terminate() } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-deploy-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("sonde.yml")
        try yaml.replacingOccurrences(of: "interval: 2s", with: "interval: 50ms").write(to: config, atomically: true, encoding: .utf8)

        let check = try await SondeProcess.run(["check", "--config", config.path, "--rounds", "80"])
        let detected = check.stdout.firstMatch(of: #/deploy 1\.4\.(\d+) \(backend 1\.4\.(\d+) -> 1\.4\.(\d+)\)/#)
        let versions = try #require(detected, "\(check.all)").output
        #expect(Int(versions.2).map { $0 + 1 } == Int(versions.3), "one patch release per deploy: \(check.stdout)")
        #expect(versions.1 == versions.3)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".sonde-history.sqlite").path), "recorded beside the config")
        kill(server.processIdentifier, SIGINT)
        server.waitUntilExit()
    }
}
