import SondeCore

/// How finely a chart draws: braille (2x4 dots a cell, as btop draws), half blocks (1x2) where
/// the font has no braille (the Linux console), or one ASCII mark a cell.
public enum ChartDots: Sendable, Equatable {
    case braille, blocks, ascii

    /// Dots across and down one cell.
    var perCell: (x: Int, y: Int) {
        switch self {
        case .braille: (2, 4)
        case .blocks: (1, 2)
        case .ascii: (1, 1)
        }
    }

    /// The Linux console's font has no braille; every other UTF-8 terminal gets it.
    public static func forTerminal(unicode: Bool, term: String?) -> ChartDots {
        guard unicode else { return .ascii }
        return term == "linux" ? .blocks : .braille
    }
}

extension Glyphs {
    /// How charts draw with this glyph set: ASCII sets always in ASCII.
    var chartDots: ChartDots { isASCII ? .ascii : (blockCharts ? .blocks : .braille) }

    /// The Unicode set with half-block charts, for terminals without braille.
    public static let unicodeBlocks: Glyphs = {
        var glyphs = Glyphs.unicode
        glyphs.blockCharts = true
        return glyphs
    }()

    /// What a chart draws besides its data: the latency goal, a deploy, the axes.
    var chartGoal: String { isASCII ? "-" : "┄" }
    var chartDeploy: String { isASCII ? "|" : "┊" }
    var axisVertical: String { isASCII ? "|" : "┤" }
    var axisCorner: String { isASCII ? "+" : "└" }
    var axisTick: String { isASCII ? "+" : "┴" }

    /// An uptime bar cell per status: shapes differ, so the bar reads without colour.
    func uptimeCell(_ status: Status?) -> String {
        switch status {
        case .up: isASCII ? "#" : "█"
        case .slow: isASCII ? "=" : "▒"
        case .down: isASCII ? "X" : "╳"
        case nil: isASCII ? "." : "·"
        }
    }
}

extension Glyphs {
    /// This set, with block charts on a terminal whose font has no braille.
    public func forCharts(term: String?) -> Glyphs {
        var glyphs = self
        glyphs.blockCharts = ChartDots.forTerminal(unicode: !isASCII, term: term) == .blocks
        return glyphs
    }
}
