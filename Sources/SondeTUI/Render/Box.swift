/// A bordered box with a title; the focused one is drawn in the focus colour.
enum Box {
    static func draw(_ rect: Rect, title: String, focused: Bool, glyphs g: Glyphs, into canvas: inout Canvas) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border = focused ? Style(.borderFocus, bold: true) : Style(.border)
        let inner = String(repeating: g.horizontal, count: rect.width - 2)
        canvas.put(g.topLeft + inner + g.topRight, x: rect.x, y: rect.y, style: border)
        canvas.put(g.bottomLeft + inner + g.bottomRight, x: rect.x, y: rect.maxY - 1, style: border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            canvas.put(g.vertical, x: rect.x, y: y, style: border)
            canvas.put(g.vertical, x: rect.maxX - 1, y: y, style: border)
        }
        let label = " " + Text.fit(title, rect.width - 6, ellipsis: g.ellipsis) + " "
        canvas.put(label, x: rect.x + 2, y: rect.y, style: focused ? Style(.borderFocus, bold: true) : Style(.text, bold: true))
    }

    /// Draws lines inside a box, scrolled so `selected` is visible; highlights it when focused.
    static func fill(_ lines: [Line], in rect: Rect, selected: Int?, into canvas: inout Canvas) {
        guard rect.height > 0 else { return }
        let offset = selected.map { max(0, $0 - rect.height + 1) } ?? 0
        for (row, line) in lines.dropFirst(offset).prefix(rect.height).enumerated() {
            canvas.put(line, x: rect.x, y: rect.y + row, limit: rect.width)
            if let selected, row + offset == selected {
                canvas.restyle(Rect(x: rect.x, y: rect.y + row, width: rect.width, height: 1)) { style in
                    var s = style
                    s.reverse = true
                    return s
                }
            }
        }
    }
}
