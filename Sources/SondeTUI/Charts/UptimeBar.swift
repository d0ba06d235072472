import SondeCore

/// The last results of a target as a row of cells, newest on the right (as Gatus draws
/// uptime): a shape and a colour per status, so the bar reads without colour too.
enum UptimeBar {
    /// The bar takes a quarter of a row's free columns, between 8 and 20, or none when the row is
    /// too narrow for a bar worth reading.
    static func width(free: Int) -> Int {
        free >= 32 ? min(20, max(8, free / 4)) : 0
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

    /// `99.2%`, to a tenth where it is not whole; `-` for no results.
    static func percent(_ uptime: Uptime?) -> String {
        guard let fraction = uptime?.fraction else { return "-" }
        let value = (fraction * 1000).rounded(.down) / 10
        return value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }
}
