/// A reported figure's recent values as a small line chart, oldest on the left: what the detail
/// view shows beside `postgres 101ms`.
enum FigureChart {
    /// `height` lines of `width` columns; the values fill the width as they arrive.
    static func lines(_ values: [Double], width: Int, height: Int, glyphs: Glyphs) -> [Line] {
        guard width > 0, height > 0 else { return [] }
        var grid = DotGrid(width: width, height: height, dots: glyphs.chartDots)
        let shown = values.suffix(grid.dotWidth)
        let scale = ChartScale(values: Array(shown))
        var previous: Int?
        for (x, value) in shown.enumerated() {
            let y = scale.row(value, rows: grid.dotHeight)
            grid.setColumn(x: x, from: previous ?? y, to: y)
            previous = y
        }
        return (0..<height).map { y in
            [Span((0..<width).map { grid.character(x: $0, y: y) ?? " " }.joined(), Style(.reported))]
        }
    }
}
