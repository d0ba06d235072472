import SondeCore

/// One terminal cell. A wide character occupies its cell and a `continuation` cell after it.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A grid of cells that widgets draw into. Pure data: rendered to text in tests, copied into
/// curses by `CursesTerminal`.
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * width + x]
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes text from (x, y), clipped at `limit` columns (and at the right edge). Measures by
    /// display width; a wide character that would straddle the limit is replaced by a space.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > end {
                if column < end, column >= 0 { set(x: column, y: y, Cell(" ", style: style)) }
                break
            }
            if column >= 0 {
                set(x: column, y: y, Cell(String(character), style: style))
                if w == 2 { set(x: column + 1, y: y, Cell("", style: style, isContinuation: true)) }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Fills a rectangle with spaces in a style (a background, a selection bar).
    public mutating func fill(_ rect: Rect, style: Style = .plain, with text: String = " ") {
        for row in rect.y..<(rect.y + rect.height) {
            for column in rect.x..<(rect.x + rect.width) where contains(x: column, y: row) {
                set(x: column, y: row, Cell(text, style: style))
            }
        }
    }

    /// Restyles cells without changing their text (selection highlight).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        for row in rect.y..<(rect.y + rect.height) {
            for column in rect.x..<(rect.x + rect.width) where contains(x: column, y: row) {
                cells[row * width + column].style = transform(cells[row * width + column].style)
            }
        }
    }

    private mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard contains(x: x, y: y) else { return }
        // Overwriting half of a wide character blanks the other half so nothing is left dangling.
        let index = y * width + x
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
        if !cells[index].isContinuation, x + 1 < width, cells[index + 1].isContinuation, !cell.isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Row `y` as plain text, trailing spaces removed: what tests compare.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var out = ""
        for x in 0..<width where !self[x, y].isContinuation { out += self[x, y].text }
        while out.last == " " { out.removeLast() }
        return out
    }

    public var lines: [String] { (0..<height).map(line) }
    public var text: String { lines.joined(separator: "\n") }

    /// Cells of one row, for the terminal to copy.
    public func row(_ y: Int) -> ArraySlice<Cell> { cells[(y * width)..<((y + 1) * width)] }
}

public struct Rect: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The inside of a bordered box.
    public var inset: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }
}
