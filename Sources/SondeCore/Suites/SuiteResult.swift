import Foundation

/// The latest reading of one suite: per-module counts and failures grouped by cause.
public struct SuiteResult: Sendable, Equatable {
    public var name: String
    public var modules: [ModuleResult]
    public var failureGroups: [FailureGroup]
    /// Set when the suite could not be read (malformed XML, command failed); the rest is then empty.
    public var error: String?
    public var readAt: Date
    /// The report files read (a directory or glob can match several).
    public var files: [String]
    /// For `run:` suites: the tail of the command's output (redacted) and its exit status,
    /// for the detail view; nil for suites read from files.
    public var commandOutput: String?
    public var exitStatus: Int32?

    public init(
        name: String, modules: [ModuleResult] = [], failureGroups: [FailureGroup] = [], error: String? = nil, readAt: Date = Date(),
        files: [String] = [], commandOutput: String? = nil, exitStatus: Int32? = nil
    ) {
        self.name = name
        self.modules = modules
        self.failureGroups = failureGroups
        self.error = error
        self.readAt = readAt
        self.files = files
        self.commandOutput = commandOutput
        self.exitStatus = exitStatus
    }

    public var passingModules: Int { modules.filter(\.isPassing).count }
    public var summary: String { error == nil ? "\(passingModules)/\(modules.count) modules passing" : "unreadable" }
    /// Share of modules passing, 0...1; nil with no modules (or an unreadable suite).
    public var moduleRate: Double? { modules.isEmpty ? nil : Double(passingModules) / Double(modules.count) }
    public var passed: Int { modules.reduce(0) { $0 + $1.passed } }
    public var failed: Int { modules.reduce(0) { $0 + $1.failed } }
    public var errors: Int { modules.reduce(0) { $0 + $1.errors } }
    public var skipped: Int { modules.reduce(0) { $0 + $1.skipped } }
    public var tests: Int { modules.reduce(0) { $0 + $1.total } }
    /// Tests that failed and then passed on a rerun (counted as passed), in module order.
    public var flakyTests: [FlakyTest] { modules.flatMap(\.flaky) }
    /// Healthy when readable and every module passes: what a status dot shows.
    public var status: Status { error != nil || passingModules < modules.count ? .down : .up }
    /// The causes shared by the most tests, for a pane that has room for a few.
    public func topCauses(_ limit: Int = 3) -> [FailureGroup] { Array(failureGroups.prefix(limit)) }
}

public struct ModuleResult: Sendable, Equatable {
    public var name: String
    public var passed: Int
    public var failed: Int
    public var errors: Int
    public var skipped: Int
    public var durationSeconds: Double
    public var failedTests: [String]
    /// Passed tests that needed reruns; already counted in `passed`.
    public var flaky: [FlakyTest]

    public init(
        name: String, passed: Int = 0, failed: Int = 0, errors: Int = 0, skipped: Int = 0, durationSeconds: Double = 0, failedTests: [String] = [],
        flaky: [FlakyTest] = []
    ) {
        self.name = name
        self.passed = passed
        self.failed = failed
        self.errors = errors
        self.skipped = skipped
        self.durationSeconds = durationSeconds
        self.failedTests = failedTests
        self.flaky = flaky
    }

    public var total: Int { passed + failed + errors + skipped }
    public var isPassing: Bool { failed == 0 && errors == 0 }
    /// Share of run (not skipped) tests that passed, 0...1, for a module's bar; nil when none ran.
    public var passRate: Double? {
        let ran = passed + failed + errors
        return ran == 0 ? nil : Double(passed) / Double(ran)
    }
    /// "3 passed, 2 failed" as the seed reports say it.
    public var countsText: String {
        var parts = [flaky.isEmpty ? "\(passed) passed" : "\(passed) passed (\(flaky.count) flaky)"]
        if failed > 0 { parts.append("\(failed) failed") }
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if skipped > 0 { parts.append("\(skipped) skipped") }
        return parts.joined(separator: ", ")
    }
}

/// A test that failed and then passed on a rerun: counted once, as passed, and named apart.
public struct FlakyTest: Sendable, Equatable {
    public var module: String
    public var name: String
    /// Every try, the passing one included: 2 for "passed on its second try".
    public var tries: Int
    /// Why an earlier try failed, when the report says.
    public var cause: String?

    public init(module: String, name: String, tries: Int, cause: String? = nil) {
        self.module = module
        self.name = name
        self.tries = tries
        self.cause = cause
    }

    /// "test_reconnect (2 tries)".
    public var summary: String { "\(name) (\(tries) tries)" }
}

/// Tests that failed for the same (normalized) reason, across modules.
public struct FailureGroup: Sendable, Equatable {
    public var cause: String
    public var count: Int
    public var modules: [String]
    /// The tests that share the cause, as `module::test`, in report order.
    public var tests: [String]

    public init(cause: String, count: Int, modules: [String], tests: [String] = []) {
        self.cause = cause
        self.count = count
        self.modules = modules
        self.tests = tests
    }

    /// "5 tests in 3 modules".
    public var spread: String {
        "\(count) test\(count == 1 ? "" : "s") in \(modules.count) module\(modules.count == 1 ? "" : "s")"
    }
}
