import Testing
@testable import SondeTUI

@Suite("Only what changed is sent")
struct CanvasDiffTests {
    @Test("The same frame twice sends nothing: a quiet screen stays quiet")
    func quiet() {
        let frame = Renderer.render(DashboardFixture.populated())
        #expect(CanvasDiff.runs(from: frame, to: frame).isEmpty)
        var ticked = DashboardFixture.populated()
        _ = Update.apply(.tick(DashboardFixture.start.addingTimeInterval(5)), to: &ticked)
        #expect(CanvasDiff.runs(from: frame, to: Renderer.render(ticked)).isEmpty, "a tick within the minute changes nothing")
    }

    @Test("One changed cell sends one run on its row; a new size sends every row")
    func oneCell() {
        var a = Canvas(width: 10, height: 3)
        a.put("hello", x: 0, y: 1)
        var b = a
        b.put("j", x: 0, y: 1)
        #expect(CanvasDiff.runs(from: a, to: b) == [CanvasDiff.Run(y: 1, columns: 0...0)])
        #expect(CanvasDiff.runs(from: a, to: Canvas(width: 11, height: 3)).count == 3)
        #expect(CanvasDiff.runs(from: nil, to: a).count == 3)
    }

    @Test("A run never splits a wide character")
    func wide() {
        var a = Canvas(width: 10, height: 1)
        a.put("ab界c", x: 0, y: 0)
        var b = a
        b.put("世", x: 2, y: 0)
        let runs = CanvasDiff.runs(from: a, to: b)
        #expect(runs == [CanvasDiff.Run(y: 0, columns: 2...3)])
    }
}
