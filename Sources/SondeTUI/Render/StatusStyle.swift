import SondeCore

extension Style {
    /// The colour of a status; down and slow are bold too, so they stand out without colour.
    static func status(_ status: Status?) -> Style {
        switch status {
        case .up: Style(.up)
        case .slow: Style(.slow, bold: true)
        case .down: Style(.down, bold: true)
        case nil: Style(.muted)
        }
    }

    static let muted = Style(.muted)
    static let accent = Style(.accent)
}

/// Column widths shared by the target panes: a name column sized to the longest name.
struct TargetColumns {
    let name: Int
    let rest: Int

    /// `longestName`: display width of the longest name the pane lists.
    init(longestName: Int, width: Int, fixed: Int) {
        name = min(max(8, longestName), 22)
        rest = max(0, width - 2 - name - 1 - fixed)
    }

    /// Sparkline and reason share what is left: the trend up to 30 columns, the rest to the reason.
    var split: (spark: Int, reason: Int) {
        let spark = min(30, rest / 2)
        return (spark, max(0, rest - spark - (spark > 0 ? 1 : 0)))
    }
}
