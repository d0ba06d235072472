import Foundation
import SondeCore

/// Where the terminal channel's bytes go: the dashboard writes them between frames on the curses
/// thread, so they never land inside a half-drawn screen.
public struct TerminalOutput: Sendable {
    public var write: @Sendable ([UInt8]) -> Void
    /// Inside tmux, desktop notifications must be wrapped in its passthrough sequence.
    public var insideTmux: Bool

    public init(insideTmux: Bool, write: @escaping @Sendable ([UInt8]) -> Void) {
        self.insideTmux = insideTmux
        self.write = write
    }
}

/// `terminal:` channels: BEL, and a desktop notification as the terminal itself offers it: OSC 9
/// (iTerm2, WezTerm, Windows Terminal, Ghostty, kitty) and OSC 777 (foot, rxvt, VTE). Both reach the
/// engineer's desktop over SSH, because they are only bytes on the terminal.
struct TerminalSender: NotificationSender {
    let bell: Bool
    let desktop: Bool
    let output: TerminalOutput

    func send(_ notification: AlertNotification) async -> DeliveryFailure? {
        output.write(Array(Self.bytes(notification, bell: bell, desktop: desktop, insideTmux: output.insideTmux).utf8))
        return nil
    }

    static func bytes(_ notification: AlertNotification, bell: Bool, desktop: Bool, insideTmux: Bool) -> String {
        var out = ""
        if desktop {
            let title = clean("Sonde: \(notification.rule) \(notification.state.rawValue)")
            let body = clean(notification.headline)
            for sequence in ["\u{1B}]9;\(body)\u{07}", "\u{1B}]777;notify;\(title.replacingOccurrences(of: ";", with: ","));\(body)\u{07}"] {
                out += insideTmux ? tmuxPassthrough(sequence) : sequence
            }
        }
        if bell { out += "\u{07}" }
        return out
    }

    /// tmux hands `ESC P tmux; ... ESC \` to the outer terminal (with `allow-passthrough on`),
    /// every ESC inside doubled.
    static func tmuxPassthrough(_ sequence: String) -> String {
        "\u{1B}Ptmux;" + sequence.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }

    /// No control character may end the sequence early or reach the terminal raw.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) })).excerpt(200)
    }
}
