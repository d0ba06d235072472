import SondeCore

/// The last results of a target as a row of cells, newest on the right (as Gatus draws
/// uptime): a shape and a colour per status, so the bar reads without colour too.
enum UptimeBar {
    /// The bar shares the sparkline's columns, plus up to 20 a reason of over 40 columns can spare:
    /// the reason keeps what it had on a narrow row (it says what is wrong). No bar under 6 cells.
    static func columns(_ split: (spark: Int, reason: Int)) -> (bar: Int, spark: Int, reason: Int) {
        let extra = min(20, max(0, split.reason - 40))
        let trend = split.spark + extra
        guard trend >= 12 else { return (0, split.spark, split.reason) }
        let bar = min(20, trend / 2)
        return (bar, trend - bar - 1, split.reason - extra)
    }

    static func line(_ samples: [LatencyWindow.Sample], width: Int, glyphs: Glyphs) -> Line {
        guard width > 0 else { return [] }
        let shown = samples.suffix(width)
        var cells: [(String, Style)] = Array(repeating: (glyphs.uptimeCell(nil), Style.muted), count: width - shown.count)
        cells += shown.map { (glyphs.uptimeCell($0.status), Style(statusColor($0.status))) }
        return LatencyChart.merged(cells)
    }

    /// The status's colour without the bold the status column adds: a bar of bold cells is loud.
    static func statusColor(_ status: Status) -> ColorRole {
        switch status {
        case .up: .up
        case .slow: .slow
        case .down: .down
        }
    }

    /// `99.2%`: a tenth is as fine as a row has room for; `-` (ASCII-safe) for no results.
    static func percent(_ uptime: Uptime?) -> String {
        guard let uptime, uptime.fraction != nil else { return "-" }
        return uptime.percentText(decimals: 1)
    }
}
