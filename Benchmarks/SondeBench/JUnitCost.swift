import ArgumentParser
import Foundation
import SondeCore

/// Reading one large JUnit report as a suite watcher does: parse, then count modules and group
/// causes. Prints wall time (median of the runs) and this process's peak RSS, as JSON, so
/// Benchmarks/junit/large.sh can put it beside a reference reader in the same run.
struct JUnitCost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "junit", abstract: "Time and peak memory of reading one JUnit report.")

    @Argument(help: "A JUnit XML file.") var file: String
    @Option(help: "Read it this many times; the median is reported.") var runs = 5

    private static func tests(in file: String) throws -> (tests: [CountedTest], cases: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let cases = try JUnitParser.parse(data, source: file)
        return (RerunMerger.merge(cases), cases.count)
    }

    func run() async throws {
        let started = ContinuousClock.now
        var seconds: [Double] = []
        var summary = ""
        for _ in 0..<max(1, runs) {
            let clock = ContinuousClock.now
            // As SuiteWatcher reads: the bytes and the parsed cases are gone once the tests are counted.
            let (tests, count) = try Self.tests(in: file)
            let result = SuiteAggregator.result(name: "large", tests: tests, files: [file])
            seconds.append((ContinuousClock.now - clock).seconds)
            summary = "\(count) cases, \(result.modules.count) modules, \(result.failureGroups.count) causes"
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        print(#"{"reader": "sonde", "median_s": \#(format(median(seconds), 3)), "peak_rss_mb": \#(format(Double(usage.ru_maxrss) / 1024, 1)), "read": "\#(summary)", "total_s": \#(format((ContinuousClock.now - started).seconds, 2))}"#)
    }
}
