/// Rows under the header while the config file has problems: the dashboard keeps running the
/// config it had, and says so with every problem's file:line, until the file is fixed.
enum ConfigBanner {
    /// At most this many problem rows; the rest are counted.
    static let maxProblems = 3

    static func lines(_ state: DashboardState) -> [Line] {
        let problems = state.configProblems
        guard !problems.isEmpty else { return [] }
        let alarm = Style(.down, bold: true)
        let n = problems.count
        var lines: [Line] = [[
            Span(" " + state.glyphs.down + " config not applied", alarm),
            Span(" (\(n) problem\(n == 1 ? "" : "s")); still running the previous config until the file is fixed", .muted),
        ]]
        lines += problems.prefix(maxProblems).map { [Span("   " + state.redactor.redact($0), Style(.down))] }
        if n > maxProblems { lines.append([Span("   and \(n - maxProblems) more (sonde validate CONFIG lists them all)", .muted)]) }
        return lines
    }

    /// Draws the banner from row `y`; returns the rows it took (never so many that the panes
    /// fall below the smallest layout).
    static func draw(_ state: DashboardState, y: Int, width: Int, room: Int, into canvas: inout Canvas) -> Int {
        let lines = lines(state).prefix(max(room, state.configProblems.isEmpty ? 0 : 1))
        for (offset, line) in lines.enumerated() {
            canvas.fill(Rect(x: 0, y: y + offset, width: width, height: 1))
            canvas.put(line, x: 0, y: y + offset, limit: width)
        }
        return lines.count
    }
}
