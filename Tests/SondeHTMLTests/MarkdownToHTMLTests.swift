@testable import SondeHTML
import Testing

/// The report writers' Markdown as HTML: structure kept, every text escaped.
@Suite struct MarkdownToHTMLTests {
    @Test func nestedListsCloseWhereTheirIndentEnds() {
        let html = MarkdownToHTML.convert("""
            1. **test_1_ws** - 3 passed
               - Error: `HTTP 500`
               - Failed tests:
                 - `test_a_b`
            2. **test_2_flow** - ok
            """)
        #expect(html == "<ol><li><strong>test_1_ws</strong> - 3 passed<ul><li>Error: <code>HTTP 500</code></li><li>Failed tests:<ul><li><code>test_a_b</code></li></ul></li></ul></li><li><strong>test_2_flow</strong> - ok</li></ol>")
    }

    @Test func markupFromAServiceStaysText() {
        let html = MarkdownToHTML.convert("""
            | Service | Details |
            |---|---|
            | api | <script>alert(1)</script> a \\| b |

            Reason: <img src=x onerror=alert(1)> and `<b>code</b>`
            """)
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"))
        #expect(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; a | b</td>"))
        #expect(html.contains("<thead><tr><th>Service</th><th>Details</th></tr></thead>"))
        #expect(html.contains("<code>&lt;b&gt;code&lt;/b&gt;</code>"))
    }

    @Test func headingsBreaksAndFences() {
        let html = MarkdownToHTML.convert("# Sonde Report: staging\n**Date:** today  \n**Result:** ok\n\n```\n❌ a < b\n```")
        #expect(html == "<h1>Sonde Report: staging</h1>\n<p><strong>Date:</strong> today<br>\n<strong>Result:</strong> ok</p>\n<pre><code>❌ a &lt; b</code></pre>")
    }

    @Test func anUnclosedMarkerIsText() {
        #expect(MarkdownToHTML.inline("2 ** 3 and `x") == "2 ** 3 and `x")
    }
}
