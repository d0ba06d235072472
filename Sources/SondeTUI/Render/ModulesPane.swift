import SondeCore

/// Test modules from the suites' JUnit reports: pass / fail / skip bars.
enum ModulesPane {
    static func title(_ state: DashboardState) -> String {
        let suites = state.suiteNames.compactMap { state.suites[$0] }
        guard !suites.isEmpty else { return "Modules" }
        let passing = suites.reduce(0) { $0 + $1.passingModules }
        let total = suites.reduce(0) { $0 + $1.modules.count }
        return "Modules \(passing)/\(total) passing"
    }

    static func lines(_ state: DashboardState, width: Int) -> [Line] {
        let g = state.glyphs
        let errors = state.suiteNames.compactMap { name in state.suites[name]?.error.map { "\(name): \($0)" } }
        var lines: [Line] = errors.map { [Span(g.down + " ", .status(.down)), Span(Text.fit(state.redactor.redact($0), width - 2, ellipsis: g.ellipsis))] }
        let rows = state.moduleRows
        if rows.isEmpty, errors.isEmpty {
            return [[Span("waiting for the first test report", .muted)]]
        }
        let preferredBar = min(24, max(6, width / 4))
        let nameWidth = max(8, min(rows.map { DisplayWidth.of($0.module.name) }.max() ?? 8, width - preferredBar - 14))
        let showsTrend = width >= 70
        // What follows the bar: trend, flaky count, standing. "still failing since 15:37 (2 runs)"
        // is the finding of the row, so the bars (all one width) give up columns for it, down to 6;
        // where even that is short, the standing takes its compact form ("failing since 15:37").
        let tails = rows.map { suite, module -> (full: Line, compact: Line, narrow: Line) in
            let trend = state.observed.trend(suite: suite, module: module.name)
            let flaky: Line = module.flaky.isEmpty ? [] : [Span(" \(module.flaky.count) flaky", Style(.slow))]
            let lead: Line = (showsTrend ? ModuleTrendText.passRates(trend, glyphs: g) : []) + flaky
            let compact = ModuleTrendText.standing(trend, state: state, compact: true)
            // Narrowest: the standing without the trend; a row is never cut mid-word.
            return (lead + ModuleTrendText.standing(trend, state: state), lead + compact, flaky + compact)
        }
        let before = 2 + nameWidth + 1 + 7
        let room = width - before
        let widest = tails.map { Self.width($0.full) }.max() ?? 0
        let barWidth = room - widest >= 6
            ? min(preferredBar, room - widest)
            : max(6, min(preferredBar, room - (tails.map { Self.width($0.compact) }.max() ?? 0)))
        for ((_, module), tail) in zip(rows, tails) {
            let status: Status = module.isPassing ? .up : .down
            let counts = "\(module.passed)/\(module.total)"
            let line: Line = [
                Span(g.status(status) + " ", .status(status)),
                Span(Text.left(module.name, nameWidth, ellipsis: g.ellipsis) + " "),
                Span(Text.right(counts, 6, ellipsis: g.ellipsis) + " "),
            ] + bar(module, width: barWidth, glyphs: g)
            let left = width - before - barWidth
            let shown = [tail.full, tail.compact, tail.narrow].first { Self.width($0) <= left } ?? []
            lines.append(line + shown)
        }
        return lines + causes(state, width: width) + flaky(state, width: width)
    }

    static func width(_ line: Line) -> Int { line.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// Tests that passed only on a rerun, apart from the failures: they pass, but not reliably.
    static func flaky(_ state: DashboardState, width: Int) -> [Line] {
        let tests = state.suiteNames.compactMap { state.suites[$0] }.flatMap(\.flakyTests)
        guard !tests.isEmpty else { return [] }
        let names = tests.map { "\($0.module)::\($0.summary)" }.joined(separator: ", ")
        let lead = "Flaky \(tests.count): "
        return [[Span(lead, Style(.slow, bold: true)), Span(Text.fit(state.redactor.redact(names), width - DisplayWidth.of(lead), ellipsis: state.glyphs.ellipsis), Style(.slow))]]
    }

    /// The failure causes shared by the most tests, under the modules (not selectable).
    static func causes(_ state: DashboardState, width: Int) -> [Line] {
        let groups = state.suiteNames.compactMap { state.suites[$0] }.flatMap { $0.topCauses() }
        guard !groups.isEmpty else { return [] }
        var lines: [Line] = [[Span("Top failure causes", Style(.text, bold: true))]]
        for group in groups.prefix(3) {
            let lead = " " + group.spread + ": "
            let cause = Text.fit(state.redactor.redact(group.cause), width - DisplayWidth.of(lead), ellipsis: state.glyphs.ellipsis)
            lines.append([Span(lead, Style(.down, bold: true)), Span(cause, .status(.down))])
        }
        return lines
    }

    /// Passed, failed (with errors) and skipped shares of a module, in their colours.
    static func bar(_ module: ModuleResult, width: Int, glyphs: Glyphs) -> Line {
        guard module.total > 0 else { return [Span(String(repeating: glyphs.barSkipped, count: width), .muted)] }
        let bad = module.failed + module.errors
        var failed = Int((Double(bad) / Double(module.total) * Double(width)).rounded(.up))
        var skipped = Int((Double(module.skipped) / Double(module.total) * Double(width)).rounded())
        failed = min(failed, width)
        skipped = min(skipped, width - failed)
        let passed = width - failed - skipped
        return [
            Span(String(repeating: glyphs.barFull, count: passed), Style(.up)),
            Span(String(repeating: glyphs.barFailed, count: failed), Style(.down, bold: true)),
            Span(String(repeating: glyphs.barSkipped, count: skipped), .muted),
        ]
    }
}
