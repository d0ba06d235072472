import Foundation
import SondeCore
import Testing
@testable import SondeTUI

/// Whole screens compared line by line with text files in Screens/ (ratatui's
/// `assert_buffer_lines`): a column that moves, a border that breaks or a pane that loses a row
/// fails here. After a change to the screen that is meant, write the files anew with
/// `SONDE_UPDATE_SCREENS=1 swift test --filter ScreenGoldenTests` and read the diff.
@Suite("Whole screens match their golden files")
struct ScreenGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Screens")
    static let updating = !(ProcessInfo.processInfo.environment["SONDE_UPDATE_SCREENS"] ?? "").isEmpty

    @Test("The dashboard", arguments: [(80, 24), (120, 40), (160, 48), (200, 60)])
    func dashboard(width: Int, height: Int) throws {
        try expectScreen(WallFixture.state(width: width, height: height), named: "dashboard-\(width)x\(height)")
    }

    @Test("A target's detail", arguments: [(80, 24), (120, 40), (200, 60)])
    func detail(width: Int, height: Int) throws {
        var state = WallFixture.state(width: width, height: height)
        _ = Update.apply(.key(.enter), to: &state)
        _ = Update.apply(.uptime(target: "backend", windows: [.init(window: 3600, results: 360, failures: 6), .init(window: 86_400, results: 8640, failures: 6),
                                                               .init(window: 7 * 86_400, results: 60_480, failures: 30)]), to: &state)
        try expectScreen(state, named: "detail-\(width)x\(height)")
    }

    @Test("ASCII and zoomed out")
    func asciiZoomedOut() throws {
        var state = WallFixture.state(width: 120, height: 40, glyphs: .ascii)
        _ = Update.apply(.key(.character("-")), to: &state)
        try expectScreen(state, named: "dashboard-ascii-1h-120x40")
    }

    @Test("Half-block charts (a font without braille)")
    func blocks() throws {
        var state = WallFixture.state(width: 120, height: 40, glyphs: .unicodeBlocks)
        _ = Update.apply(.key(.enter), to: &state)
        try expectScreen(state, named: "detail-blocks-120x40")
    }

    func expectScreen(_ state: DashboardState, named name: String) throws {
        let file = Self.folder.appendingPathComponent(name + ".txt")
        let actual = Renderer.render(state).lines
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try (actual.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let text = try String(contentsOf: file, encoding: .utf8)
        var expected = text.components(separatedBy: "\n")
        if expected.last == "" { expected.removeLast() }
        #expect(actual.count == expected.count, "\(name): \(actual.count) lines, the golden file has \(expected.count)")
        for (row, (got, want)) in zip(actual, expected).enumerated() where got != want {
            Issue.record("\(name).txt line \(row + 1) differs\n  want: \(want)\n  got:  \(got)\n(SONDE_UPDATE_SCREENS=1 writes the files anew)")
            return
        }
    }
}
