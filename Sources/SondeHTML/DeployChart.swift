import Foundation
import SondeCore

/// The newest deploy: p50 and p95 before and after per target, as paired bars and a table with
/// the regression rule's verdict.
struct DeployChart {
    var comparison: DeployComparison
    var redactor: Redactor

    static let rowHeight = 26.0
    static let labelWidth = 180.0
    static let width = 760.0

    func render() -> String {
        let rows = comparison.rows
        let largest = rows.flatMap { [$0.before.p95, $0.after.p95, $0.before.p50, $0.after.p50].compactMap { $0 } }.max() ?? 1
        let scale = LatencyScale(values: [0, largest])
        let plot = Self.width - Self.labelWidth - 80
        let height = Double(rows.count) * Self.rowHeight + 8
        var svg = [#"<svg class="chart deploy-bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(Self.width) \#(HTMLText.number(height))" role="img" aria-label="p95 before and after the deploy">"#]
        for (index, row) in rows.enumerated() {
            let top = Double(index) * Self.rowHeight + 4
            let name = HTMLText.escape(redactor.redact(row.target).excerpt(28))
            svg.append(#"<text class="axis" x="\#(Self.labelWidth - 8)" y="\#(HTMLText.number(top + 12))" text-anchor="end">\#(name)</text>"#)
            for (offset, summary, kind) in [(0.0, row.before, "before"), (11.0, row.after, "after")] {
                guard let p95 = summary.p95 else { continue }
                let width = max(1, scale.position(p95) * plot)
                svg.append(#"<rect class="\#(kind)" x="\#(Self.labelWidth)" y="\#(HTMLText.number(top + offset))" width="\#(HTMLText.number(width))" height="9"><title>\#(kind): p95 \#(Duration.milliseconds(p95).humanReadable)</title></rect>"#)
                svg.append(#"<text class="axis" x="\#(HTMLText.number(Self.labelWidth + width + 4))" y="\#(HTMLText.number(top + offset + 8))">\#(Duration.milliseconds(p95).humanReadable)</text>"#)
            }
        }
        svg.append("</svg>")
        let table = rows.map { row in
            let cells = [
                redactor.redact(row.target), text(row.before.p50), text(row.after.p50), text(row.before.p95), text(row.after.p95),
                errorText(row.before), errorText(row.after), DeployComparisonText.verdict(row.verdict),
            ].map { "<td>\(HTMLText.escape($0))</td>" }
            return "<tr>\(cells.joined())</tr>"
        }
        let marker = comparison.marker
        let caption = "\(redactor.redact(marker.name)) at \(TimeAxis(start: marker.at, end: marker.at).label(marker.at)) UTC"
        return """
        <section class="charts deploy-section"><h2>Deploy: before and after</h2>
        <p class="note">\(HTMLText.escape(caption)); p95 <span class="key before">before</span> and <span class="key after">after</span>.</p>
        \(svg.joined(separator: "\n"))
        <table><thead><tr><th>Target</th><th>p50 before</th><th>p50 after</th><th>p95 before</th><th>p95 after</th><th>errors before</th><th>errors after</th><th>Verdict</th></tr></thead><tbody>
        \(table.joined(separator: "\n"))
        </tbody></table></section>
        """
    }

    func text(_ ms: Double?) -> String { ms.map { Duration.milliseconds($0).humanReadable } ?? "–" }

    func errorText(_ summary: LatencySummary) -> String {
        "\(summary.failures)/\(summary.count)"
    }
}
