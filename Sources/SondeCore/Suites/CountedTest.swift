/// One test counted once, however many times a rerun tool ran it: the final try's case, how many
/// tries it took, and whether it is flaky (failed, then passed on a rerun).
public struct CountedTest: Sendable, Equatable {
    /// The final try (its outcome is the test's; a flaky test's is `.passed`).
    public var testCase: JUnitCase
    public var tries: Int
    public var isFlaky: Bool
    /// Why an earlier try failed, when the report says (pytest-rerunfailures writes failed tries empty).
    public var flakyMessage: String?
    public var flakyDetail: String?

    public init(testCase: JUnitCase, tries: Int = 1, isFlaky: Bool = false, flakyMessage: String? = nil, flakyDetail: String? = nil) {
        self.testCase = testCase
        self.tries = tries
        self.isFlaky = isFlaky
        self.flakyMessage = flakyMessage
        self.flakyDetail = flakyDetail
    }
}

/// Folds the tries of one test into one `CountedTest`. Runners write reruns three ways:
/// - Surefire: one `<testcase>` carrying `<flakyFailure>` / `<rerunFailure>` elements (`rerunTries`);
/// - gotestsum `--rerun-fails`: a `<testcase>` per try, each with its own outcome, in run order;
/// - pytest-rerunfailures: a `<testcase>` per try, but the failed tries are written empty (as if
///   they had passed), and only the final try carries its outcome. The plugin only reruns
///   failures, so in a pytest report a test written more than once failed every try but the last.
public enum RerunMerger {
    /// pytest's default `junit_suite_name`; how a pytest report is recognised.
    static let pytestSuiteName = "pytest"

    public static func merge(_ cases: [JUnitCase]) -> [CountedTest] {
        let (order, repeats) = tries(of: cases)
        var tests: [CountedTest] = []
        tests.reserveCapacity(order.count)
        for first in order {
            guard let test = counted(repeats[first].map { $0.map { cases[$0] } } ?? [cases[first]]) else { continue }
            tests.append(test)
        }
        return tests
    }

    /// The index of each test's first try, in report order, and the indices of every try of the
    /// tests seen more than once. Most tests run once, so a 50,000-test report does not become
    /// 50,000 one-element arrays and 50,000 joined keys held at once.
    private static func tries(of cases: [JUnitCase]) -> (order: [Int], repeats: [Int: [Int]]) {
        struct Key: Hashable {
            var classname: String
            var name: String
            var file: String
        }
        var first: [Key: Int] = [:]
        first.reserveCapacity(cases.count)
        var order: [Int] = []
        var repeats: [Int: [Int]] = [:]
        for (index, testCase) in cases.enumerated() {
            let key = Key(classname: testCase.classname, name: testCase.name, file: testCase.file ?? "")
            if let earlier = first[key] {
                repeats[earlier, default: [earlier]].append(index)
            } else {
                first[key] = index
                order.append(index)
            }
        }
        return (order, repeats)
    }

    /// A test seen in two runs of a suite (a `run:` suite re-run by `retries:`): the later run
    /// decides a test that had not passed yet; one that had keeps its tries (the rerun was for others).
    public static func rerun(_ earlier: CountedTest, then later: CountedTest) -> CountedTest {
        if earlier.testCase.outcome == .passed || earlier.testCase.outcome == .skipped { return earlier }
        var merged = later
        merged.tries = earlier.tries + later.tries
        let earlierFailed = earlier.testCase.outcome.isFailing || earlier.isFlaky
        if later.testCase.outcome == .passed, earlierFailed {
            merged.isFlaky = true
            merged.flakyMessage = later.flakyMessage ?? earlier.flakyMessage ?? earlier.testCase.message
            merged.flakyDetail = later.flakyDetail ?? earlier.flakyDetail ?? earlier.testCase.detail
        }
        return merged
    }

    private static func counted(_ entries: [JUnitCase]) -> CountedTest? {
        guard let final = entries.last else { return nil }
        let earlier = entries.dropLast()
        let tries = entries.count + entries.reduce(0) { $0 + $1.rerunTries }
        let failedEarlier = earlier.first { $0.outcome.isFailing }
        let pytestRerun = !earlier.isEmpty && final.suitePath.first == pytestSuiteName
        let surefireFlaky = entries.first { $0.flakyMessage != nil }
        let isFlaky = final.outcome == .passed && (failedEarlier != nil || pytestRerun || surefireFlaky != nil)
        var test = final
        test.durationSeconds = entries.reduce(0) { $0 + $1.durationSeconds }
        return CountedTest(
            testCase: test, tries: tries, isFlaky: isFlaky,
            flakyMessage: isFlaky ? (failedEarlier?.message ?? surefireFlaky?.flakyMessage) : nil,
            flakyDetail: isFlaky ? failedEarlier?.detail : nil
        )
    }
}

extension JUnitCase.Outcome {
    var isFailing: Bool { self == .failed || self == .error }
}
