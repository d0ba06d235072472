import Foundation

/// Folds parsed test cases into per-module counts and failures grouped by cause.
public enum SuiteAggregator {
    public static func result(name: String, cases: [JUnitCase], files: [String] = [], readAt: Date = Date()) -> SuiteResult {
        result(name: name, tests: RerunMerger.merge(cases), files: files, readAt: readAt)
    }

    /// Tests already counted once each (reruns folded by `RerunMerger`).
    public static func result(name: String, tests: [CountedTest], files: [String] = [], readAt: Date = Date()) -> SuiteResult {
        // The cases are read through `tests`: a copy of 50,000 of them would be ~7 MB more at the peak.
        let cases = tests.lazy.map(\.testCase)
        let modulesOfCases = tests.map { ModuleNamer.module(of: $0.testCase) }
        let displayNames = disambiguatedNames(modulesOfCases)

        var order: [String] = []
        var byKey: [String: ModuleResult] = [:]
        for (test, module) in zip(tests, modulesOfCases) {
            let shown = displayNames[module.key] ?? module.name
            if byKey[module.key] == nil {
                order.append(module.key)
                byKey[module.key] = ModuleResult(name: shown)
            }
            byKey[module.key]?.add(test)
        }
        let modules = order.compactMap { byKey[$0] }
        let groups = failureGroups(cases: cases, moduleNames: modulesOfCases.map { displayNames[$0.key] ?? $0.name })
        return SuiteResult(name: name, modules: modules, failureGroups: groups, readAt: readAt, files: files)
    }

    /// Short names, except where two modules would share one.
    private static func disambiguatedNames(_ modules: [ModuleNamer.Module]) -> [String: String] {
        var keysByName: [String: Set<String>] = [:]
        for module in modules { keysByName[module.name, default: []].insert(module.key) }
        var names: [String: String] = [:]
        for module in modules {
            names[module.key] = (keysByName[module.name]?.count ?? 0) > 1 ? module.key : module.name
        }
        return names
    }

    /// A failure group while the cases are read.
    private struct Building {
        var causes: [String] = []
        var modules: [String] = []
        var tests: [String] = []
        var firstIndex: Int
    }

    /// Groups of failing and erroring tests by cause key; the most widespread first.
    static func failureGroups(cases: some Sequence<JUnitCase>, moduleNames: [String]) -> [FailureGroup] {
        var groups: [String: Building] = [:]
        for (index, (testCase, module)) in zip(cases, moduleNames).enumerated()
        where testCase.outcome == .failed || testCase.outcome == .error {
            let cause = FailureCause.clean(message: testCase.message, detail: testCase.detail)
            let key = FailureCause.key(cause).lowercased()
            var group = groups[key] ?? Building(firstIndex: index)
            group.causes.append(cause)
            if !group.modules.contains(module) { group.modules.append(module) }
            group.tests.append("\(module)::\(ModuleNamer.testName(of: testCase))")
            groups[key] = group
        }
        return groups.map { key, group in
            // Members worded identically show as written; otherwise the placeholder form tells what varies.
            let first = group.causes[0]
            let cause = group.causes.allSatisfy { $0 == first } ? first : FailureCause.key(first)
            return (FailureGroup(cause: cause, count: group.tests.count, modules: group.modules, tests: group.tests), group.firstIndex, key)
        }
        .sorted { a, b in
            if a.0.count != b.0.count { return a.0.count > b.0.count }
            if a.0.modules.count != b.0.modules.count { return a.0.modules.count > b.0.modules.count }
            return a.1 < b.1
        }
        .map(\.0)
    }
}

extension ModuleResult {
    mutating func add(_ test: CountedTest) {
        let testCase = test.testCase
        let testName = ModuleNamer.testName(of: testCase)
        durationSeconds += testCase.durationSeconds
        switch testCase.outcome {
        case .passed:
            passed += 1
            if test.isFlaky {
                let cause = test.flakyMessage.map { FailureCause.clean(message: $0, detail: test.flakyDetail) }
                flaky.append(FlakyTest(module: name, name: testName, tries: test.tries, cause: cause))
            }
        case .skipped: skipped += 1
        case .failed:
            failed += 1
            failedTests.append(testName)
        case .error:
            errors += 1
            failedTests.append(testName)
        }
    }
}
