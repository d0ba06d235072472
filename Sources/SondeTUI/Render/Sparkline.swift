/// Recent values as a row of block characters, newest on the right; failures show as a dot in
/// the down colour so an outage is visible in the trend.
enum Sparkline {
    /// `markers`: deploy positions, as the number of shown values after each deploy; a marker
    /// replaces the first value after its deploy.
    static func line(_ values: [Double?], width: Int, glyphs: Glyphs, markers: [Int] = []) -> Line {
        guard width > 0 else { return [] }
        let shown = values.suffix(width)
        let numbers = shown.compactMap { $0 }
        let low = numbers.min() ?? 0
        let high = numbers.max() ?? 0
        let levels = glyphs.sparkline.count
        var spans: Line = []
        let markedIndices = Set(markers.map { shown.count - $0 })
        for (index, value) in shown.enumerated() {
            if markedIndices.contains(index) {
                spans.append(Span(glyphs.deployMark, Style(.accent, bold: true)))
                continue
            }
            guard let value else {
                spans.append(Span(glyphs.dot, Style(.down)))
                continue
            }
            let level = high > low ? Int(((value - low) / (high - low)) * Double(levels - 1)) : 0
            spans.append(Span(glyphs.sparkline[min(max(level, 0), levels - 1)], Style(.accent)))
        }
        let pad = width - shown.count
        return (pad > 0 ? [Span(String(repeating: " ", count: pad))] : []) + spans
    }
}
