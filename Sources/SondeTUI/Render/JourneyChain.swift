import SondeCore

/// A journey's steps left to right, `✓ frontend › ✓ auth › ✖ chat init › ○ send`, in the
/// widest form that fits: full names, then names only from the first failure on, then passed
/// steps counted (`✓4 › ✖ chat init`), then cut.
enum JourneyChain {
    static func line(_ journey: JourneyResult, width: Int, glyphs g: Glyphs) -> Line {
        for form in [full, failuresNamed, passedCounted] {
            let line = join(form(journey, g), glyphs: g)
            if DisplayWidth.of(line.map(\.text).joined()) <= width { return line }
        }
        return cut(join(passedCounted(journey, g), glyphs: g), width: width, glyphs: g)
    }

    static func glyph(_ step: JourneyResult.StepResult, _ g: Glyphs) -> String {
        guard let result = step.result else { return g.pending }
        return result.status == .up ? g.check : g.status(result.status)
    }

    /// One step as drawn: its glyph and (maybe) its name, in its status colour.
    static func piece(_ step: JourneyResult.StepResult, named: Bool, _ g: Glyphs) -> Span {
        let style: Style = step.result.map { .status($0.status) } ?? .muted
        return Span(named ? glyph(step, g) + " " + step.name : glyph(step, g), style)
    }

    static func full(_ journey: JourneyResult, _ g: Glyphs) -> [Span] {
        journey.steps.map { piece($0, named: true, g) }
    }

    /// Steps before the first failure shrink to their glyph; the failure and the rest keep names.
    static func failuresNamed(_ journey: JourneyResult, _ g: Glyphs) -> [Span] {
        let firstBad = firstNotPassed(journey)
        return journey.steps.enumerated().map { index, step in piece(step, named: index >= firstBad, g) }
    }

    /// `✓4 › ✖ chat init › ○2`: the steps before the failure as runs of one glyph with a count
    /// (`✓3▲1`), the failure by name, the skipped tail as a count.
    static func passedCounted(_ journey: JourneyResult, _ g: Glyphs) -> [Span] {
        let firstBad = firstNotPassed(journey)
        var runs: [(glyph: String, status: Status, count: Int)] = []
        for step in journey.steps.prefix(firstBad) {
            let status = step.result?.status ?? .up
            if let last = runs.last, last.status == status { runs[runs.count - 1].count += 1 } else { runs.append((glyph(step, g), status, 1)) }
        }
        var pieces: [Span] = runs.isEmpty ? [] : [Span(runs.map { "\($0.glyph)\($0.count)" }.joined(), .status(runs.map(\.status).max() ?? .up))]
        guard firstBad < journey.steps.count else { return pieces }
        pieces.append(piece(journey.steps[firstBad], named: true, g))
        let skipped = journey.steps.count - firstBad - 1
        if skipped > 0 { pieces.append(Span(g.pending + "\(skipped)", .muted)) }
        return pieces
    }

    /// Index of the first step that failed or was skipped (the count when none did): the step
    /// a person needs to see named. Slow steps passed.
    static func firstNotPassed(_ journey: JourneyResult) -> Int {
        journey.steps.firstIndex { $0.result.map { $0.status == .down } ?? true } ?? journey.steps.count
    }

    static func join(_ pieces: [Span], glyphs g: Glyphs) -> Line {
        var line: Line = []
        for (index, piece) in pieces.enumerated() {
            if index > 0 { line.append(Span(" " + g.stepSeparator + " ", .muted)) }
            line.append(piece)
        }
        return line
    }

    static func cut(_ line: Line, width: Int, glyphs g: Glyphs) -> Line {
        var out: Line = []
        var used = 0
        for span in line {
            let room = width - used
            guard room > 0 else { break }
            let text = Text.fit(span.text, room, ellipsis: g.ellipsis)
            out.append(Span(text, span.style))
            used += DisplayWidth.of(text)
        }
        return out
    }
}
