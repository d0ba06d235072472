import SondeCore

/// Every key binding with its description, generated from the key map, over the dashboard.
/// When the screen is too short for one column it uses two (if wide enough), else it shows
/// what fits and scrolls with j/k.
enum HelpOverlay {
    static func draw(_ state: DashboardState, into canvas: inout Canvas) {
        let layout = HelpLayout(state)
        let rect = Rect(x: (canvas.width - layout.width) / 2, y: max(1, (canvas.height - layout.height) / 2),
                        width: layout.width, height: layout.height)
        canvas.fill(rect)
        Box.draw(rect, title: "Keys", focused: true, glyphs: state.glyphs, into: &canvas)
        Box.fill(lines(state, layout: layout), in: rect.inset, selected: nil, into: &canvas)
    }

    static func lines(_ state: DashboardState, layout: HelpLayout) -> [Line] {
        let g = state.glyphs
        let entries = state.keyMap.bindings.map { entry($0, layout: layout, glyphs: g) }
        switch layout.mode {
        case .oneColumn:
            return entries + [[], [Span(" any key closes this help", .muted)]]
        case .twoColumns(let rows):
            let pairs: [Line] = (0..<rows).map { row in
                guard let right = entries[safe: row + rows] else { return entries[row] }
                return entries[row] + [Span(" ")] + right
            }
            return pairs + [[], [Span(" any key closes this help", .muted)]]
        case .scrolled(let visible):
            let offset = min(max(0, state.helpScroll), layout.maxScroll)
            let below = entries.count - offset - visible
            let hint = below > 0 ? " \(g.ellipsis) \(below) more, j/k scroll, any other key closes" : " j/k scroll, any other key closes"
            return Array(entries[offset..<(offset + visible)]) + [[Span(Text.fit(hint, layout.width - 2, ellipsis: g.ellipsis), .muted)]]
        }
    }

    /// ` q ^C   quit`: the keys padded to one width, the description cut to the column.
    static func entry(_ binding: KeyBinding, layout: HelpLayout, glyphs g: Glyphs) -> Line {
        let keys = " " + Text.left(keysLabel(binding, glyphs: g), layout.labelWidth, ellipsis: g.ellipsis) + "  "
        let room = layout.columnWidth - DisplayWidth.of(keys)
        return [Span(keys, Style(.accent, bold: true)), Span(Text.left(binding.description, room, ellipsis: g.ellipsis))]
    }

    /// How far j can scroll the help on this screen (0 when everything shows).
    static func maxScroll(_ state: DashboardState) -> Int { HelpLayout(state).maxScroll }

    /// `j ↓` style list of every key of a binding (the ASCII fallback spells arrows out).
    static func keysLabel(_ binding: KeyBinding, glyphs: Glyphs) -> String {
        binding.keys.map(glyphs.keyName).joined(separator: " ")
    }
}
