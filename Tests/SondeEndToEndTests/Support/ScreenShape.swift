import Testing

/// Checks that a screen read back from the pty is laid out for the terminal's size: resize
/// assertions that fail when the dashboard keeps drawing for the old size.
enum ScreenShape {
    /// A row that is one box from column 1 to column `cols` (the Events pane always spans the width).
    static func fullWidthBox(cols: Int) -> String { "^┌[^\\n]{\(cols - 2)}┐$" }

    /// The right border corner sits in the last column and the footer is on the last row.
    static func expectWhole(_ screen: String, cols: Int, rows: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == rows, "\(lines.count) rows, not \(rows)", sourceLocation: sourceLocation)
        let corners = lines.filter { $0.hasPrefix("┌") && $0.hasSuffix("┐") }
        #expect(!corners.isEmpty && corners.allSatisfy { $0.count == cols },
                "top-right corners in columns \(corners.map(\.count)), not \(cols):\n\(screen)", sourceLocation: sourceLocation)
        #expect(lines.last?.hasPrefix(" q quit") == true, "footer not on row \(rows):\n\(screen)", sourceLocation: sourceLocation)
    }
}
