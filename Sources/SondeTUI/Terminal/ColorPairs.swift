@preconcurrency import CNcursesw

/// Curses colour pairs for (foreground role, background role), made on first use from the theme.
struct ColorPairs {
    private var theme: Theme
    private let support: TerminalCapabilities.ColorSupport
    private let defaultColorsOK: Bool
    private var pairs: [PairKey: Int16] = [:]

    struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    init(theme: Theme, support: TerminalCapabilities.ColorSupport, defaultColorsOK: Bool) {
        self.theme = theme
        self.support = support
        self.defaultColorsOK = defaultColorsOK
    }

    mutating func change(to theme: Theme) {
        self.theme = theme
    }

    /// The attributes and pair for a style. Without colour, or where the theme leaves a bar's
    /// background to the terminal, reverse video marks what colour would have.
    mutating func attributes(for style: Style) -> (attr_t, Int16) {
        var attrs: attr_t = 0
        if style.bold { attrs |= sonde_attr_bold() }
        if style.underline { attrs |= sonde_attr_underline() }
        if style.dim { attrs |= sonde_attr_dim() }
        var reverse = style.reverse
        guard case .colors(let count) = support else {
            if style.background != .background { reverse.toggle() }
            if reverse { attrs |= sonde_attr_reverse() }
            return (attrs, 0)
        }
        var key = PairKey(
            foreground: theme.color(style.foreground).cursesNumber(colors: count),
            background: theme.color(style.background).cursesNumber(colors: count)
        )
        if style.background != .background, key.background == -1 {
            reverse.toggle()
            key.foreground = -1
        }
        if reverse { attrs |= sonde_attr_reverse() }
        if !defaultColorsOK {
            if key.foreground == -1 { key.foreground = Int(COLOR_WHITE) }
            if key.background == -1 { key.background = Int(COLOR_BLACK) }
        }
        if key.foreground == -1, key.background == -1 { return (attrs, 0) }
        return (attrs, pair(for: key))
    }

    private mutating func pair(for key: PairKey) -> Int16 {
        if let existing = pairs[key] { return existing }
        let number = Int16(pairs.count + 1)
        guard Int32(number) < COLOR_PAIRS else { return 0 }
        init_pair(number, Int16(key.foreground), Int16(key.background))
        pairs[key] = number
        return number
    }
}
