import Foundation
import SondeCore

/// A status-page uptime bar: one cell per time bucket, coloured by the worst result in it, with
/// the counts in each cell's tooltip. Grey where nothing ran.
struct SVGUptimeBar {
    var buckets: [TimelineBucket]
    var title: String

    static let width = 760.0
    static let height = 20.0

    func render() -> String {
        let cell = Self.width / Double(max(buckets.count, 1))
        var svg = [#"<svg class="chart uptime" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(Self.width) \#(Self.height)" preserveAspectRatio="none" role="img" aria-label="\#(HTMLText.escape(title))">"#]
        for (index, bucket) in buckets.enumerated() {
            let state = bucket.status?.rawValue ?? "none"
            let tip = bucket.count == 0 ? "no results" : "\(bucket.count) results, \(bucket.down) down, \(bucket.slow) slow"
            svg.append(#"<rect class="cell \#(state)" x="\#(HTMLText.number(Double(index) * cell))" y="0" width="\#(HTMLText.number(max(cell - 1, 0.5)))" height="\#(Self.height)"><title>\#(tip)</title></rect>"#)
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }
}
