import Foundation

/// The latest reading of one suite: per-module counts and failures grouped by cause.
public struct SuiteResult: Sendable, Equatable {
    public var name: String
    public var modules: [ModuleResult]
    public var failureGroups: [FailureGroup]
    /// Set when the suite could not be read (malformed XML, command failed); the rest is then empty.
    public var error: String?
    public var readAt: Date

    public init(name: String, modules: [ModuleResult] = [], failureGroups: [FailureGroup] = [], error: String? = nil, readAt: Date = Date()) {
        self.name = name
        self.modules = modules
        self.failureGroups = failureGroups
        self.error = error
        self.readAt = readAt
    }

    public var passingModules: Int { modules.filter(\.isPassing).count }
    public var summary: String { "\(passingModules)/\(modules.count) modules passing" }
}

public struct ModuleResult: Sendable, Equatable {
    public var name: String
    public var passed: Int
    public var failed: Int
    public var errors: Int
    public var skipped: Int
    public var durationSeconds: Double
    public var failedTests: [String]

    public init(name: String, passed: Int = 0, failed: Int = 0, errors: Int = 0, skipped: Int = 0, durationSeconds: Double = 0, failedTests: [String] = []) {
        self.name = name
        self.passed = passed
        self.failed = failed
        self.errors = errors
        self.skipped = skipped
        self.durationSeconds = durationSeconds
        self.failedTests = failedTests
    }

    public var total: Int { passed + failed + errors + skipped }
    public var isPassing: Bool { failed == 0 && errors == 0 }
}

/// Tests that failed for the same (normalized) reason, across modules.
public struct FailureGroup: Sendable, Equatable {
    public var cause: String
    public var count: Int
    public var modules: [String]

    public init(cause: String, count: Int, modules: [String]) {
        self.cause = cause
        self.count = count
        self.modules = modules
    }
}
