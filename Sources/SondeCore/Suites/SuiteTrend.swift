import Foundation

/// How a module stands against the suite's earlier runs: what a person asks after a deploy
/// ("is this new, or has it been red all morning?").
public struct ModuleTrend: Sendable, Equatable {
    public enum Standing: Sendable, Equatable {
        /// No earlier readable run knows this module.
        case new
        case passing
        /// Failing now, passing (or absent) in the run before.
        case newlyFailing
        /// Failing in this run and the `runs - 1` before it, since the first of them.
        case stillFailing(since: Date, runs: Int)
        /// Passing now, failing in the run before.
        case fixed
    }

    public var module: String
    public var standing: Standing
    /// Pass rates of the last runs, oldest first, this one last (nil where the module had no run tests).
    public var passRates: [Double?]
    public var newlyFailingTests: [String]
    public var fixedTests: [String]
    /// Flaky in this run and not in the run before.
    public var newlyFlakyTests: [String]

    /// "newly failing", "still failing since 10:02 (4 runs)", "fixed"; nil for a quiet module.
    /// `time` writes a clock time the way the caller shows times.
    public func text(time: (Date) -> String) -> String? {
        switch standing {
        case .new, .passing: nil
        case .newlyFailing: "newly failing"
        case .stillFailing(let since, let runs): "still failing since \(time(since)) (\(runs) runs)"
        case .fixed: "fixed"
        }
    }
}

extension ModuleTrend.Standing {
    /// The JSON report's word for it.
    public var key: String {
        switch self {
        case .new: "new"
        case .passing: "passing"
        case .newlyFailing: "newly_failing"
        case .stillFailing: "still_failing"
        case .fixed: "fixed"
        }
    }

    public var failingSince: Date? {
        if case .stillFailing(let since, _) = self { return since }
        return nil
    }

    public var failingRuns: Int? {
        switch self {
        case .stillFailing(_, let runs): runs
        case .newlyFailing: 1
        default: nil
        }
    }
}

/// Compares the latest reading of a suite with the ones before it.
public enum SuiteTrend {
    /// Readings kept per suite (in the store and read back from history): the trend's length.
    public static let runsKept = 20

    /// `readings` oldest first, the latest last; unreadable runs are skipped.
    public static func modules(_ readings: [SuiteReading]) -> [ModuleTrend] {
        let readable = readings.filter { $0.error == nil }
        guard let latest = readable.last else { return [] }
        // By name per run: a suite of a thousand modules is compared in one pass per run.
        let byName = readable.map { reading in Dictionary(reading.modules.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }) }
        guard readable.count > 1 else {
            // The first run: nothing to compare with, so nothing is "newly" anything.
            return latest.modules.map { module in
                ModuleTrend(module: module.name, standing: .new, passRates: [module.passRate], newlyFailingTests: [], fixedTests: [], newlyFlakyTests: [])
            }
        }
        let previous = byName[byName.count - 2]
        return latest.modules.map { module in
            let before = previous[module.name]
            let standing: ModuleTrend.Standing
            if !byName.dropLast().contains(where: { $0[module.name] != nil }) {
                standing = module.isPassing ? .new : .newlyFailing
            } else if module.isPassing {
                standing = before.map { !$0.isPassing } == true ? .fixed : .passing
            } else if let before, !before.isPassing {
                let streak = zip(readable, byName).reversed().prefix { $0.1[module.name].map { !$0.isPassing } == true }
                standing = .stillFailing(since: streak.last?.0.readAt ?? latest.readAt, runs: streak.count)
            } else {
                standing = .newlyFailing
            }
            let failingBefore = Set(before?.failingTests ?? [])
            let failingNow = Set(module.failingTests)
            let flakyBefore = Set(before?.flakyTests ?? [])
            return ModuleTrend(
                module: module.name, standing: standing,
                passRates: byName.suffix(trendLength).map { $0[module.name]?.passRate },
                newlyFailingTests: module.failingTests.filter { !failingBefore.contains($0) },
                fixedTests: (before?.failingTests ?? []).filter { !failingNow.contains($0) },
                newlyFlakyTests: module.flakyTests.filter { !flakyBefore.contains($0) })
        }
    }

    /// Runs in a pass-rate trend.
    public static let trendLength = 10
}

/// What changed in a suite between its last two readable runs, as the event log says it:
/// `suite e2e: 2 newly failing (test_3_agent_pipeline), 1 fixed, 1 new flaky`.
public struct SuiteRunDelta: Sendable, Equatable {
    /// `module::test` of tests failing now that did not fail in the run before.
    public var newlyFailing: [String]
    public var fixed: [String]
    public var newlyFlaky: [String]
    /// Modules that hold the newly failing tests, in order.
    public var newlyFailingModules: [String]

    public init?(_ trends: [ModuleTrend]) {
        newlyFailing = trends.flatMap { trend in trend.newlyFailingTests.map { "\(trend.module)::\($0)" } }
        fixed = trends.flatMap { trend in trend.fixedTests.map { "\(trend.module)::\($0)" } }
        newlyFlaky = trends.flatMap { trend in trend.newlyFlakyTests.map { "\(trend.module)::\($0)" } }
        newlyFailingModules = trends.filter { !$0.newlyFailingTests.isEmpty }.map(\.module)
        if newlyFailing.isEmpty && fixed.isEmpty && newlyFlaky.isEmpty { return nil }
    }

    /// "2 newly failing (test_3_agent_pipeline), 1 fixed, 1 new flaky".
    public var summary: String {
        var parts: [String] = []
        if !newlyFailing.isEmpty { parts.append("\(newlyFailing.count) newly failing (\(newlyFailingModules.joined(separator: ", ")))") }
        if !fixed.isEmpty { parts.append("\(fixed.count) fixed") }
        if !newlyFlaky.isEmpty { parts.append("\(newlyFlaky.count) new flaky") }
        return parts.joined(separator: ", ")
    }
}
