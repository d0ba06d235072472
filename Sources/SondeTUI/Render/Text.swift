import SondeCore

/// A run of text in one style; a line is a list of spans.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

public typealias Line = [Span]

enum Text {
    /// `text` cut to `width` display columns, with an ellipsis when cut. The ellipsis comes
    /// from the glyph set (ASCII terminals get "..."); no default, so no caller forgets it.
    static func fit(_ text: String, _ width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        // Too narrow for the ellipsis itself: cut without one rather than overflow.
        let mark = DisplayWidth.of(ellipsis) < width ? ellipsis : ""
        var out = ""
        var used = 0
        let room = width - DisplayWidth.of(mark)
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + mark
    }

    /// Left-aligned in exactly `width` columns.
    static func left(_ text: String, _ width: Int, ellipsis: String) -> String {
        let cut = fit(text, width, ellipsis: ellipsis)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }

    /// Right-aligned in exactly `width` columns.
    static func right(_ text: String, _ width: Int, ellipsis: String) -> String {
        let cut = fit(text, width, ellipsis: ellipsis)
        return String(repeating: " ", count: max(0, width - DisplayWidth.of(cut))) + cut
    }

    static func ms(_ value: Double?) -> String {
        guard let value else { return "-" }
        return Duration.milliseconds(value).humanReadable
    }

    static func ms(_ value: Duration?) -> String { value.map(\.humanReadable) ?? "-" }

    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "-" }
        return "\(Int((rate * 100).rounded(.down)))%"
    }
}

extension Canvas {
    /// Draws spans left to right within `limit` columns; returns the columns used.
    @discardableResult
    mutating func put(_ line: Line, x: Int, y: Int, limit: Int) -> Int {
        var used = 0
        for span in line where used < limit {
            used += put(span.text, x: x + used, y: y, style: span.style, limit: limit - used)
        }
        return used
    }
}
