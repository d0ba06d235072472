/// Small helpers for writing Markdown that survives any text a service sends back.
enum MarkdownText {
    /// A table cell: pipes escaped, one line.
    static func cell(_ text: String) -> String {
        text.excerpt(200).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Inline code: backticks in the text cannot end the span early.
    static func code(_ text: String) -> String {
        "`" + text.excerpt(200).replacingOccurrences(of: "`", with: "'") + "`"
    }

    static func table(_ headers: [String], _ rows: [[String]]) -> [String] {
        ["| " + headers.joined(separator: " | ") + " |", "|" + headers.map { _ in "---" }.joined(separator: "|") + "|"]
            + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
    }

    static func mark(_ status: Status) -> String {
        switch status {
        case .up: "✅"
        case .slow: "⚠️"
        case .down: "❌"
        }
    }

    static func ms(_ value: Double?) -> String {
        value.map { Duration.milliseconds($0).humanReadable } ?? "-"
    }

    static func percent(_ rate: Double) -> String {
        "\(Int(saturating: rate * 100))%"
    }
}
