import Foundation

/// What one read of a suite leaves in history: per module its counts and the names of its
/// failing and flaky tests. Enough to say what changed since the last run, small enough to keep
/// dozens of runs of a large suite.
public struct SuiteReading: Sendable, Equatable, Codable {
    public struct Module: Sendable, Equatable, Codable {
        public var name: String
        public var passed: Int
        public var failed: Int
        public var errors: Int
        public var skipped: Int
        public var failingTests: [String]
        public var flakyTests: [String]

        public init(name: String, passed: Int = 0, failed: Int = 0, errors: Int = 0, skipped: Int = 0, failingTests: [String] = [], flakyTests: [String] = []) {
            self.name = name
            self.passed = passed
            self.failed = failed
            self.errors = errors
            self.skipped = skipped
            self.failingTests = failingTests
            self.flakyTests = flakyTests
        }

        public var isPassing: Bool { failed == 0 && errors == 0 }
        /// Share of the tests that ran which passed; nil when none ran.
        public var passRate: Double? {
            let ran = passed + failed + errors
            return ran == 0 ? nil : Double(passed) / Double(ran)
        }
    }

    public var suite: String
    public var readAt: Date
    /// Set when the suite could not be read; such a reading has no modules and breaks no streak.
    public var error: String?
    public var modules: [Module]

    public init(suite: String, readAt: Date, error: String? = nil, modules: [Module]) {
        self.suite = suite
        self.readAt = readAt
        self.error = error
        self.modules = modules
    }

    public init(_ result: SuiteResult) {
        self.init(
            suite: result.name, readAt: result.readAt, error: result.error,
            modules: result.modules.map { module in
                Module(
                    name: module.name, passed: module.passed, failed: module.failed, errors: module.errors, skipped: module.skipped,
                    failingTests: module.failedTests, flakyTests: module.flaky.map(\.name))
            })
    }

    public func module(_ name: String) -> Module? { modules.first { $0.name == name } }
}
