import Foundation
import SondeCore
import SondeHistory
import Testing

@Suite struct UptimeQueryTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func eachWindowCountsItsOwnResultsAndFailures() async throws {
        let store = try openStore(in: try temporaryFolder())
        // 2 days ago: 2 down of 2; 3 hours ago: 1 down of 4; the last hour: 0 down of 3.
        var results = [sample("api", at: -2 * 86_400, from: now, status: .down), sample("api", at: -2 * 86_400 + 60, from: now, status: .down)]
        results += (0..<4).map { sample("api", at: -3 * 3600 + Double($0) * 60, from: now, status: $0 == 0 ? .down : .up) }
        results += (0..<3).map { sample("api", at: -600 + Double($0) * 60, from: now) }
        // Another target's failures and a result after `now` count nowhere.
        results += [sample("web", at: -60, from: now, status: .down), sample("api", at: 60, from: now, status: .down)]
        try await store.append(results)

        let windows = try await store.uptime(target: "api", now: now)
        #expect(windows.map(\.window) == Uptime.standardWindows)
        #expect(windows.map(\.results) == [3, 7, 9])
        #expect(windows.map(\.failures) == [0, 1, 3])
        #expect(windows[0].fraction == 1)
        #expect(abs((windows[2].fraction ?? 0) - 6.0 / 9.0) < 1e-9)
    }

    @Test func aTargetWithoutResultsHasNoFraction() async throws {
        let store = try openStore(in: try temporaryFolder())
        let windows = try await store.uptime(target: "nobody", now: now)
        #expect(windows.allSatisfy { $0.results == 0 && $0.fraction == nil })
    }
}
