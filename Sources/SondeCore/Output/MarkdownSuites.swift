/// The test-module section, shaped like the staging iteration reports: failures by cause first
/// (one cause shared by three modules is the finding), then failed and passing modules.
enum MarkdownSuites {
    /// Lines of a `run:` command's output shown when its suite could not be read.
    static let outputLines = 20

    static func section(_ suites: [SuiteResult], trends: [String: [String: ModuleTrend]] = [:]) -> [String] {
        guard !suites.isEmpty else { return [] }
        var lines = ["## Test Modules"]
        for suite in suites { lines += [""] + self.suite(suite, trends: trends[suite.name] ?? [:]) }
        return lines
    }

    static func suite(_ suite: SuiteResult, trends: [String: ModuleTrend] = [:]) -> [String] {
        if let error = suite.error {
            var lines = ["### \(suite.name): ❌ unreadable", "", "Error: \(MarkdownText.code(error))"]
            if let output = suite.commandOutput, !output.isEmpty {
                let tail = output.split(separator: "\n", omittingEmptySubsequences: false).suffix(outputLines)
                lines += ["", "Last lines of the command's output:", "```"] + tail.map(String.init) + ["```"]
            }
            return lines
        }
        let total = suite.modules.count
        var lines = ["### \(suite.name): \(suite.summary)"]
        let flaky = suite.flakyTests
        let flakyNote = flaky.isEmpty ? "" : " (\(flaky.count) flaky)"
        lines.append("- **Tests:** \(suite.tests) (\(suite.passed) passed\(flakyNote), \(suite.failed) failed, \(suite.errors) error\(suite.errors == 1 ? "" : "s"), \(suite.skipped) skipped)")
        if let rate = suite.moduleRate { lines.append("- **Success rate:** \(MarkdownText.percent(rate)) of test modules passing (\(suite.passingModules)/\(total) modules)") }

        lines += changes(suite, trends: trends)
        if !suite.failureGroups.isEmpty {
            lines += ["", "#### Failures by cause"]
            for (index, group) in suite.failureGroups.enumerated() {
                lines.append("\(index + 1). \(MarkdownText.code(group.cause)): \(group.spread) (\(group.modules.joined(separator: ", ")))")
            }
        }
        if !flaky.isEmpty {
            lines += ["", "#### Flaky tests (passed on a rerun, counted as passed)"]
            for (index, test) in flaky.enumerated() {
                let cause = test.cause.map { ": first failed with \(MarkdownText.code($0))" } ?? ""
                lines.append("\(index + 1). ⚠️ **\(test.module)** \(MarkdownText.code(test.name)) - \(test.tries) tries\(cause)")
            }
        }
        let failing = suite.modules.filter { !$0.isPassing }
        if !failing.isEmpty {
            lines += ["", "#### Failed Test Modules (\(failing.count)/\(total))"]
            for (index, module) in failing.enumerated() {
                let standing = trends[module.name]?.text(time: MarkdownReport.dateText).map { " (\($0))" } ?? ""
                lines.append("\(index + 1). ❌ **\(module.name)** - \(module.countsText)\(standing)")
                for cause in causes(of: module, in: suite) { lines.append("   - Error: \(MarkdownText.code(cause))") }
                lines.append("   - Failed tests:")
                lines += module.failedTests.map { "     - \(MarkdownText.code($0))" }
            }
        }
        let passing = suite.modules.filter(\.isPassing)
        if !passing.isEmpty {
            lines += ["", "#### Successful Test Modules (\(passing.count)/\(total))"]
            for (index, module) in passing.enumerated() {
                lines.append("\(index + 1). ✅ **\(module.name)** - \(passingText(module))")
            }
        }
        return lines
    }

    /// Tests newly failing, fixed and newly flaky since the suite's previous run, and modules fixed.
    static func changes(_ suite: SuiteResult, trends: [String: ModuleTrend]) -> [String] {
        let ordered = suite.modules.compactMap { trends[$0.name] }
        guard let delta = SuiteRunDelta(ordered) else { return [] }
        var lines = ["", "#### Since the last run: \(delta.summary)"]
        lines += delta.newlyFailing.map { "- ❌ newly failing: \(MarkdownText.code($0))" }
        lines += delta.fixed.map { "- ✅ fixed: \(MarkdownText.code($0))" }
        lines += delta.newlyFlaky.map { "- ⚠️ new flaky: \(MarkdownText.code($0))" }
        let fixedModules = ordered.filter { $0.standing == .fixed }.map(\.module)
        if !fixedModules.isEmpty { lines.append("- Modules passing again: " + fixedModules.joined(separator: ", ")) }
        return lines
    }

    /// "All 6 tests passed", or the counts when some were skipped or needed a rerun
    /// ("4 passed (1 flaky)": a module with a flaky test did not simply pass).
    static func passingText(_ module: ModuleResult) -> String {
        module.skipped == 0 && module.flaky.isEmpty ? "All \(module.passed) test\(module.passed == 1 ? "" : "s") passed" : module.countsText
    }

    /// The causes a module's failures belong to, most shared first.
    static func causes(of module: ModuleResult, in suite: SuiteResult) -> [String] {
        suite.failureGroups.filter { $0.modules.contains(module.name) }.map(\.cause)
    }
}
