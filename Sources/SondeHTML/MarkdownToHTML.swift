import Foundation

/// The Markdown that Sonde's own report writers produce, as HTML: headings, paragraphs (two
/// trailing spaces break a line), pipe tables, fenced code, nested `-` and `1.` lists, `**bold**`
/// and `` `code` ``. Everything else is text, and all text is escaped: the report holds what
/// services sent back, so nothing in it may become markup.
///
/// Not a general Markdown parser. Ink was tried first: it passes inline HTML through (a
/// `<script>` in a table cell stays a script), italicises the underscores of test names and ends
/// nested lists in the wrong place, so the report would have needed patching around it.
enum MarkdownToHTML {
    static func convert(_ markdown: String) -> String {
        var html: [String] = []
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        while let line = lines.first {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst(); continue }
            if line.hasPrefix("```") {
                lines.removeFirst()
                var code: [String] = []
                while let next = lines.first, !next.hasPrefix("```") { code.append(next); lines.removeFirst() }
                if !lines.isEmpty { lines.removeFirst() }
                html.append("<pre><code>" + HTMLText.escape(code.joined(separator: "\n")) + "</code></pre>")
            } else if let heading = heading(line) {
                lines.removeFirst()
                html.append("<h\(heading.level)>\(inline(heading.text))</h\(heading.level)>")
            } else if line.hasPrefix("|") {
                var rows: [String] = []
                while let next = lines.first, next.hasPrefix("|") { rows.append(next); lines.removeFirst() }
                html.append(table(rows))
            } else if ListItem(line) != nil {
                var items: [ListItem] = []
                while let next = lines.first, let item = ListItem(next) { items.append(item); lines.removeFirst() }
                var index = items.startIndex
                html.append(list(items, from: &index, indent: items[0].indent))
            } else {
                var paragraph: [String] = []
                while let next = lines.first, !next.trimmingCharacters(in: .whitespaces).isEmpty, !next.hasPrefix("```"),
                      heading(next) == nil, !next.hasPrefix("|"), paragraph.isEmpty || ListItem(next) == nil {
                    paragraph.append(next)
                    lines.removeFirst()
                }
                let joined = paragraph.map { line in
                    line.hasSuffix("  ") ? inline(String(line.dropLast(2))) + "<br>" : inline(line)
                }
                html.append("<p>" + joined.joined(separator: "\n") + "</p>")
            }
        }
        return html.joined(separator: "\n")
    }

    static func heading(_ line: String) -> (level: Int, text: String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return (hashes, String(line.dropFirst(hashes + 1)))
    }

    /// `| a | b |` rows; the second is the `|---|` line, so the first is the header.
    static func table(_ rows: [String]) -> String {
        let cells = rows.map(splitRow)
        let hasHeader = cells.count > 1 && cells[1].allSatisfy { !$0.isEmpty && $0.allSatisfy { "-:".contains($0) } }
        var html = ["<table>"]
        if hasHeader {
            html.append("<thead><tr>" + cells[0].map { "<th>\(inline($0))</th>" }.joined() + "</tr></thead>")
        }
        html.append("<tbody>")
        for row in cells.dropFirst(hasHeader ? 2 : 0) {
            html.append("<tr>" + row.map { "<td>\(inline($0))</td>" }.joined() + "</tr>")
        }
        html.append("</tbody></table>")
        return html.joined(separator: "\n")
    }

    /// Cells between unescaped pipes, trimmed; `\|` is a pipe inside a cell.
    static func splitRow(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in row {
            if escaped { current.append(character); escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "|": cells.append(current); current = ""
            default: current.append(character)
            }
        }
        cells.append(current)
        // The leading and trailing pipes leave an empty first and last piece.
        return Array(cells.dropFirst().dropLast()).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    struct ListItem {
        var indent: Int
        var ordered: Bool
        var text: String

        init?(_ line: String) {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if rest.hasPrefix("- ") {
                ordered = false
                text = String(rest.dropFirst(2))
            } else if let dot = rest.firstIndex(of: "."), !rest[..<dot].isEmpty, rest[..<dot].allSatisfy(\.isNumber),
                      rest[rest.index(after: dot)...].hasPrefix(" ") {
                ordered = true
                text = String(rest[rest.index(dot, offsetBy: 2)...])
            } else {
                return nil
            }
            self.indent = indent
        }
    }

    /// Items at `indent` become one list; deeper items nest inside the item before them.
    static func list(_ items: [ListItem], from index: inout Int, indent: Int) -> String {
        let tag = items[index].ordered ? "ol" : "ul"
        var html = "<\(tag)>"
        while index < items.count, items[index].indent >= indent {
            let item = items[index]
            if item.indent > indent {
                html += list(items, from: &index, indent: item.indent)
                continue
            }
            index += 1
            html += "<li>" + inline(item.text)
            if index < items.count, items[index].indent > indent {
                html += list(items, from: &index, indent: items[index].indent)
            }
            html += "</li>"
        }
        return html + "</\(tag)>"
    }

    /// `**bold**` and `` `code` `` in escaped text.
    static func inline(_ text: String) -> String {
        var html = ""
        var rest = text[...]
        var bold = false
        while let character = rest.first {
            if character == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                html += "<code>" + HTMLText.escape(String(rest[rest.index(after: rest.startIndex)..<end])) + "</code>"
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("**"), bold || rest.dropFirst(2).contains("**") {
                html += bold ? "</strong>" : "<strong>"
                bold.toggle()
                rest = rest.dropFirst(2)
            } else {
                html += HTMLText.escape(String(character))
                rest = rest.dropFirst()
            }
        }
        return bold ? html + "</strong>" : html
    }
}
