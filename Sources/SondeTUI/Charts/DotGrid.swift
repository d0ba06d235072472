/// A grid of dots over `width` x `height` cells, drawn as braille, half blocks or ASCII marks
/// (btop's approach): the chart plots in dots, the terminal shows cells.
struct DotGrid {
    let width: Int
    let height: Int
    let dots: ChartDots
    /// Per cell, which of its dots are set (bit `column * rows + row`).
    private var bits: [UInt8]

    init(width: Int, height: Int, dots: ChartDots) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.dots = dots
        bits = Array(repeating: 0, count: self.width * self.height)
    }

    var dotWidth: Int { width * dots.perCell.x }
    var dotHeight: Int { height * dots.perCell.y }

    /// Sets the dot at (x, y), y counted down from the top; outside the grid does nothing.
    mutating func set(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let (cx, cy) = dots.perCell
        bits[(y / cy) * width + x / cx] |= 1 << ((x % cx) * cy + y % cy)
    }

    /// Sets the dots of column x from row `top` to row `bottom` (either order).
    mutating func setColumn(x: Int, from top: Int, to bottom: Int) {
        for y in min(top, bottom)...max(top, bottom) { set(x: x, y: y) }
    }

    /// Braille numbers dots 1-2-3 down the left, 4-5-6 down the right, then 7 and 8 below: the
    /// code point bit of each of our bits (column-major, top down).
    static let brailleBits: [UInt32] = [0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80]

    func isEmpty(x: Int, y: Int) -> Bool { bits[y * width + x] == 0 }

    /// The character of cell (x, y), nil when none of its dots is set.
    func character(x: Int, y: Int) -> String? {
        let cell = bits[y * width + x]
        guard cell != 0 else { return nil }
        switch dots {
        case .braille:
            var value: UInt32 = 0
            for bit in 0..<8 where cell & (1 << bit) != 0 { value |= Self.brailleBits[bit] }
            return Unicode.Scalar(0x2800 + value).map(String.init)
        case .blocks:
            switch cell {
            case 1: return "▀"
            case 2: return "▄"
            default: return "█"
            }
        case .ascii:
            return "*"
        }
    }
}
