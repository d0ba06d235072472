import Foundation

extension SuiteResult {
    /// A suite as history kept it: counts and failing test names per module, no failure groups
    /// or files (history keeps what "what changed since the last run" needs, not whole reports).
    /// What the Modules pane shows for a moment in the past.
    public init(_ reading: SuiteReading) {
        self.init(
            name: reading.suite,
            modules: reading.modules.map { module in
                ModuleResult(
                    name: module.name, passed: module.passed, failed: module.failed, errors: module.errors, skipped: module.skipped,
                    failedTests: module.failingTests, flaky: module.flakyTests.map { FlakyTest(module: module.name, name: $0, tries: 2) })
            },
            error: reading.error, readAt: reading.readAt
        )
    }
}
