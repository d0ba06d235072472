import SondeCore

/// One suite in full: where its report comes from, the exit status and error, every module's
/// counts (the one picked in the Modules pane marked, with its failed tests), the failure
/// causes with their modules and tests, and the tail of the command's output.
enum SuiteDetailView {
    /// Output lines shown: the end of a run is where the error is.
    static let outputTail = 20
    /// Tests named per cause before "+N more".
    static let testsPerCause = 5

    static func draw(_ state: DashboardState, suite name: String, module: String?, in rect: Rect, into canvas: inout Canvas) {
        let g = state.glyphs
        Box.draw(rect, title: "suite \(name)  (Esc back)", focused: true, glyphs: g, into: &canvas)
        ScrolledBody.fill(body(state, suite: name, module: module, width: rect.inset.width), state: state, in: rect.inset, into: &canvas)
    }

    static func body(_ state: DashboardState, suite name: String, module: String?, width: Int) -> [Line] {
        let lines = self.lines(state, suite: name, module: module).map { line in
            line.map { Span(state.redactor.redact($0.text), $0.style) }
        }
        return DetailView.wrap(lines, width: width)
    }

    static func lines(_ state: DashboardState, suite name: String, module picked: String?) -> [Line] {
        let bold = Style(.text, bold: true)
        let result = state.suites[name]
        var out: [Line] = [[Span("Source  ", bold), Span(source(state.suiteSources[name], files: result?.files ?? []))]]
        guard let result else { return out + [[], [Span("no reading yet", .muted)]] }
        var status: Line = [Span("Read    ", bold), Span(TimeText.time(result.readAt, zone: state.timeZone))]
        if let exit = result.exitStatus { status += [Span("   exit status ", .muted), Span("\(exit)", .status(exit == 0 ? .up : .down))] }
        status += [Span("   "), Span(result.summary, .status(result.status))]
        out.append(status)
        if let error = result.error { out.append([Span("Error   ", bold), Span(error, .status(.down))]) }
        out += modules(result, picked: picked, state: state)
        out += causes(result)
        out += flaky(result)
        out += output(result.commandOutput)
        return out
    }

    static func source(_ source: SuiteSpec.Source?, files: [String]) -> String {
        switch source {
        case .command(let run, let output): return "run: \(run)  (JUnit XML in \(output))"
        case .path(let path): return files.isEmpty ? "files: \(path)" : "files: " + files.joined(separator: ", ")
        case nil: return files.isEmpty ? "-" : "files: " + files.joined(separator: ", ")
        }
    }

    static func modules(_ result: SuiteResult, picked: String?, state: DashboardState) -> [Line] {
        let g = state.glyphs
        guard !result.modules.isEmpty else { return [] }
        var out: [Line] = [[], [Span("Modules", Style(.text, bold: true))]]
        for module in result.modules {
            let trend = state.observed.trend(suite: result.name, module: module.name)
            let status: Status = module.isPassing ? .up : .down
            let isPicked = module.name == picked
            out.append([Span(isPicked ? g.arrow + " " : "  ", Style(.accent, bold: true)), Span(g.status(status) + " ", .status(status)),
                        Span(module.name + "  ", Style(.text, bold: isPicked)), Span(module.countsText, .muted)]
                + ModuleTrendText.passRates(trend, glyphs: g) + ModuleTrendText.standing(trend, state: state))
            if isPicked {
                let newly = Set(trend?.newlyFailingTests ?? [])
                out += module.failedTests.map { [Span("      " + g.down + " " + $0, .status(.down))] + (newly.contains($0) ? [Span("  new", Style(.down, bold: true))] : []) }
                out += (trend?.fixedTests ?? []).map { [Span("      " + g.up + " " + $0 + "  fixed", .status(.up))] }
            }
        }
        return out
    }

    static func causes(_ result: SuiteResult) -> [Line] {
        guard !result.failureGroups.isEmpty else { return [] }
        var out: [Line] = [[], [Span("Failure causes", Style(.text, bold: true))]]
        for group in result.failureGroups {
            out.append([Span("  " + group.spread + ": ", Style(.down, bold: true)), Span(group.cause, .status(.down))])
            out.append([Span("    modules ", .muted), Span(group.modules.joined(separator: ", "))])
            guard !group.tests.isEmpty else { continue }
            let more = group.tests.count > testsPerCause ? ", +\(group.tests.count - testsPerCause) more" : ""
            out.append([Span("    tests   ", .muted), Span(group.tests.prefix(testsPerCause).joined(separator: ", ") + more)])
        }
        return out
    }

    static func flaky(_ result: SuiteResult) -> [Line] {
        let tests = result.flakyTests
        guard !tests.isEmpty else { return [] }
        var out: [Line] = [[], [Span("Flaky tests (passed on a rerun)", Style(.slow, bold: true))]]
        for test in tests {
            var line: Line = [Span("  \(test.module)::\(test.name)  ", Style(.slow)), Span("\(test.tries) tries", .muted)]
            if let cause = test.cause { line.append(Span("  first failed: " + cause, .muted)) }
            out.append(line)
        }
        return out
    }

    static func output(_ output: String?) -> [Line] {
        guard let output, !output.isEmpty else { return [] }
        var all = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while all.last?.isEmpty == true { all.removeLast() }
        let tail = all.suffix(outputTail)
        let title = all.count > tail.count ? "Command output (last \(tail.count) of \(all.count) lines)" : "Command output"
        return [[], [Span(title, Style(.text, bold: true))]] + tail.map { [Span("  " + $0, .muted)] }
    }
}
