import Foundation
import Testing

/// A target that flaps across separate one-round runs (a cron, a pipeline step) is named in
/// `check --json` and in `report`, judged over the history file's last n results.
@Suite struct IntermittencyAcrossRunsTests {
    private func intermittent(_ json: String) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json)")
        return try #require(document["intermittent"] as? [[String: Any]], "\(json)")
    }

    @Test func oneRoundRunsThatFailEveryOtherTimeAreIntermittentInJSONAndReports() async throws {
        // Requests 2 and 4 answer 503: up, down, up, down over four runs of one round each.
        let (server, folder, config) = try await stagingServer { $0 % 2 == 0 ? .init(status: 503) : .init() }
        defer { server.stop() }
        var last = ""
        for run in 1...4 {
            let check = try await SondeBinary.run(["check", "--config", config.path, "--json", "-"], in: folder)
            #expect(check.status == (run % 2 == 0 ? 1 : 0), "\(check.output)")
            last = check.output
        }
        let flapping = try intermittent(last)
        #expect(flapping.count == 1, "\(last)")
        #expect(flapping.first?["name"] as? String == "api")
        #expect(flapping.first?["failures"] as? Int == 2)
        #expect(flapping.first?["window"] as? Int == 4)

        // The fifth request is up; the report still sees 2 failures in the last 5.
        let report = try await SondeBinary.run(["report", config.path, "--format", "json"], in: folder)
        #expect(report.status == 0, "\(report.output)")
        let reported = try intermittent(report.output)
        #expect(reported.first?["failures"] as? Int == 2, "\(report.output)")
        #expect(reported.first?["window"] as? Int == 5, "\(report.output)")
    }

    @Test func withoutHistoryOnlyThisRunCounts() async throws {
        let (server, folder, config) = try await stagingServer { $0 % 2 == 0 ? .init(status: 503) : .init() }
        defer { server.stop() }
        for _ in 1...3 {
            _ = try await SondeBinary.run(["check", config.path, "--no-history", "--json", "-"], in: folder)
        }
        let check = try await SondeBinary.run(["check", config.path, "--no-history", "--json", "-"], in: folder)
        #expect(try intermittent(check.output).isEmpty, "\(check.output)")
    }
}
