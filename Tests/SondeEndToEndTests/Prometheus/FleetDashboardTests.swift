import Foundation
import SondeCore
import SondeProbes
import Testing
@testable import SondeTUI

/// `watch --prometheus`: a real Prometheus scrapes two agents in two locations; the fleet reader
/// turns its answers into rows per target and columns per location, drawn by the dashboard's
/// own renderer, and keeps the last data, marked stale, once Prometheus is gone.
@Suite("Fleet dashboard from a real Prometheus", .serialized)
struct FleetDashboardTests {
    @Test(.enabled(if: PrometheusServer.shouldRun, "prometheus is not installed (apt-get install prometheus)"))
    func rowsPerTargetColumnsPerLocationThenStale() async throws {
        let directory = try ScratchDirectory.make("fleet")
        defer { ScratchDirectory.remove(directory) }
        let upstream = try await StatusServer.start()
        defer { upstream.task.cancel() }
        let base = "http://127.0.0.1:\(upstream.port)"
        // `api` fails only as seen from us-east; `web` is up from both.
        let agents = try await LocationAgents.start(in: directory, upstream: base, apiPaths: [("eu-west", "/ok"), ("us-east", "/fail")])
        let prometheus = try await PrometheusServer.start(config: """
            global: { scrape_interval: 1s, scrape_timeout: 900ms }
            scrape_configs:
              - job_name: sonde
                static_configs: [{ targets: [\(agents.scrapeTargets)] }]
            """, in: directory)
        let url = try #require(URL(string: prometheus.url))

        let reader = FleetReader(url: url)
        var tracker = reader.makeTracker()
        let store = ObservationStore()
        let pairs = ["api @ eu-west", "api @ us-east", "web @ eu-west", "web @ us-east"]
        // Prometheus scrapes on its own clock: read again until every pair has a result.
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            await reader.round(&tracker, record: { store.record(.result($0)) })
            if pairs.allSatisfy({ store.current()[target: $0]?.last != nil }) { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        let board = tracker.board
        #expect(board.rows.map(\.target) == ["api", "web"])
        #expect(board.rows.map(\.kind) == [.http, .http])
        #expect(board.locations == ["eu-west", "us-east"])
        #expect(board.environment == "staging")
        #expect(board.health.problem == nil && board.health.lastRead != nil)
        let seen = store.current()
        #expect(seen[target: "api @ eu-west"]?.last?.status == .up)
        #expect(seen[target: "api @ us-east"]?.last?.status == .down)
        #expect(seen[target: "api @ us-east"]?.last?.outcome.statusCode == 503)
        #expect(seen[target: "web @ us-east"]?.last?.status == .up)
        #expect(seen[target: "web @ eu-west"]?.last?.outcome.phases.map(\.name).contains("connect") == true)
        // Each probe an agent made is one result, however often Prometheus is read.
        let before = store.current()[target: "web @ eu-west"]?.window.samples.count ?? 0
        await reader.round(&tracker, record: { store.record(.result($0)) })
        await reader.round(&tracker, record: { store.record(.result($0)) })
        #expect((store.current()[target: "web @ eu-west"]?.window.samples.count ?? 0) <= before + 1)

        // --location us-east: that column only, and nothing from eu-west in the store.
        let usOnly = FleetReader(url: url, locations: ["us-east"])
        var usTracker = usOnly.makeTracker()
        let usStore = ObservationStore()
        await usOnly.round(&usTracker, record: { usStore.record(.result($0)) })
        #expect(usTracker.board.locations == ["us-east"])
        #expect(usStore.current()[target: "api @ eu-west"] == nil)
        #expect(usStore.current()[target: "api @ us-east"]?.last?.status == .down)

        var state = DashboardState(environment: "fleet", targets: [], width: 100, height: 30, timeZone: TimeZone(identifier: "UTC") ?? .current)
        state.adopt(board)
        state.observed = store.current()
        let screen = Renderer.render(state).text
        let lines = screen.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("staging") && lines[0].contains("via Prometheus 127.0.0.1:\(prometheus.port)"), "\(screen)")
        #expect(lines[0].contains("3 up") && lines[0].contains("1 down"), "\(screen)")
        let heading = try #require(lines.first { $0.contains("target") && $0.contains("eu-west") }, "\(screen)")
        let apiRow = try #require(lines.first { $0.contains(" api ") }, "\(screen)")
        let webRow = try #require(lines.first { $0.contains(" web ") }, "\(screen)")
        #expect(apiRow.contains("down in us-east only"), "\(screen)")
        #expect(webRow.contains("up everywhere"), "\(screen)")
        // The us-east cell sits under its heading, and says down.
        let column = try #require(heading.range(of: "us-east")).lowerBound.utf16Offset(in: heading)
        #expect(String(apiRow.dropFirst(column).prefix(6)).contains("down"), "\(screen)")

        _ = Update.apply(.key(.enter), to: &state)
        #expect(state.screen == .detail(target: "api"))
        let detail = FleetDetailView.body(state, target: "api", width: 98).map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(detail.contains("── eu-west ──") && detail.contains("── us-east ──"), "\(detail)")
        #expect(detail.contains("probe_success 0 as seen from us-east"), "\(detail)")
        _ = Update.apply(.key(.escape), to: &state)

        // Prometheus gone: the board says so and why, the store keeps the last data, rows say stale.
        await prometheus.stop()
        await reader.round(&tracker, record: { store.record(.result($0)) })
        let stale = tracker.board
        #expect(stale.health.isStale)
        #expect(stale.health.problem?.contains("Prometheus at 127.0.0.1:\(prometheus.port)") == true, "\(String(describing: stale.health.problem))")
        state.adopt(stale)
        state.observed = store.current()
        let after = Renderer.render(state).text
        let afterLines = after.split(separator: "\n").map(String.init)
        #expect(afterLines[0].contains("STALE since"), "\(after)")
        #expect(afterLines.first { $0.contains(" api ") }?.contains("stale: down in us-east only") == true, "\(after)")
        #expect(afterLines.first { $0.contains(" web ") }?.contains("stale: up everywhere") == true, "\(after)")
        #expect(store.current()[target: "api @ us-east"]?.last?.status == .down, "the last data stays")
        #expect(await agents.stop() == [0, 0])
    }
}
