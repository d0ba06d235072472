import Foundation
import SondeCore
import SondeHistory
import Testing

/// A service whose `$.version` changes between probes, checked with the real binary.
@Suite struct DeployDetectionTests {
    @Test func aVersionChangeIsStoredAsADetectedMarker() async throws {
        let (server, folder, config) = try await stagingServer(interval: "10ms") { n in .init(version: n <= 3 ? "1.4.0" : "1.5.0") }
        defer { server.stop() }

        let run = try await SondeBinary.run(["check", config.path, "--rounds", "6"], in: folder)

        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("deploy 1.5.0 (api 1.4.0 -> 1.5.0)"))
        // The default file sits beside the config.
        let store = try HistoryStore(path: folder.appendingPathComponent(HistoryLocation.defaultFileName).path)
        let markers = try await store.markers()
        #expect(markers.count == 1)
        #expect(markers.first?.source == .detected)
        #expect(markers.first?.fromVersion == "1.4.0")
        #expect(markers.first?.toVersion == "1.5.0")
        let results = try await store.results()
        #expect(results.count == 6)
        let firstNew = results.first { $0.outcome.version == "1.5.0" }
        #expect(markers.first?.at == firstNew?.startedAt)
    }

    @Test func aDeployMadeWhileSondeWasStoppedIsDetectedOnTheNextRun() async throws {
        let (server, folder, config) = try await stagingServer(interval: "10ms") { n in .init(version: n <= 2 ? "7" : "8") }
        defer { server.stop() }

        let first = try await SondeBinary.run(["check", config.path, "--rounds", "2"], in: folder)
        #expect(!first.output.contains("deploy"), "\(first.output)")
        let second = try await SondeBinary.run(["check", config.path, "--rounds", "1"], in: folder)
        #expect(second.output.contains("deploy 8 (api 7 -> 8)"), "\(second.output)")
    }

    @Test func deployFlagStoresANamedMarkerAndNoHistoryWritesNothing() async throws {
        let (server, folder, config) = try await stagingServer { _ in .init() }
        defer { server.stop() }

        let named = try await SondeBinary.run(["check", config.path, "--deploy", "release-42"], in: folder)
        #expect(named.status == 0, "\(named.output)")
        let store = try HistoryStore(path: folder.appendingPathComponent(HistoryLocation.defaultFileName).path)
        #expect(try await store.markers().map(\.name) == ["release-42"])
        #expect(try await store.markers().first?.source == .flag)

        let other = try temporaryFolder()
        let config2 = try writeConfig(in: other, url: server.url)
        let none = try await SondeBinary.run(["check", config2.path, "--no-history"], in: other)
        #expect(none.status == 0)
        #expect(!FileManager.default.fileExists(atPath: other.appendingPathComponent(HistoryLocation.defaultFileName).path))
    }
}
