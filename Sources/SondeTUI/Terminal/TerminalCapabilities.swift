import Foundation

/// What the terminal and the environment allow: colours (NO_COLOR, 8 or 256) and Unicode.
public struct TerminalCapabilities: Sendable, Equatable {
    public enum ColorSupport: Sendable, Equatable {
        /// NO_COLOR, a terminal without colours, or the mono theme: attributes only.
        case none
        case colors(Int)
    }

    public var color: ColorSupport
    public var unicode: Bool

    public init(color: ColorSupport, unicode: Bool) {
        self.color = color
        self.unicode = unicode
    }

    /// NO_COLOR set to anything non-empty turns colour off (https://no-color.org).
    public static func noColorRequested(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Whether the locale's character set (after setlocale) is UTF-8.
    public static func localeIsUTF8(codeset: String) -> Bool {
        let normalized = codeset.uppercased().replacingOccurrences(of: "-", with: "")
        return normalized == "UTF8"
    }

    public var glyphs: Glyphs { unicode ? .unicode : .ascii }
}
