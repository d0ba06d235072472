import Foundation
import SondeCore
import Testing
@testable import SondeTUI

/// `S`: the silences in force, soonest to end first; Enter lifts the picked one.
@Suite struct SilencesListTests {
    func silenced() -> DashboardState {
        var state = DashboardFixture.populated()
        state.observed.silence("backend", until: DashboardFixture.start.addingTimeInterval(4 * 3_600))
        state.observed.silence("auth", until: DashboardFixture.start.addingTimeInterval(3_600))
        state.observed.silence("redis", until: DashboardFixture.start.addingTimeInterval(-60))  // over already
        return state
    }

    @Test func theListShowsSilencesInForceSoonestFirst() {
        var state = silenced()
        _ = Update.apply(.key(.character("S")), to: &state)
        #expect(state.showSilences)
        #expect(state.activeSilences.map(\.name) == ["auth", "backend"])
        let text = DashboardFixture.text(state)
        #expect(text.contains("Silences"))
        #expect(text.contains("auth"))
        #expect(text.contains("for 1h (until 16:33)"))
        #expect(text.contains("for 4h (until 19:33)"))
        #expect(text.contains("j/k select, Enter lifts, Esc closes"))
    }

    @Test func enterLiftsThePickedSilenceAndEscCloses() {
        var state = silenced()
        _ = Update.apply(.key(.character("S")), to: &state)
        _ = Update.apply(.key(.character("j")), to: &state)
        #expect(Update.apply(.key(.enter), to: &state) == [.liftSilence("backend")])
        #expect(state.showSilences, "the list stays open to lift another")
        _ = Update.apply(.key(.escape), to: &state)
        #expect(!state.showSilences)
    }

    @Test func qStillQuitsFromTheList() {
        var state = silenced()
        _ = Update.apply(.key(.character("S")), to: &state)
        #expect(Update.apply(.key(.character("q")), to: &state) == [.quit])
    }

    @Test func anEmptyListSaysHowToSilence() {
        var state = DashboardFixture.populated()
        _ = Update.apply(.key(.character("S")), to: &state)
        #expect(DashboardFixture.text(state).contains("nothing is silenced: s on a row silences it"))
        #expect(Update.apply(.key(.enter), to: &state).isEmpty)
        #expect(!state.showSilences)
    }
}
