import Foundation
import SondeCore

/// One target's latency over the report's span as an SVG: the mean line inside its min–max
/// band, the latency goal as a dashed line, down results as red marks on the time axis and deploy
/// markers as labelled vertical lines.
struct SVGLatencyChart {
    var buckets: [TimelineBucket]
    var start: Date
    var end: Date
    var goalMs: Double?
    var markers: [DeployMarker]
    var title: String

    static let width = 760.0
    static let height = 180.0
    static let left = 58.0, right = 12.0, top = 22.0, bottom = 24.0

    var plotWidth: Double { Self.width - Self.left - Self.right }
    var plotHeight: Double { Self.height - Self.top - Self.bottom }

    func render() -> String {
        let values = buckets.flatMap { [$0.minMs, $0.maxMs].compactMap { $0 } } + (goalMs.map { [$0] } ?? [])
        let scale = LatencyScale(values: values)
        let axis = TimeAxis(start: start, end: end)
        let x = { (date: Date) in Self.left + axis.position(date) * plotWidth }
        let y = { (ms: Double) in Self.top + (1 - scale.position(ms)) * plotHeight }
        let bucketWidth = plotWidth / Double(max(buckets.count, 1))
        var svg: [String] = [
            #"<svg class="chart latency" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(Self.width) \#(Self.height)" role="img" aria-label="\#(HTMLText.escape(title))">"#,
            "<title>\(HTMLText.escape(title))</title>",
        ]
        // Grid and y labels.
        for tick in scale.ticks {
            let at = HTMLText.number(y(tick))
            svg.append(#"<line class="grid" x1="\#(Self.left)" x2="\#(Self.width - Self.right)" y1="\#(at)" y2="\#(at)"/>"#)
            svg.append(#"<text class="axis" x="\#(Self.left - 6)" y="\#(at)" text-anchor="end" dominant-baseline="middle">\#(tick == 0 ? "0" : Duration.milliseconds(tick).humanReadable)</text>"#)
        }
        if scale.logarithmic {
            svg.append(#"<text class="axis note" x="\#(Self.left)" y="12">log scale</text>"#)
        }
        // Time labels.
        let baseline = Self.top + plotHeight
        svg.append(#"<line class="axis-line" x1="\#(Self.left)" x2="\#(Self.width - Self.right)" y1="\#(baseline)" y2="\#(baseline)"/>"#)
        for tick in axis.ticks {
            let at = HTMLText.number(x(tick))
            svg.append(#"<line class="tick" x1="\#(at)" x2="\#(at)" y1="\#(baseline)" y2="\#(baseline + 4)"/>"#)
            svg.append(#"<text class="axis" x="\#(at)" y="\#(Self.height - 6)" text-anchor="middle">\#(axis.label(tick))</text>"#)
        }
        // The min–max band and the mean line, broken where no answer came.
        for run in answeredRuns() {
            let points = run.map { (x($0.start) + bucketWidth / 2, $0) }
            let upper = points.map { "\(HTMLText.number($0.0)),\(HTMLText.number(y($0.1.maxMs ?? 0)))" }
            let lower = points.reversed().map { "\(HTMLText.number($0.0)),\(HTMLText.number(y($0.1.minMs ?? 0)))" }
            svg.append(#"<polygon class="band" points="\#((upper + lower).joined(separator: " "))"/>"#)
            let line = points.map { "\(HTMLText.number($0.0)),\(HTMLText.number(y($0.1.meanMs ?? 0)))" }
            if line.count == 1 {
                svg.append(#"<circle class="mean" cx="\#(HTMLText.number(points[0].0))" cy="\#(HTMLText.number(y(run[0].meanMs ?? 0)))" r="2"/>"#)
            } else {
                svg.append(#"<polyline class="mean" points="\#(line.joined(separator: " "))"/>"#)
            }
        }
        if let goalMs {
            let at = HTMLText.number(y(goalMs))
            svg.append(#"<line class="goal" x1="\#(Self.left)" x2="\#(Self.width - Self.right)" y1="\#(at)" y2="\#(at)"/>"#)
            svg.append(#"<text class="goal-label" x="\#(Self.width - Self.right - 2)" y="\#(HTMLText.number(y(goalMs) - 4))" text-anchor="end">goal \#(Duration.milliseconds(goalMs).humanReadable)</text>"#)
        }
        for bucket in buckets where bucket.down > 0 {
            let from = HTMLText.number(x(bucket.start))
            svg.append(#"<rect class="down" x="\#(from)" y="\#(baseline - 6)" width="\#(HTMLText.number(max(bucketWidth, 2)))" height="6"><title>\#(bucket.down) of \#(bucket.count) down</title></rect>"#)
        }
        for marker in markers where marker.at >= start && marker.at <= end {
            let at = HTMLText.number(x(marker.at))
            svg.append(#"<line class="deploy" x1="\#(at)" x2="\#(at)" y1="\#(Self.top)" y2="\#(baseline)"/>"#)
            // Near either edge the label runs inward, so it is never cut by the drawing's border.
            let anchor = x(marker.at) > Self.width - 40 ? "end" : x(marker.at) < 40 ? "start" : "middle"
            svg.append(#"<text class="deploy-label" x="\#(at)" y="\#(Self.top - 4)" text-anchor="\#(anchor)">\#(HTMLText.escape(marker.name.excerpt(40)))</text>"#)
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// Runs of consecutive buckets that have an answered result.
    func answeredRuns() -> [[TimelineBucket]] {
        var runs: [[TimelineBucket]] = []
        var current: [TimelineBucket] = []
        for bucket in buckets {
            if bucket.meanMs != nil { current.append(bucket) } else if !current.isEmpty { runs.append(current); current = [] }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
