import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("The footer fits whole entries and always shows the help key")
struct FooterTests {
    private func footer(width: Int) -> String {
        let state = DashboardFixture.populated(width: width, height: 24)
        return Renderer.render(state).lines.last ?? ""
    }

    /// `r probe now`, as the footer spells each binding.
    private var entries: [String] { KeyMap.standard.footerBindings.map { "\($0.label) \($0.short)" } }

    @Test("At 80 columns: no entry cut, and it ends with '? more'")
    func narrow() {
        let line = footer(width: 80)
        #expect(line.hasSuffix("? more"), "footer: \(line)")
        let shown = line.dropFirst().components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(shown.count > 2)
        for entry in shown.dropLast() { #expect(entries.contains(entry), "cut or unknown entry '\(entry)' in \(line)") }
        #expect(!line.contains("? help"), "the help key appears once, as '? more'")
        #expect(DisplayWidth.of(line) <= 80)
    }

    @Test("At 160 columns: every footer binding, no 'more'")
    func wide() {
        let line = footer(width: 160)
        for entry in entries { #expect(line.contains(entry), "missing '\(entry)' in \(line)") }
        #expect(!line.contains("more"))
    }

    @Test("Entries never exceed the width, down to the help key alone")
    func everyWidth() {
        for width in 8...160 {
            let shown = FooterBar.entries(.standard, width: width)
            #expect(FooterBar.needed(shown) <= width - 1, "\(width) columns")
            if FooterBar.needed(FooterBar.entries(.standard, width: 1000)) > width - 1, width >= 8 {
                #expect(shown.last == FooterBar.Entry(label: "?", short: "more"), "\(width) columns")
            }
        }
    }
}
