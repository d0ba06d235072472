import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("Charts: braille, blocks and ASCII; axes, goal, deploys, failures")
struct ChartTests {
    @Test("Braille packs 2x4 dots a cell in the braille order")
    func braille() {
        var grid = DotGrid(width: 2, height: 1, dots: .braille)
        grid.set(x: 0, y: 0)
        grid.set(x: 1, y: 3)
        grid.set(x: 2, y: 3)
        grid.set(x: 9, y: 9) // outside: ignored
        #expect(grid.character(x: 0, y: 0) == "⢁") // dots 1 and 8
        #expect(grid.character(x: 1, y: 0) == "⡀") // dot 7
        #expect(DotGrid(width: 1, height: 1, dots: .braille).character(x: 0, y: 0) == nil)
    }

    @Test("Half blocks draw 1x2 a cell, ASCII one mark")
    func blocksAndASCII() {
        var blocks = DotGrid(width: 3, height: 1, dots: .blocks)
        blocks.set(x: 0, y: 0)
        blocks.set(x: 1, y: 1)
        blocks.setColumn(x: 2, from: 0, to: 1)
        #expect((0..<3).map { blocks.character(x: $0, y: 0) } == ["▀", "▄", "█"])
        var ascii = DotGrid(width: 1, height: 2, dots: .ascii)
        ascii.set(x: 0, y: 1)
        #expect(ascii.character(x: 0, y: 0) == nil && ascii.character(x: 0, y: 1) == "*")
        #expect(ChartDots.forTerminal(unicode: true, term: "linux") == .blocks)
        #expect(ChartDots.forTerminal(unicode: true, term: "xterm-256color") == .braille)
        #expect(Glyphs.ascii.forCharts(term: "linux").chartDots == .ascii)
    }

    @Test("A wide range goes on a log scale; a narrow one on a linear scale from zero")
    func scales() {
        let wide = ChartScale(values: [0.4, 3000])
        #expect(wide.logarithmic && wide.low == 0.1 && wide.high == 10_000)
        #expect(wide.row(1, rows: 6) > wide.row(1000, rows: 6))
        let narrow = ChartScale(values: [40, 90])
        #expect(!narrow.logarithmic && narrow.low == 0 && narrow.high == 100)
        #expect(ChartScale(values: [50, 200]).high == 300)
        #expect(narrow.row(100, rows: 5) == 0 && narrow.row(0, rows: 5) == 4)
        #expect(ChartScale.label(0.4) == "0.4ms" && ChartScale.label(150) == "150ms" && ChartScale.label(1234) == "1.2s")
    }

    /// A chart over 10 minutes with one point a minute; `down` at minute 3, a deploy at minute 5.
    func chart(glyphs: Glyphs = .unicode, goal: Double? = 100) -> [String] {
        let from = DashboardFixture.start
        var points = (0..<10).map { ChartPoint(at: from.addingTimeInterval(Double($0) * 60 + 30), low: 50, mid: 50, high: 50, answered: 1, down: 0) }
        points[3] = ChartPoint(at: from.addingTimeInterval(210), low: 0, mid: 0, high: 0, answered: 0, down: 1)
        points[8] = ChartPoint(at: from.addingTimeInterval(510), low: 200, mid: 200, high: 200, answered: 1, down: 0)
        let marker = DeployMarker(name: "v2", at: from.addingTimeInterval(300), source: .manual)
        let chart = LatencyChart(points: points, from: from, to: from.addingTimeInterval(600), goalMs: goal, markers: [marker],
                                 zone: TimeZone(identifier: "UTC")!, glyphs: glyphs)
        return chart.lines(width: 46, height: 8).map { $0.map(\.text).joined() }
    }

    @Test("The goal is a labelled dotted line; deploys a vertical line with the name; failures on the axis")
    func chartParts() throws {
        let lines = chart()
        #expect(lines.count == 8)
        #expect(lines.allSatisfy { DisplayWidth.of($0) == 46 })
        let goalRow = try #require(lines.firstIndex { $0.hasPrefix("100ms") })
        #expect(lines[goalRow].contains("┄"))
        #expect(lines[0].contains("v2"), "the deploy's name on the top row: \(lines[0])")
        #expect(lines.dropLast(2).filter { $0.contains("┊") }.count >= 4)
        let axis = lines[6]
        #expect(axis.hasPrefix("     └") && axis.contains("✖"))
        // The failure sits under minute 3 of 10: 3/10 of the 40 plot columns in.
        let downColumn = try #require(axis.firstIndex(of: "✖")).utf16Offset(in: axis) - LatencyChart.gutter
        #expect((12...14).contains(downColumn))
        #expect(lines[7].contains("15:35") && lines[7].contains("15:40"))
        // 200 ms is over the goal: above its row; 50 ms below.
        let high = try #require(lines.firstIndex { $0.dropFirst(LatencyChart.gutter).contains { ("\u{2801}"..."\u{28FF}").contains(String($0)) } })
        #expect(high < goalRow)
    }

    @Test("ASCII charts are plain ASCII")
    func asciiChart() {
        let text = chart(glyphs: .ascii).joined()
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii, "\(text)")
        #expect(text.contains("*") && text.contains("X") && text.contains("|"))
    }

    @Test("Uptime bar cells differ by shape, not only colour; the newest on the right")
    func uptimeBar() {
        let samples = [Status.up, .slow, .down, .up].enumerated().map { LatencyWindow.Sample(status: $1, latencyMs: 10, at: DashboardFixture.start.addingTimeInterval(Double($0))) }
        for glyphs in [Glyphs.unicode, .ascii] {
            let cells = Set([Status.up, .slow, .down].map { glyphs.uptimeCell($0) } + [glyphs.uptimeCell(nil)])
            #expect(cells.count == 4)
            let text = UptimeBar.line(samples, width: 6, glyphs: glyphs).map(\.text).joined()
            #expect(text == String(repeating: glyphs.uptimeCell(nil), count: 2) + [.up, .slow, .down, .up].map { glyphs.uptimeCell($0) }.joined())
        }
        #expect(UptimeBar.percent(Uptime(window: 3600, results: 1000, failures: 8)) == "99.2%")
        #expect(UptimeBar.percent(Uptime(window: 3600, results: 10, failures: 0)) == "100%")
        #expect(UptimeBar.percent(nil) == "-")
    }

    @Test("A phase bar gives each phase its share of the slowest result")
    func phaseBar() {
        let outcome = ProbeOutcome(latency: .milliseconds(100), phases: [PhaseTiming(PhaseTiming.dns, .milliseconds(25)), PhaseTiming(PhaseTiming.connect, .milliseconds(25)),
                                                                          PhaseTiming(PhaseTiming.firstByte, .milliseconds(50)), PhaseTiming(PhaseTiming.total, .milliseconds(100))])
        let result = ProbeResult(target: "api", kind: .http, status: .up, outcome: outcome, latencyTarget: nil, startedAt: DashboardFixture.start, sequence: 1)
        #expect(PhaseBar.totalMs(result) == 100)
        let full = PhaseBar.line(result, scaleMs: 100, width: 20, glyphs: .ascii).map(\.text).joined()
        #expect(full == "ddddd" + "ccccc" + String(repeating: "=", count: 10))
        let half = PhaseBar.line(result, scaleMs: 200, width: 20, glyphs: .ascii).map(\.text).joined()
        #expect(half == "dddcc=====" + String(repeating: " ", count: 10))
    }

    @Test("+ and - zoom the charts between 5 min and 6 h")
    func zoom() {
        var state = DashboardFixture.populated()
        #expect(state.chartZoom.label == "15m")
        _ = Update.apply(.key(.character("+")), to: &state)
        _ = Update.apply(.key(.character("+")), to: &state)
        #expect(state.chartZoom.label == "5m")
        for _ in 0..<6 { _ = Update.apply(.key(.character("-")), to: &state) }
        #expect(state.chartZoom.label == "6h")
    }

    @Test("Opening a target's detail asks for its uptime; the answer shows in the view")
    func uptimeFromHistory() {
        var state = WallFixture.state(width: 120, height: 40)
        #expect(Update.apply(.key(.enter), to: &state) == [.readUptime("backend")])
        _ = Update.apply(.uptime(target: "backend", windows: [Uptime(window: 3600, results: 1000, failures: 8), Uptime(window: 7 * 86_400, results: 10, failures: 0)]), to: &state)
        let text = Renderer.render(state).text
        #expect(text.contains("1 h 99.2%"), "\(text)")
        #expect(text.contains("7 d 100%"))
        #expect(text.contains("this session 96.6% of 180 over 31m"), "\(text)")
    }

    @Test("Charts over hours come from minute buckets where the log no longer reaches")
    func hoursFromBuckets() {
        var observed = Observations(limits: .init(log: 20))
        let start = DashboardFixture.start
        for i in 0..<(3 * 60) {
            observed.record(.result(DashboardFixture.result("api", ms: i < 60 ? 500 : 20, at: Double(i * 60), sequence: i + 1)))
        }
        let points = ChartPoint.series(observed[target: "api"], since: start)
        #expect(points.count > 100, "minute buckets before the 20 logged results")
        #expect(points.first?.span == 60 && points.last?.span == 0)
        #expect(points.first?.high == 500)
        // Sorted in time: each point starts no earlier than the one before.
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.at <= $1.at })
    }
}

@Suite("A chart moves a cell at a time")
struct ChartWindowTests {
    func chart(_ state: DashboardState) -> [String] {
        DetailCharts.chart(state, target: "backend", width: 70, height: 10).map { $0.map(\.text).joined() }
    }

    @Test("Seconds within one cell's time draw the same chart; the next cell moves it")
    func steps() {
        var state = WallFixture.state(width: 120, height: 40)
        // 15 min over 64 plot columns: a cell is about 14 s.
        let (_, to) = LatencyChart.window(endingAt: state.now, span: 900, width: 70)
        #expect(to >= state.now && to.timeIntervalSince(state.now) < 900.0 / 64)
        _ = Update.apply(.tick(to.addingTimeInterval(-900.0 / 64 + 0.01)), to: &state)
        let first = chart(state)
        _ = Update.apply(.tick(to.addingTimeInterval(-0.01)), to: &state)
        #expect(chart(state) == first)
        _ = Update.apply(.tick(to.addingTimeInterval(60)), to: &state)
        #expect(chart(state) != first)
    }
}
