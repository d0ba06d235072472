/// The test-module section, shaped like the staging iteration reports: failures by cause first
/// (one cause shared by three modules is the finding), then failed and passing modules.
enum MarkdownSuites {
    /// Lines of a `run:` command's output shown when its suite could not be read.
    static let outputLines = 20

    static func section(_ suites: [SuiteResult]) -> [String] {
        guard !suites.isEmpty else { return [] }
        var lines = ["## Test Modules"]
        for suite in suites { lines += [""] + self.suite(suite) }
        return lines
    }

    static func suite(_ suite: SuiteResult) -> [String] {
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
        lines.append("- **Tests:** \(suite.tests) (\(suite.passed) passed, \(suite.failed) failed, \(suite.errors) error\(suite.errors == 1 ? "" : "s"), \(suite.skipped) skipped)")
        if let rate = suite.moduleRate { lines.append("- **Success rate:** \(MarkdownText.percent(rate)) of test modules passing (\(suite.passingModules)/\(total) modules)") }

        if !suite.failureGroups.isEmpty {
            lines += ["", "#### Failures by cause"]
            for (index, group) in suite.failureGroups.enumerated() {
                lines.append("\(index + 1). \(MarkdownText.code(group.cause)): \(group.spread) (\(group.modules.joined(separator: ", ")))")
            }
        }
        let failing = suite.modules.filter { !$0.isPassing }
        if !failing.isEmpty {
            lines += ["", "#### Failed Test Modules (\(failing.count)/\(total))"]
            for (index, module) in failing.enumerated() {
                lines.append("\(index + 1). ❌ **\(module.name)** - \(module.countsText)")
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

    /// "All 6 tests passed", or the counts when some were skipped.
    static func passingText(_ module: ModuleResult) -> String {
        module.skipped == 0 ? "All \(module.passed) test\(module.passed == 1 ? "" : "s") passed" : module.countsText
    }

    /// The causes a module's failures belong to, most shared first.
    static func causes(of module: ModuleResult, in suite: SuiteResult) -> [String] {
        suite.failureGroups.filter { $0.modules.contains(module.name) }.map(\.cause)
    }
}
