import SondeCore

/// The characters the dashboard draws with: Unicode box drawing and blocks, or plain ASCII when
/// the locale cannot show them.
public struct Glyphs: Sendable, Equatable {
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
    public var up, slow, down, pending, reported: String
    public var sparkline: [String]
    public var barFull, barFailed, barSkipped, dot, arrow, ellipsis: String
    /// A deploy in the event log, and its mark on a sparkline.
    public var deploy, deployMark: String
    /// An alert in the event log and the header; a silenced row.
    public var alert, silenced: String
    /// A journey step that passed, and what goes between steps.
    public var check, stepSeparator: String
    /// True for the ASCII set: key names are spelled out too.
    public var isASCII: Bool
    /// Charts in half blocks rather than braille (a font without braille: the Linux console).
    public var blockCharts = false

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        up: "●", slow: "▲", down: "✖", pending: "○", reported: "◆",
        sparkline: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        barFull: "█", barFailed: "▓", barSkipped: "░", dot: "·", arrow: "→", ellipsis: "…",
        deploy: "⚑", deployMark: "┃", alert: "◉", silenced: "⊘", check: "✓", stepSeparator: "›", isASCII: false
    )

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        up: "o", slow: "!", down: "X", pending: ".", reported: "*",
        sparkline: ["_", ".", "-", "=", "+", "*", "#", "@"],
        barFull: "#", barFailed: "x", barSkipped: ".", dot: "-", arrow: "->", ellipsis: "...",
        deploy: "D", deployMark: "|", alert: "A", silenced: "z", check: "+", stepSeparator: ">", isASCII: true
    )

    public func keyName(_ key: Key) -> String { isASCII ? key.asciiDescription : key.description }

    public func status(_ status: Status?) -> String {
        switch status {
        case .up: up
        case .slow: slow
        case .down: down
        case nil: pending
        }
    }
}
