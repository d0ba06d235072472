import SondeCore

/// Every key binding with its description, generated from the key map, over the dashboard.
enum HelpOverlay {
    static func draw(_ state: DashboardState, into canvas: inout Canvas) {
        let bindings = state.keyMap.bindings
        let g = state.glyphs
        let labelWidth = bindings.map { DisplayWidth.of(keysLabel($0, glyphs: g)) }.max() ?? 4
        let lines: [Line] = bindings.map {
            [Span(" " + Text.left(keysLabel($0, glyphs: g), labelWidth) + "  ", Style(.accent, bold: true)), Span($0.description)]
        } + [[], [Span(" any key closes this help", .muted)]]
        let descriptionWidth = bindings.map { DisplayWidth.of($0.description) }.max() ?? 30
        let width = min(canvas.width - 2, max(40, labelWidth + descriptionWidth + 6))
        let height = min(canvas.height - 2, lines.count + 2)
        let rect = Rect(x: (canvas.width - width) / 2, y: max(1, (canvas.height - height) / 2), width: width, height: height)
        canvas.fill(rect)
        Box.draw(rect, title: "Keys", focused: true, glyphs: state.glyphs, into: &canvas)
        Box.fill(lines, in: rect.inset, selected: nil, into: &canvas)
    }

    /// `j ↓` style list of every key of a binding (the ASCII fallback spells arrows out).
    static func keysLabel(_ binding: KeyBinding, glyphs: Glyphs) -> String {
        binding.keys.map(glyphs.keyName).joined(separator: " ")
    }
}

/// Shown instead of the dashboard when the terminal is smaller than any layout.
enum TooSmallScreen {
    static func draw(_ state: DashboardState, into canvas: inout Canvas) {
        let long = [
            "Terminal too small: \(state.width)x\(state.height)",
            "Sonde needs at least \(Layout.minimumWidth)x\(Layout.minimumHeight).",
            "Enlarge the window, or press q to quit.",
        ]
        // A very narrow window still gets the whole message, in fewer words.
        let short = ["Too small: \(state.width)x\(state.height)", "Needs \(Layout.minimumWidth)x\(Layout.minimumHeight)", "q quits"]
        let lines = long.allSatisfy { DisplayWidth.of($0) <= canvas.width } ? long : short
        let top = max(0, (canvas.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let fitted = Text.fit(line, canvas.width, ellipsis: state.glyphs.ellipsis)
            canvas.put(fitted, x: max(0, (canvas.width - DisplayWidth.of(fitted)) / 2), y: top + i, style: Style(.text, bold: i == 0))
        }
    }
}
