/// Makes Markdown safe to hand to Ink. Ink passes inline HTML through (a `<script>` in a
/// paragraph or a table cell stays a script), and a report's text holds what services sent back.
/// Outside code, `<` and `>` become entities (Ink keeps entities as they are); inside code
/// spans and fenced blocks Ink escapes by itself, so they are left alone.
enum MarkdownForHTML {
    static func neutralize(_ markdown: String) -> String {
        var inFence = false
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("```") {
                inFence.toggle()
                return String(line)
            }
            return inFence ? String(line) : escapeOutsideCodeSpans(line)
        }.joined(separator: "\n")
    }

    /// Between backticks is a code span (the Markdown writers keep backticks out of span text).
    static func escapeOutsideCodeSpans(_ line: Substring) -> String {
        var out = ""
        var inSpan = false
        for character in line {
            if character == "`" { inSpan.toggle() }
            switch character {
            case "<" where !inSpan: out += "&lt;"
            case ">" where !inSpan: out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
