import Foundation
import Testing

/// `sonde demo --serve`: the simulated staging alone, with a config that `sonde check` runs.
@Suite("Demo staging served alone")
struct DashboardDemoServeTests {
    @Test("The printed config checks out against the served staging; SIGINT stops it and cleans up")
    func serveAndCheck() async throws {
        let server = Process()
        server.executableURL = try SondeProcess.binary
        server.arguments = ["demo", "--serve"]
        let out = Pipe()
        server.standardOutput = out
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        var yaml = ""
        // The config ends with the suite's interval line; read until it is all there.
        while !yaml.contains("interval: 30s") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            yaml += String(decoding: chunk, as: UTF8.self)
        }
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
}
