/// A key press, decoded from curses into what the key map speaks.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case enter, escape, tab, backTab, up, down, left, right, pageUp, pageDown, home, end, backspace
    case ctrlC

    /// The name in plain ASCII, for terminals whose locale cannot show arrows.
    public var asciiDescription: String {
        switch self {
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        default: description
        }
    }

    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .backspace: "Bksp"
        case .ctrlC: "^C"
        }
    }
}
