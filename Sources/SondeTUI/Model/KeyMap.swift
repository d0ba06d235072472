/// What a key does. The key map binds keys to these; `update` gives them meaning.
public enum Action: String, Sendable, CaseIterable {
    case quit, help, focusNext, focusPrevious, selectNext, selectPrevious, open, back
    case filter, pause, probeNow, cycleTheme, markDeploy, deployView, silence, silences
    case zoomIn, zoomOut
    /// A pair of keys each: the first steps back, the second forward (`[ ]`, `{ }`).
    case travelMinute, travelTenMinutes
    case travelTo, live

    /// The keys that move through history.
    var isTravel: Bool {
        switch self {
        case .travelMinute, .travelTenMinutes, .travelTo, .live: true
        default: false
        }
    }
}

/// One binding: the keys, how the footer and help name them, and what they do.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var label: String
    public var description: String
    /// The one or two words the footer shows.
    public var short: String
    public var action: Action
    /// Shown in the footer (the help overlay shows every binding).
    public var inFooter: Bool

    public init(_ keys: [Key], label: String, _ short: String, _ description: String, _ action: Action, inFooter: Bool = true) {
        self.keys = keys
        self.label = label
        self.short = short
        self.description = description
        self.action = action
        self.inFooter = inFooter
    }
}

/// The key map as data: the help overlay and the footer are generated from it, so a new key
/// documents itself.
public struct KeyMap: Sendable {
    public var bindings: [KeyBinding]

    public init(_ bindings: [KeyBinding]) { self.bindings = bindings }

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    public var footerBindings: [KeyBinding] { bindings.filter(\.inFooter) }

    public static let standard = KeyMap([
        KeyBinding([.character("q"), .ctrlC], label: "q", "quit", "quit", .quit),
        KeyBinding([.character("?")], label: "?", "help", "list every key (this help)", .help),
        KeyBinding([.tab], label: "Tab", "focus", "focus the next pane", .focusNext),
        KeyBinding([.backTab], label: "S-Tab", "focus back", "focus the previous pane", .focusPrevious, inFooter: false),
        KeyBinding([.down, .character("j")], label: "j/k", "move", "select the next row (scroll a full view)", .selectNext),
        KeyBinding([.up, .character("k")], label: "k/↑", "up", "select the previous row (scroll back)", .selectPrevious, inFooter: false),
        KeyBinding([.enter], label: "Enter", "details", "details of the selected target", .open),
        KeyBinding([.escape], label: "Esc", "back", "back to the dashboard / clear the filter", .back, inFooter: false),
        KeyBinding([.character("/")], label: "/", "filter", "filter rows by name", .filter),
        KeyBinding([.character("p")], label: "p", "pause", "pause / resume probing", .pause),
        KeyBinding([.character("r")], label: "r", "probe now", "probe the selected target now", .probeNow),
        KeyBinding([.character("t")], label: "t", "theme", "cycle themes", .cycleTheme),
        KeyBinding([.character("d")], label: "d", "mark deploy", "mark a deploy now (in the event log and sparklines)", .markDeploy),
        KeyBinding([.character("s")], label: "s", "silence", "silence the selected row's alerts for 1 h (again: 4 h, 24 h, lift)", .silence, inFooter: false),
        KeyBinding([.character("S")], label: "S", "silences", "list the silences in force and lift one", .silences, inFooter: false),
        KeyBinding([.character("D")], label: "D", "deploy view", "before / after the last deploy, per target", .deployView, inFooter: false),
        KeyBinding([.character("+"), .character("=")], label: "+", "zoom in", "latency charts over a shorter span (down to 5 min)", .zoomIn, inFooter: false),
        KeyBinding([.character("-")], label: "-", "zoom out", "latency charts over a longer span (up to 6 h)", .zoomOut, inFooter: false),
        KeyBinding([.character("["), .character("]")], label: "[ ]", "history", "step the dashboard back / forward a minute through history", .travelMinute, inFooter: false),
        KeyBinding([.character("{"), .character("}")], label: "{ }", "10 min", "step back / forward ten minutes (past now is live)", .travelTenMinutes, inFooter: false),
        KeyBinding([.character("g")], label: "g", "go to time", "show a moment: 14:02, -15m, 2026-12-01 14:02", .travelTo, inFooter: false),
        KeyBinding([.character("L")], label: "L", "live", "back to live (Esc too)", .live, inFooter: false),
    ])
}
