import SondeCore

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
