import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("ASCII mode (LANG=C): no byte above 0x7F anywhere on screen")
struct AsciiScreenTests {
    typealias F = DashboardFixture

    /// Every pane populated, with long names and reasons so text gets cut, and every kind of
    /// event-log entry (status, journey, suite, flapping, deploy).
    private func state(width: Int, height: Int) -> DashboardState {
        var state = F.populated(width: width, height: height, glyphs: .ascii)
        state.journeyNames = ["golden path with a rather long journey name"]
        state.observed = Observations(flapping: HistorySettings(flapFailures: 2, flapWindow: 4))
        func journey(failing: Bool, at offset: TimeInterval) -> JourneyResult {
            F.journey("golden path with a rather long journey name", steps: ["frontend", "auth", "backend", "websocket", "chat init"],
                      failing: failing ? "chat init" : nil, reason: "HTTP 404 (expected 200) from the chat service", at: offset)
        }
        var messages: [Message] = [.event(.journey(journey(failing: false, at: 11))), .event(.journey(journey(failing: true, at: 12)))]
        messages.append(.event(.suite(SuiteResult(name: "e2e", error: "not JUnit XML: unexpected end of file in a very long path name", readAt: F.start.addingTimeInterval(13),
                                                  commandOutput: "collected 10 items\nERROR: something went wrong", exitStatus: 2))))
        messages.append(.deployMarker(DeployMarker(name: "v2", at: F.start.addingTimeInterval(7), source: .manual)))
        for message in messages { _ = Update.apply(message, to: &state) }
        F.feed("..x.x", from: 20, to: &state)
        return state
    }

    private func nonASCII(_ canvas: Canvas) -> String {
        String(String.UnicodeScalarView(canvas.text.unicodeScalars.filter { !$0.isASCII }))
    }

    static let sizes = [(Layout.minimumWidth, Layout.minimumHeight), (80, 24), (160, 48)]

    @Test("Dashboard, every detail view and the help overlay", arguments: sizes)
    func everyScreen(width: Int, height: Int) {
        let base = state(width: width, height: height)
        #expect(base.events.contains { if case .journey = $0 { true } else { false } })
        #expect(base.events.contains { if case .flapping = $0 { true } else { false } })
        var screens: [(String, DashboardState)] = [("dashboard", base)]
        for screen: Screen in [.detail(target: "backend"), .journey(name: "golden path with a rather long journey name"),
                               .suite(name: "e2e", module: nil), .deploys] {
            var copy = base
            copy.screen = screen
            screens.append(("\(screen)", copy))
        }
        var help = base
        _ = Update.apply(.key(.character("?")), to: &help)
        screens.append(("help", help))
        for (name, state) in screens {
            let canvas = Renderer.render(state)
            #expect(nonASCII(canvas).isEmpty, "non-ASCII on \(name) at \(width)x\(height): \(nonASCII(canvas))")
        }
        // Something was cut, so the ASCII ellipsis was drawn.
        #expect(Renderer.render(base).text.contains("..."))
    }

    @Test("Text.right and Text.fit cut with the glyph set's ellipsis")
    func ellipsis() {
        #expect(Text.right("abcdefgh", 6, ellipsis: Glyphs.ascii.ellipsis) == "abc...")
        #expect(Text.right("ab", 6, ellipsis: Glyphs.ascii.ellipsis) == "    ab")
        #expect(Text.fit("abcdefgh", 6, ellipsis: Glyphs.unicode.ellipsis) == "abcde…")
        // Narrower than the ellipsis: cut without one, never wider than asked.
        #expect(Text.fit("abcdefgh", 2, ellipsis: Glyphs.ascii.ellipsis) == "ab")
    }
}
