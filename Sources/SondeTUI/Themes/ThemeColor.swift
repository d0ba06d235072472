/// A colour as a theme file names it.
public enum ThemeColor: Sendable, Equatable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 256 xterm colours (0-7 basic, 8-15 bright).
    case index(Int)
    case rgb(Int, Int, Int)

    static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, `red`, `bright-red`, `208` or `#ff8700`; nil when it is none of these.
    public init?(parsing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "default" || text == "none" {
            self = .terminalDefault
        } else if let i = Self.basicNames.firstIndex(of: text) {
            self = .index(i)
        } else if text.hasPrefix("bright-") || text.hasPrefix("bright_"), let i = Self.basicNames.firstIndex(of: String(text.dropFirst(7))) {
            self = .index(i + 8)
        } else if let n = Int(text), (0...255).contains(n) {
            self = .index(n)
        } else if text.hasPrefix("#"), text.count == 7, let value = Int(text.dropFirst(), radix: 16) {
            self = .rgb(value >> 16, (value >> 8) & 0xFF, value & 0xFF)
        } else {
            return nil
        }
    }

    /// The curses colour number on a terminal with `colors` colours; -1 is the terminal's own.
    /// 8-colour terminals get the nearest basic colour (bright-black, a grey, becomes the
    /// terminal's own colour rather than black on black).
    public func cursesNumber(colors: Int) -> Int {
        switch self {
        case .terminalDefault:
            return -1
        case .index(let n) where n < colors:
            return n
        case .index(let n) where n < 16:
            return n == 8 ? -1 : n - 8
        case .index(let n):
            let (r, g, b) = Self.rgbOf(index: n)
            return ThemeColor.rgb(r, g, b).cursesNumber(colors: colors)
        case .rgb(let r, let g, let b):
            if colors >= 256 { return Self.nearest256(r, g, b) }
            return Self.nearestBasic(r, g, b)
        }
    }

    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgbOf(index n: Int) -> (Int, Int, Int) {
        if n >= 232 { let v = 8 + (n - 232) * 10; return (v, v, v) }
        let c = n - 16
        return (cubeLevels[c / 36], cubeLevels[(c / 6) % 6], cubeLevels[c % 6])
    }

    static func nearest256(_ r: Int, _ g: Int, _ b: Int) -> Int {
        func level(_ v: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) } ?? 0 }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let grey = 232 + min(23, max(0, (((r + g + b) / 3) - 8 + 5) / 10))
        func distance(_ n: Int) -> Int { let (x, y, z) = rgbOf(index: n); return (x - r) * (x - r) + (y - g) * (y - g) + (z - b) * (z - b) }
        return distance(grey) < distance(cube) ? grey : cube
    }

    /// The basic colour of the same hue (greys go to black, white, or the terminal's own colour),
    /// so orange stays distinct from red on an 8-colour terminal.
    static func nearestBasic(_ r: Int, _ g: Int, _ b: Int) -> Int {
        let high = max(r, g, b), low = min(r, g, b)
        if high - low < 48 {
            let value = (r + g + b) / 3
            return value < 40 ? 0 : value > 200 ? 7 : -1
        }
        let delta = Double(high - low)
        var hue: Double
        if high == r { hue = Double(g - b) / delta } else if high == g { hue = 2 + Double(b - r) / delta } else { hue = 4 + Double(r - g) / delta }
        hue = (hue * 60).truncatingRemainder(dividingBy: 360)
        if hue < 0 { hue += 360 }
        // Red, yellow, green, cyan, blue, magenta at 0, 60, ... 300 degrees.
        let basics = [1, 3, 2, 6, 4, 5]
        return basics[Int((hue / 60).rounded()) % 6]
    }
}
