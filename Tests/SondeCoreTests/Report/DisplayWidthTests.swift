import Testing
@testable import SondeCore

/// Cells a character takes in a terminal: the fast path for ASCII and box drawing agrees with
/// the full rules.
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("~", 1), ("─", 1), ("█", 1), ("●", 1), ("▲", 1), ("✓", 1), ("›", 1),
        ("界", 2), ("🚀", 2), ("\u{301}", 0), ("e\u{301}", 1), ("\u{7}", 0), ("\u{85}", 0),
    ])
    func widthOfOneCharacter(text: String, cells: Int) throws {
        let character = try #require(text.first)
        #expect(DisplayWidth.of(character) == cells)
    }

    @Test func widthOfTextIsTheSumOfItsCharacters() {
        #expect(DisplayWidth.of("● backend 界 e\u{301}") == 14)
    }
}
