import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("The help overlay fits the screen")
struct HelpOverlayTests {
    private func open(width: Int, height: Int) -> DashboardState {
        var state = DashboardFixture.populated(width: width, height: height)
        _ = Update.apply(.key(.character("?")), to: &state)
        return state
    }

    private func shownDescriptions(_ state: DashboardState) -> [String] {
        let text = DashboardFixture.text(state)
        return state.keyMap.bindings.map(\.description).filter { text.contains($0) }
    }

    @Test("At the minimum size: a box that fits, a '… more, j/k scroll' line, and j reaches the last key")
    func minimumSize() throws {
        var state = open(width: Layout.minimumWidth, height: Layout.minimumHeight)
        let lines = Renderer.render(state).lines
        let top = try #require(lines.firstIndex { $0.contains("Keys") })
        let bottom = try #require(lines.lastIndex { $0.hasPrefix(" └") || $0.contains("└") })
        #expect(top >= 1 && bottom <= Layout.minimumHeight - 2, "box rows \(top)...\(bottom)")
        #expect(lines.contains { $0.contains("more, j/k scroll") })
        let first = state.keyMap.bindings.first?.description ?? ""
        let last = state.keyMap.bindings.last?.description ?? ""
        #expect(DashboardFixture.text(state).contains(first))
        #expect(!DashboardFixture.text(state).contains(last))
        for _ in 0..<(state.keyMap.bindings.count + 5) { _ = Update.apply(.key(.character("j")), to: &state) }
        #expect(state.showHelp, "j scrolls instead of closing")
        let scrolled = DashboardFixture.text(state)
        #expect(scrolled.contains(String(last.prefix(40))), "\(scrolled)")
        #expect(!scrolled.contains("q ^C"), "scrolled past the first binding: \(scrolled)")
        _ = Update.apply(.key(.character("k")), to: &state)
        #expect(state.helpScroll == HelpOverlay.maxScroll(state) - 1)
        _ = Update.apply(.key(.character("x")), to: &state)
        #expect(!state.showHelp)
    }

    @Test("Short but wide: two columns show every binding at once")
    func twoColumns() {
        // The shortest screen two columns fit: half the bindings, a blank, the closing line, the border.
        let rows = (KeyMap.standard.bindings.count + 1) / 2
        let state = open(width: 160, height: max(Layout.minimumHeight, rows + 6))
        #expect(shownDescriptions(state).count == state.keyMap.bindings.count)
        #expect(HelpOverlay.maxScroll(state) == 0)
        #expect(!DashboardFixture.text(state).contains("j/k scroll"))
    }

    @Test("Tall enough: one column and j closes it as any key does")
    func oneColumn() {
        var state = open(width: 100, height: 30)
        #expect(shownDescriptions(state).count == state.keyMap.bindings.count)
        _ = Update.apply(.key(.character("j")), to: &state)
        #expect(!state.showHelp)
    }
}
