import Testing
@testable import SondeCore

/// A timetable's entries: a slot keeps its value until removed, and a freed slot is handed out again.
@Suite struct SlotTableTests {
    @Test func aRemovedSlotIsReusedAndTheOthersKeepTheirs() {
        var table = SlotTable<String>()
        #expect(table.isEmpty)
        table.reserve(3)
        let a = table.insert("a")
        let b = table.insert("b")
        let c = table.insert("c")
        #expect([a, b, c] == [0, 1, 2])
        table[b] = nil
        #expect(table[b] == nil)
        #expect(table.all.map(\.value) == ["a", "c"])
        let d = table.insert("d")
        #expect(d == b)
        #expect(table.all.map(\.slot) == [0, 1, 2])
        #expect(table[a] == "a" && table[c] == "c" && table[d] == "d")
        table[a] = nil
        table[a] = nil
        table[c] = nil
        table[d] = nil
        #expect(table.isEmpty)
        #expect(table[7] == nil, "a slot never handed out holds nothing")
    }
}
