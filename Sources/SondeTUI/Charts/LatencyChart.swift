import Foundation
import SondeCore

/// A latency chart as lines of text: latency up the left (log scale when the range is wide),
/// time along the bottom, the latency goal as a dotted line, deploys as vertical lines with
/// their names, and failed results marked on the time axis.
struct LatencyChart {
    var points: [ChartPoint]
    var from: Date
    var to: Date
    var goalMs: Double?
    var markers: [DeployMarker] = []
    var zone: TimeZone
    var glyphs: Glyphs
    /// A row of clock times under the axis.
    var timeLabels = true

    /// Columns the latency labels and the axis take on the left.
    static let labelWidth = 5
    static let gutter = labelWidth + 1

    /// Rows the chart needs at least: a row of plot, the axis and its times.
    static let minimumHeight = 3

    /// The span shown, its end rounded up to a whole cell's time: the chart moves left a cell at
    /// a time rather than every second, so a terminal redraws it a few times a minute, not
    /// every frame.
    static func window(endingAt now: Date, span: TimeInterval, width: Int) -> (from: Date, to: Date) {
        let cell = span / Double(max(1, width - gutter))
        let end = (now.timeIntervalSince1970 / cell).rounded(.up) * cell
        return (Date(timeIntervalSince1970: end - span), Date(timeIntervalSince1970: end))
    }

    func lines(width: Int, height: Int) -> [Line] {
        let plotWidth = width - Self.gutter
        let plotHeight = height - (timeLabels ? 2 : 1)
        guard plotWidth >= 4, plotHeight >= 1 else { return [] }
        let dots = glyphs.chartDots
        var grid = DotGrid(width: plotWidth, height: plotHeight, dots: dots)
        let columns = ChartPoint.columns(points, from: from, to: to, count: grid.dotWidth)
        let answered = columns.compactMap { $0 }.filter { $0.answered > 0 }
        let scale = ChartScale(values: answered.flatMap { [$0.low, $0.high] } + (goalMs.map { [$0] } ?? []))
        plot(columns, scale: scale, into: &grid)

        let perCellY = dots.perCell.y
        let goalRow = goalMs.map { scale.row($0, rows: grid.dotHeight) / perCellY }
        let deployColumns = markers.compactMap { marker -> (Int, String)? in
            guard marker.at >= from, marker.at <= to else { return nil }
            return (min(plotWidth - 1, cellColumn(marker.at, plotWidth)), marker.name)
        }
        var rows: [[(String, Style)]] = (0..<plotHeight).map { y -> [(String, Style)] in
            (0..<plotWidth).map { x -> (String, Style) in
                if let mark = grid.character(x: x, y: y) {
                    let over = goalRow.map { y < $0 } ?? false
                    return (mark, over ? Style(.slow) : Style(.accent))
                }
                if deployColumns.contains(where: { $0.0 == x }) { return (glyphs.chartDeploy, Style(.accent, bold: true)) }
                if y == goalRow { return (glyphs.chartGoal, Style(.slow, dim: true)) }
                return (" ", .plain)
            }
        }
        // A deploy's name beside its line, on the top row, where the plot leaves room.
        for (x, name) in deployColumns {
            let label = Array(Text.fit(name, 12, ellipsis: glyphs.ellipsis))
            for (offset, character) in label.enumerated() {
                let column = x + 1 + offset
                guard column < plotWidth, grid.isEmpty(x: column, y: 0) else { break }
                rows[0][column] = (String(character), Style(.accent, bold: true))
            }
        }

        var out: [Line] = []
        for (y, cells) in rows.enumerated() {
            let (label, labelStyle) = axisLabel(row: y, of: plotHeight, scale: scale, goalRow: goalRow)
            var line: Line = [Span(Text.right(label, Self.labelWidth, ellipsis: ""), labelStyle),
                              Span(label.isEmpty ? glyphs.vertical : glyphs.axisVertical, .muted)]
            line += Self.merged(cells)
            out.append(line)
        }
        out.append(axis(columns, plotWidth: plotWidth))
        if timeLabels { out.append(times(plotWidth: plotWidth)) }
        return out
    }

    /// Each answered column from its low to its high, joined to the answered column before so
    /// the latency reads as a line; a failure, or a gap of more than `joinedGap`, breaks it.
    private func plot(_ columns: [ChartPoint?], scale: ChartScale, into grid: inout DotGrid) {
        let rows = grid.dotHeight
        let perColumn = to.timeIntervalSince(from) / Double(max(1, columns.count))
        let longestJoin = max(1, Int(Self.joinedGap / max(perColumn, 0.001)))
        var previous: (x: Int, y: Int)?
        for (x, point) in columns.enumerated() {
            guard let point else { continue }
            guard point.answered > 0 else {
                previous = nil
                continue
            }
            let mid = scale.row(point.mid, rows: rows)
            grid.setColumn(x: x, from: scale.row(point.high, rows: rows), to: scale.row(point.low, rows: rows))
            if let (px, py) = previous.map({ ($0.x, $0.y) }), x - px <= longestJoin {
                // A straight line across the columns no result fell in.
                var last = py
                for column in (px + 1)...x {
                    let y = py + (mid - py) * (column - px) / (x - px)
                    grid.setColumn(x: column, from: last, to: y)
                    last = y
                }
            }
            previous = (x, mid)
        }
    }

    /// Results further apart than this (the dashboard was closed) are not joined.
    static let joinedGap: TimeInterval = 300

    private func cellColumn(_ date: Date, _ plotWidth: Int) -> Int {
        let total = to.timeIntervalSince(from)
        guard total > 0 else { return 0 }
        return max(0, Int((date.timeIntervalSince(from) / total * Double(plotWidth)).rounded(.down)))
    }

    /// The top and bottom of the scale, the goal, and a middle value on taller charts.
    private func axisLabel(row y: Int, of rows: Int, scale: ChartScale, goalRow: Int?) -> (String, Style) {
        if y == goalRow, let goalMs { return (ChartScale.label(goalMs), Style(.slow)) }
        if y == 0 { return (ChartScale.label(scale.value(atCellRow: 0, of: rows)), .muted) }
        if y == rows - 1, rows > 1 {
            let low = scale.value(atCellRow: rows - 1, of: rows)
            return (low == 0 ? "0" : ChartScale.label(low), .muted)
        }
        if rows >= 6, y == rows / 2, goalRow.map({ abs($0 - y) > 1 }) ?? true {
            return (ChartScale.label(scale.value(atCellRow: y, of: rows)), .muted)
        }
        return ("", .muted)
    }

    /// The time axis: a tick under each labelled time, and the failed results' mark.
    private func axis(_ columns: [ChartPoint?], plotWidth: Int) -> Line {
        let perCellX = glyphs.chartDots.perCell.x
        let ticks = Set(tickTimes(plotWidth: plotWidth).map { cellColumn($0, plotWidth) })
        var cells: [(String, Style)] = []
        for x in 0..<plotWidth {
            let failed = (0..<perCellX).contains { (columns[safe: x * perCellX + $0] ?? nil).map { $0.down > 0 } ?? false }
            if failed {
                cells.append((glyphs.down, Style(.down, bold: true)))
            } else {
                cells.append((ticks.contains(x) ? glyphs.axisTick : glyphs.horizontal, .muted))
            }
        }
        return [Span(String(repeating: " ", count: Self.labelWidth)), Span(glyphs.axisCorner, .muted)] + Self.merged(cells)
    }

    /// Clock times under their ticks, each where it does not run into the one before.
    private func times(plotWidth: Int) -> Line {
        var text = Array(repeating: Character(" "), count: plotWidth)
        var free = 0
        for tick in tickTimes(plotWidth: plotWidth) {
            let label = Array(TimeText.time(tick, zone: zone, seconds: false))
            let start = max(0, cellColumn(tick, plotWidth) - label.count / 2)
            guard start >= free, start + label.count <= plotWidth else { continue }
            for (i, c) in label.enumerated() { text[start + i] = c }
            free = start + label.count + 1
        }
        return [Span(String(repeating: " ", count: Self.gutter) + String(text), .muted)]
    }

    /// Round clock times a label or so apart (`14:00`, `14:15`...), in the shown time zone.
    private func tickTimes(plotWidth: Int) -> [Date] {
        let total = to.timeIntervalSince(from)
        guard total > 0 else { return [] }
        let wanted = total / Double(max(1, plotWidth / 10))
        let steps: [TimeInterval] = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400]
        let step = steps.first { $0 >= wanted } ?? 86_400
        let offset = Double(zone.secondsFromGMT(for: from))
        var tick = ((from.timeIntervalSince1970 + offset) / step).rounded(.up) * step - offset
        var out: [Date] = []
        while tick <= to.timeIntervalSince1970 {
            out.append(Date(timeIntervalSince1970: tick))
            tick += step
        }
        return out
    }

    /// Cells joined into spans where neighbours share a style.
    static func merged(_ cells: [(String, Style)]) -> Line {
        var line: Line = []
        for (text, style) in cells {
            if let last = line.last, last.style == style {
                line[line.count - 1].text += text
            } else {
                line.append(Span(text, style))
            }
        }
        return line
    }
}
