/// A named colour of the theme. Widgets pick roles; the theme decides what they look like.
public enum ColorRole: String, Sendable, CaseIterable, Hashable {
    case background, text, muted, accent, up, slow, down, border
    case borderFocus = "border_focus"
    case headerText = "header_fg"
    case headerBackground = "header_bg"
    case selectionText = "selection_fg"
    case selectionBackground = "selection_bg"
    case reported
}

/// How a cell looks, in theme-independent terms.
public struct Style: Sendable, Hashable {
    public var foreground: ColorRole
    public var background: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        _ foreground: ColorRole = .text, on background: ColorRole = .background,
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()

    public func with(bold: Bool) -> Style {
        var copy = self
        copy.bold = bold
        return copy
    }
}
