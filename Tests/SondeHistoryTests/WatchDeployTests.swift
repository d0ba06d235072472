import Foundation
import SondeCore
import SondeHistory
import Testing

/// `sonde check --watch-deploy` against real servers on 127.0.0.1: the exit code a pipeline sees.
/// The baseline is the first 5 results (RegressionRule's minimum) unless history has them.
@Suite struct WatchDeployTests {
    @Test func aHealthyDeployPasses() async throws {
        let (server, folder, config) = try await stagingServer { _ in .init() }
        defer { server.stop() }

        // Many samples a side, so a latency spike of a busy test machine cannot move a p95 alone.
        for criterion in ["down", "regression"] {
            let run = try await SondeBinary.run(
                ["check", config.path, "--watch-deploy", "3s", "--interval", "20ms", "--fail-on", criterion, "--deploy", "v2"], in: folder)
            #expect(run.status == 0, "\(criterion): \(run.output)")
            #expect(run.output.contains("PASS"), "\(run.output)")
        }
    }

    @Test func aServiceThatStartsFailingAfterTheMarkerFailsOnDownAndStopsEarly() async throws {
        let (server, folder, config) = try await stagingServer { n in .init(status: n <= 5 ? 200 : 503) }
        defer { server.stop() }

        let run = try await SondeBinary.run(
            ["check", config.path, "--watch-deploy", "60s", "--interval", "50ms", "--fail-on", "down", "--no-history"], in: folder)

        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("stopping early"), "\(run.output)")
        #expect(run.output.contains("FAIL (down): api: down 2 probes in a row"), "\(run.output)")
        // Stopped at the second failure, long before 60 s of probes at 50 ms.
        #expect(server.requests < 60)
    }

    @Test func aNewVersionThatIsSlowerIsARegressionMeasuredFromTheVersionChange() async throws {
        // Fast on 1.0 for 20 requests, then 2.0 answers 400 ms late: far over the limit even if
        // the first, cold probe of the baseline was slow (p95 of 20 is the 19th value).
        let (server, folder, config) = try await stagingServer { n in
            n <= 20 ? .init(version: "1.0") : .init(version: "2.0", delay: .milliseconds(400))
        }
        defer { server.stop() }

        let run = try await SondeBinary.run(
            ["check", config.path, "--watch-deploy", "4s", "--interval", "25ms", "--fail-on", "regression"], in: folder)

        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("deploy detected: deploy 2.0 (api 1.0 -> 2.0)"), "\(run.output)")
        #expect(run.output.contains("REGRESSED: p95"), "\(run.output)")
        // All twenty 1.0 answers count as before: the marker moved to the version change.
        #expect(run.output.contains(#/api\s+20\s/#), "\(run.output)")
        let store = try HistoryStore(path: folder.appendingPathComponent(HistoryLocation.defaultFileName).path)
        #expect(try await store.markers().map(\.source) == [.detected])
    }

    @Test func theBaselineComesFromHistoryWhenItHasOne() async throws {
        let (server, folder, config) = try await stagingServer { _ in .init(delay: .milliseconds(150)) }
        defer { server.stop() }
        let store = try HistoryStore(path: folder.appendingPathComponent(HistoryLocation.defaultFileName).path)
        let now = Date()
        try await store.append((1...12).map { sample("api", at: -Double($0), from: now, ms: 3) })

        let run = try await SondeBinary.run(
            ["check", config.path, "--watch-deploy", "2s", "--interval", "50ms", "--fail-on", "regression", "--baseline", "5m"], in: folder)

        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("baseline: 12 results from history"), "\(run.output)")
        #expect(run.output.contains("REGRESSED"), "\(run.output)")
    }

    @Test func aWatchTooShortToFillTheBaselineIsUndecided() async throws {
        let (server, folder, config) = try await stagingServer { _ in .init() }
        defer { server.stop() }

        // At most 3 probes fit in 200 ms at 100 ms: fewer than the 5 a baseline needs.
        let run = try await SondeBinary.run(
            ["check", config.path, "--watch-deploy", "200ms", "--interval", "100ms", "--fail-on", "regression", "--no-history"], in: folder)

        #expect(run.status == 3, "\(run.output)")
        #expect(run.output.contains("UNDECIDED"), "\(run.output)")
    }

    @Test func badDurationsAreAUsageError() async throws {
        let folder = try temporaryFolder()
        let config = try writeConfig(in: folder, url: "http://127.0.0.1:9/health")
        let run = try await SondeBinary.run(["check", config.path, "--watch-deploy", "soon"], in: folder)
        #expect(run.status == 64, "\(run.output)")
        #expect(run.output.contains("'soon' is not a duration"), "\(run.output)")
    }
}
