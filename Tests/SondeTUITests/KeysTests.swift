import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("Keys")
struct KeysTests {
    typealias F = DashboardFixture

    @Test("Tab and Shift-Tab cycle focus through the visible panes only")
    func focus() {
        var state = F.populated()
        var seen: [PaneID] = [state.focus]
        for _ in 0..<5 {
            _ = Update.apply(.key(.tab), to: &state)
            seen.append(state.focus)
        }
        #expect(seen == [.services, .databases, .websockets, .modules, .events, .services])
        _ = Update.apply(.key(.backTab), to: &state)
        #expect(state.focus == .events)
    }

    @Test("j / k move the selection within bounds; Enter opens the selected target")
    func selection() {
        var state = F.populated()
        for _ in 0..<5 { _ = Update.apply(.key(.character("j")), to: &state) }
        #expect(state.selectedRow(.services) == 1)
        _ = Update.apply(.key(.up), to: &state)
        _ = Update.apply(.key(.up), to: &state)
        #expect(state.selectedRow(.services) == 0)
        _ = Update.apply(.key(.down), to: &state)
        _ = Update.apply(.key(.enter), to: &state)
        #expect(state.screen == .detail(target: "auth"))
        #expect(Update.apply(.key(.character("r")), to: &state) == [.probeNow("auth")])
    }

    @Test("/ filters rows by name; Esc clears it")
    func filter() {
        var state = F.populated()
        _ = Update.apply(.key(.character("/")), to: &state)
        for c in "aut" { _ = Update.apply(.key(.character(c)), to: &state) }
        _ = Update.apply(.key(.enter), to: &state)
        #expect(state.serviceRows.map(\.name) == ["auth"])
        #expect(F.text(state).contains("filter: aut"))
        #expect(F.text(state).contains("nothing matches the filter 'aut'"))
        _ = Update.apply(.key(.escape), to: &state)
        #expect(state.filter.isEmpty)
    }

    @Test("p pauses, t cycles themes, q and Ctrl-C quit")
    func commands() {
        var state = F.populated()
        state.themes = ["default", "mono"]
        #expect(Update.apply(.key(.character("p")), to: &state) == [.togglePause])
        #expect(F.text(state).contains("PAUSED"))
        #expect(Update.apply(.key(.character("t")), to: &state) == [.applyTheme("mono")])
        #expect(Update.apply(.key(.character("q")), to: &state) == [.quit])
        #expect(Update.apply(.key(.ctrlC), to: &state) == [.quit])
    }
}
