import Foundation
import Testing
@testable import SondeTUI
@preconcurrency import CNcursesw

@Suite("Themes")
struct ThemeTests {
    static let repoThemes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes")

    @Test("The themes compiled in are the files in themes/, word for word", arguments: ThemeCatalog.builtinNames)
    func builtinMatchesFile(name: String) throws {
        let file = try String(contentsOf: Self.repoThemes.appendingPathComponent("\(name).yml"), encoding: .utf8)
        #expect(BuiltinThemes.text(name) == file)
        let theme = try ThemeCatalog(userDirectory: nil).load(name)
        #expect(theme.name == name)
        #expect(ColorRole.allCases.allSatisfy { theme.colors[$0] != nil }, "\(name) lacks a role")
    }

    @Test("A theme file may leave keys out: they come from the default theme")
    func fallback() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-theme-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tiny.yml")
        try "name: tiny\ncolors:\n  down: \"#ff0000\"\n".write(to: file, atomically: true, encoding: .utf8)
        let theme = try ThemeCatalog(userDirectory: nil).load(file.path)
        #expect(theme.color(.down) == .rgb(255, 0, 0))
        #expect(theme.color(.up) == .index(2))
        #expect(theme.color(.background) == .terminalDefault)
    }

    @Test("Mistakes name the file, the key and what is allowed")
    func errors() {
        #expect(throws: ThemeError.badColor("x", "down", "reddish")) { try Theme.parse("colors:\n  down: reddish\n", source: "x") }
        #expect(throws: ThemeError.unknownRole("x", "dwn", ColorRole.allCases.map(\.rawValue))) { try Theme.parse("colors:\n  dwn: red\n", source: "x") }
        #expect(throws: ThemeError.notFound("neon", available: ThemeCatalog.builtinNames)) { try ThemeCatalog(userDirectory: nil).load("neon") }
        #expect(ThemeError.notFound("neon", available: ["default"]).description.contains("use one of default"))
    }

    @Test("Colours degrade: 256 -> nearest of 256, 8 -> nearest basic, grey on 8 -> the terminal's own")
    func degrade() {
        #expect(ThemeColor(parsing: "#ff0000")?.cursesNumber(colors: 256) == 196)
        #expect(ThemeColor(parsing: "#d70000")?.cursesNumber(colors: 8) == 1)
        #expect(ThemeColor(parsing: "bright-red")?.cursesNumber(colors: 8) == 1)
        #expect(ThemeColor(parsing: "bright-black")?.cursesNumber(colors: 8) == -1)
        #expect(ThemeColor(parsing: "208")?.cursesNumber(colors: 256) == 208)
        #expect(ThemeColor(parsing: "default")?.cursesNumber(colors: 256) == -1)
        #expect(ThemeColor(parsing: "#af5f00")?.cursesNumber(colors: 8) == 3, "orange is yellow, not red")
        #expect(ThemeColor(parsing: "#6c6c6c")?.cursesNumber(colors: 8) == -1, "a mid grey is the terminal's own colour")
        #expect(ThemeColor(parsing: "#005f87")?.cursesNumber(colors: 8) == 6)
        #expect(ThemeColor(parsing: "chartreuse") == nil)
    }

    @Test("Without colour (NO_COLOR, mono) bars use reverse video and status keeps bold")
    func noColorAttributes() throws {
        let theme = try ThemeCatalog(userDirectory: nil).load("default")
        var pairs = ColorPairs(theme: theme, support: .none, defaultColorsOK: true)
        let (header, headerPair) = pairs.attributes(for: Style(.headerText, on: .headerBackground))
        #expect(header & sonde_attr_reverse() != 0)
        #expect(headerPair == 0)
        let (down, _) = pairs.attributes(for: Style(.down, bold: true))
        #expect(down & sonde_attr_bold() != 0)
        #expect(down & sonde_attr_reverse() == 0)
    }

    @Test("Locale: only a UTF-8 codeset gets Unicode glyphs")
    func locale() {
        #expect(TerminalCapabilities.localeIsUTF8(codeset: "UTF-8"))
        #expect(TerminalCapabilities.localeIsUTF8(codeset: "utf8"))
        #expect(!TerminalCapabilities.localeIsUTF8(codeset: "ANSI_X3.4-1968"))
        #expect(TerminalCapabilities(color: .none, unicode: false).glyphs == .ascii)
        #expect(TerminalCapabilities.noColorRequested(["NO_COLOR": "1"]))
        #expect(!TerminalCapabilities.noColorRequested(["NO_COLOR": ""]))
    }
}
