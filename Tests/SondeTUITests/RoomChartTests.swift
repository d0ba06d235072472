import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("The main screen's chart takes only room no row wants")
struct RoomChartTests {
    @Test("At 80x24 no chart: every live row stays")
    func smallScreen() {
        let state = WallFixture.state(width: 80, height: 24)
        let text = Renderer.render(state).text
        #expect(!text.contains("latency, last"))
        for name in ["backend", "auth", "websocket", "redis"] { #expect(text.contains(name)) }
    }

    @Test("From 120x40: a chart of the selected service under the rows; it follows the selection", arguments: [(120, 40), (160, 48), (200, 60)])
    func bigScreens(width: Int, height: Int) throws {
        var state = WallFixture.state(width: width, height: height)
        let lines = Renderer.render(state).lines
        let heading = try #require(lines.firstIndex { $0.contains("latency, last 15m") })
        // Below the two service rows, inside the Services box.
        let rows = lines.indices.filter { lines[$0].contains("p95") && lines[$0].contains(/backend|auth/) }
        #expect(rows.count == 2 && rows.allSatisfy { $0 < heading })
        let charted = lines[heading]
        // Two services, room for two charts at 200x60, else the selected one.
        if !charted.contains("backend") {
            Issue.record("the first chart is of the selected row (backend): \(charted)")
        }
        _ = Update.apply(.key(.character("j")), to: &state)
        let after = Renderer.render(state).lines
        #expect(after.contains { $0.contains("auth latency, last 15m") })
        #expect(after.allSatisfy { DisplayWidth.of($0) <= width })
    }

    @Test("Charts off (the bench's reference): the old screen, no bar, no chart")
    func chartsOff() {
        var state = WallFixture.state(width: 160, height: 48)
        state.charts = false
        let text = Renderer.render(state).text
        #expect(!text.contains("latency, last"))
        #expect(!text.contains("█▒") && !text.contains("╳"))
    }
}
