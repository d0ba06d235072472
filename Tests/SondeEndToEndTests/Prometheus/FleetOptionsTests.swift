import Foundation
import Testing

/// `watch --prometheus` refuses what it cannot use, each with the fix, and exit 64 (usage).
@Suite("watch --prometheus options")
struct FleetOptionsTests {
    @Test(arguments: [
        (["--prometheus", "ftp://x"], "--prometheus 'ftp://x' is not an http(s) URL"),
        (["--location", "eu"], "--location chooses columns of --prometheus"),
        (["--prometheus", "http://127.0.0.1:9", "--location", "eu west"], "--location 'eu west' is not a location name"),
        (["--prometheus", "http://127.0.0.1:9", "--location", ","], "--location ',' names no location"),
        (["sonde.yml", "--prometheus", "http://127.0.0.1:9"], "reads no config"),
        (["--prometheus", "http://127.0.0.1:9", "--deploy", "v2"], "--prometheus only reads"),
    ])
    func refusedWithTheFix(arguments: [String], message: String) async throws {
        let output = try await SondeProcess.run(["watch"] + arguments)
        #expect(output.status == 64, "\(output.all)")
        #expect(output.stderr.contains(message), "\(output.all)")
    }

    @Test func withoutATerminalItPointsToCheck() async throws {
        let output = try await SondeProcess.run(["watch", "--prometheus", "http://127.0.0.1:9"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("is not a terminal"), "\(output.all)")
    }
}
