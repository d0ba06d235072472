import Foundation
import SondeCore

/// `sonde report --format html`: one self-contained page for the incident channel. The Markdown
/// report's sections (converted, so the content is decided in one place) with SVG charts
/// from the history file: latency per target over the span, uptime bars and windows, and the
/// newest deploy before and after. Nothing is fetched: no scripts, fonts or images, and a
/// Content-Security-Policy that forbids them in case any text slipped through.
public enum HTMLReport {
    public static func render(_ report: Report, timeline: ReportTimeline?, redactor: Redactor) -> String {
        var body: [String] = []
        let sections = MarkdownReport.sections(report)
        // Charts follow the service table, or the summary when there are only databases and the like.
        let anchor: MarkdownReport.SectionID = sections.contains { $0.id == .serviceHealth } ? .serviceHealth : .summary
        // The HTML uptime section (with its bars) stands in for the Markdown table of the same figures.
        for section in sections where section.id != .uptime {
            body.append(#"<section class="\#(section.id.rawValue)">"#)
            body.append(HTMLText.marks(MarkdownToHTML.convert(redactor.redact(section.lines.joined(separator: "\n")))))
            body.append("</section>")
            if section.id == anchor {
                body.append(contentsOf: HTMLCharts.sections(report: report, timeline: timeline, redactor: redactor))
            }
        }
        let title = HTMLText.escape(redactor.redact("Sonde Report: \(report.environment)"))
        let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        \(HTMLStyle.css)
        </style>
        </head>
        <body>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
        // Every piece was redacted before it was escaped; this pass catches any that were not.
        return redactor.redact(page)
    }
}
