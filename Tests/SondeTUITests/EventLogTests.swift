import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("Journey, suite and flapping changes in the event log")
struct EventLogTests {
    typealias F = DashboardFixture

    private func journey(failing: Bool, at offset: TimeInterval, sequence: Int) -> JourneyResult {
        F.journey("golden path", steps: ["frontend", "auth", "backend", "websocket", "chat init"], failing: failing ? "chat init" : nil,
                  at: offset, sequence: sequence)
    }

    private func suite(passing: Int, error: String? = nil, at offset: TimeInterval) -> SuiteResult {
        let modules = (0..<10).map { ModuleResult(name: "m\($0)", passed: 1, failed: $0 < passing ? 0 : 1) }
        return SuiteResult(name: "e2e", modules: error == nil ? modules : [], error: error, readAt: F.start.addingTimeInterval(offset))
    }

    private func eventLines(_ state: DashboardState) -> [String] {
        var copy = state
        copy.width = 140
        copy.height = 50
        return EventsPane.lines(copy, width: 136).map { $0.map(\.text).joined() }
    }

    @Test("A journey losing a step is logged with the failing step; an unchanged run is not")
    func journeyChange() {
        var state = F.state()
        _ = Update.apply(.event(.journey(journey(failing: false, at: 0, sequence: 1))), to: &state)
        _ = Update.apply(.event(.journey(journey(failing: false, at: 5, sequence: 2))), to: &state)
        #expect(state.events.isEmpty)
        _ = Update.apply(.event(.journey(journey(failing: true, at: 10, sequence: 3))), to: &state)
        #expect(eventLines(state) == ["15:33:30 ✖ golden path 5/5 -> 4/5 steps (chat init: HTTP 404)"])
        _ = Update.apply(.event(.journey(journey(failing: false, at: 15, sequence: 4))), to: &state)
        #expect(eventLines(state).first == "15:33:35 ● golden path 4/5 -> 5/5 steps")
    }

    @Test("A suite's passing count and its error are logged when they change")
    func suiteChange() {
        var state = F.state()
        _ = Update.apply(.event(.suite(suite(passing: 7, at: 0))), to: &state)
        _ = Update.apply(.event(.suite(suite(passing: 7, at: 5))), to: &state)
        #expect(state.events.isEmpty)
        _ = Update.apply(.event(.suite(suite(passing: 6, at: 10))), to: &state)
        #expect(eventLines(state) == ["15:33:30 ✖ suite e2e 7/10 -> 6/10 modules passing"])
        _ = Update.apply(.event(.suite(suite(passing: 0, error: "not JUnit XML (\(F.secret))", at: 15))), to: &state)
        #expect(eventLines(state).first == "15:33:35 ✖ suite e2e: unreadable: not JUnit XML (***)")
        _ = Update.apply(.event(.suite(suite(passing: 10, at: 20))), to: &state)
        #expect(eventLines(state).first == "15:33:40 ● suite e2e readable again, 10/10 modules passing")
        #expect(state.events.count == 3)
    }

    @Test("Flapping start and end are logged once each")
    func flapping() {
        var state = F.state()
        state.observed = Observations(flapping: HistorySettings(flapFailures: 2, flapWindow: 4))
        F.feed("..x.x....", to: &state)
        let flaps = eventLines(state).filter { $0.contains("flapping") }
        #expect(flaps == ["15:33:50 ● auth no longer flapping",
                          "15:33:40 ▲ auth flapping: failed 2 of the last 4 (HTTP 503 (expected 200))"])
    }

    @Test("Flapping that ends because every result failed says down, not recovered")
    func flappingEndsDown() {
        var state = F.state()
        state.observed = Observations(flapping: HistorySettings(flapFailures: 2, flapWindow: 3))
        F.feed(".xxx", to: &state)
        #expect(eventLines(state).first == "15:33:35 ✖ auth no longer flapping: down for every recent result")
    }

    @Test("Enter on a journey or suite entry opens that journey or suite")
    func enterOpens() throws {
        var state = F.state()
        _ = Update.apply(.event(.journey(journey(failing: false, at: 0, sequence: 1))), to: &state)
        _ = Update.apply(.event(.journey(journey(failing: true, at: 5, sequence: 2))), to: &state)
        _ = Update.apply(.event(.suite(suite(passing: 7, at: 6))), to: &state)
        _ = Update.apply(.event(.suite(suite(passing: 6, at: 7))), to: &state)
        state.focus = .events
        _ = Update.apply(.key(.enter), to: &state)
        #expect(state.screen == .suite(name: "e2e", module: nil))
        _ = Update.apply(.key(.escape), to: &state)
        _ = Update.apply(.key(.character("j")), to: &state)
        _ = Update.apply(.key(.enter), to: &state)
        #expect(state.screen == .journey(name: "golden path"))
    }
}
