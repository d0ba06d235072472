import Foundation

/// Reads one suite on its interval: re-parses report files only when they changed, or runs the
/// suite's command and reads what it wrote. A broken report is that suite's error, nothing more.
public actor SuiteWatcher {
    public let spec: SuiteSpec
    /// Relative paths and commands are taken from the config file's folder.
    public let baseDirectory: String?
    private let redactor: Redactor
    private let commands: any CommandRunning
    private var lastStamp: SuiteFiles.Stamp?
    public private(set) var latest: SuiteResult?

    public init(spec: SuiteSpec, baseDirectory: String?, redactor: Redactor, commands: any CommandRunning) {
        self.spec = spec
        self.baseDirectory = baseDirectory
        self.redactor = redactor
        self.commands = commands
    }

    /// A watcher per suite of a config, relative to the config file.
    public static func all(for config: SondeConfig, commands: any CommandRunning) -> [SuiteWatcher] {
        // A config named without a folder (`sonde report sonde.yml`) is in the current one.
        let base = config.sourcePath.map { ($0 as NSString).deletingLastPathComponent }.flatMap { $0.isEmpty ? nil : $0 }
        return config.suites.map { SuiteWatcher(spec: $0, baseDirectory: base, redactor: config.redactor, commands: commands) }
    }

    /// A scheduler job that publishes the suite's result whenever it changes.
    public nonisolated func job(emit: @escaping @Sendable (EngineEvent) async -> Void) -> ScheduledJob {
        ScheduledJob(name: "suite:\(spec.name)", interval: spec.interval) { _ in
            if let result = await self.refresh() { await emit(.suite(result)) }
        }
    }

    /// Reads the suite; nil when its files have not changed since the last read.
    public func refresh() async -> SuiteResult? {
        switch spec.source {
        case .path(let pattern):
            let files = SuiteFiles.resolve(pattern, relativeTo: baseDirectory)
            let stamp = SuiteFiles.stamp(of: files)
            if let lastStamp, lastStamp == stamp, latest != nil { return nil }
            lastStamp = stamp
            return publish(read(files: files, pattern: pattern))
        case .command(let run, let output):
            return publish(await runCommand(run, output: output))
        }
    }

    private func publish(_ result: SuiteResult) -> SuiteResult {
        latest = result
        return result
    }

    private func read(files: [String], pattern: String) -> SuiteResult {
        switch tests(in: files, pattern: pattern) {
        case .success(let tests): SuiteAggregator.result(name: spec.name, tests: tests, files: files)
        case .failure(let unreadable): unreadable.result
        }
    }

    /// A suite that could not be read, as the result to publish.
    private struct Unreadable: Error {
        var result: SuiteResult
    }

    /// Every test in the files, reruns folded; the first file that cannot be read makes the suite unreadable.
    private func tests(in files: [String], pattern: String) -> Result<[CountedTest], Unreadable> {
        guard !files.isEmpty else {
            return .failure(Unreadable(result: SuiteResult(
                name: spec.name, error: "no JUnit XML report at '\(pattern)' (looked in \(baseDirectory ?? "the current folder"))")))
        }
        var cases: [JUnitCase] = []
        for file in files {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                let parsed = try JUnitParser.parse(data, source: file)
                // One file (the usual case) is kept as parsed rather than copied into `cases`.
                if cases.isEmpty { cases = parsed } else { cases += parsed }
            } catch let error as JUnitParseError {
                return .failure(Unreadable(result: SuiteResult(name: spec.name, error: redactor.redact(error.message), files: files)))
            } catch {
                return .failure(Unreadable(result: SuiteResult(name: spec.name, error: "\(file) cannot be read: \(error.localizedDescription)", files: files)))
            }
        }
        redact(&cases)
        return .success(RerunMerger.merge(cases))
    }

    /// Runs the command, and again up to `retries` times while tests fail; tries add up per test.
    private func runCommand(_ command: String, output: String) async -> SuiteResult {
        var merged: [CountedTest] = []
        var files: [String] = []
        var last: CommandOutcome?
        for attempt in 0...spec.retries {
            let run = await runOnce(command, output: output)
            switch run {
            case .failure(let unreadable):
                // A retry that could not be read is reported as it is: its error is the news.
                return unreadable.result
            case .success(let (tests, written, outcome)):
                merged = attempt == 0 ? tests : Self.rerun(merged, then: tests)
                files = written
                last = outcome
            }
            guard merged.contains(where: { $0.testCase.outcome.isFailing }) else { break }
        }
        var result = SuiteAggregator.result(name: spec.name, tests: merged, files: files)
        result.commandOutput = last.map { redactor.redact($0.output) }
        result.exitStatus = last?.exitStatus
        return result
    }

    /// The later run decides each test it ran; tests it did not run keep the earlier reading.
    static func rerun(_ earlier: [CountedTest], then later: [CountedTest]) -> [CountedTest] {
        func key(_ test: CountedTest) -> String { test.testCase.classname + "\u{0}" + test.testCase.name }
        let laterByKey = Dictionary(later.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let earlierKeys = Set(earlier.map(key))
        return earlier.map { test in laterByKey[key(test)].map { RerunMerger.rerun(test, then: $0) } ?? test }
            + later.filter { !earlierKeys.contains(key($0)) }
    }

    private func runOnce(_ command: String, output: String) async -> Result<([CountedTest], [String], CommandOutcome), Unreadable> {
        let started = Date()
        let outcome = await commands.run(command, in: baseDirectory, timeout: spec.timeout)
        let log = redactor.redact(outcome.output)
        func failed(_ message: String) -> Unreadable {
            Unreadable(result: SuiteResult(name: spec.name, error: redactor.redact(message), commandOutput: log, exitStatus: outcome.exitStatus))
        }
        if let launchError = outcome.launchError { return .failure(failed(launchError)) }
        if outcome.timedOut { return .failure(failed("`\(command)` ran past its timeout of \(spec.timeout.humanReadable) and was stopped")) }
        // Only files written by this run count: a report left over from an earlier run would lie.
        let files = SuiteFiles.resolve(output, relativeTo: baseDirectory).filter { file in
            let modified = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date
            return (modified ?? .distantPast) >= started.addingTimeInterval(-1)
        }
        guard !files.isEmpty else {
            return .failure(failed("`\(command)` exited with status \(outcome.exitStatus.map(String.init) ?? "?") without writing a JUnit XML report to '\(output)'; see its output"))
        }
        switch tests(in: files, pattern: output) {
        case .success(let tests): return .success((tests, files, outcome))
        case .failure(var unreadable):
            unreadable.result.commandOutput = log
            unreadable.result.exitStatus = outcome.exitStatus
            return .failure(unreadable)
        }
    }

    /// In place: a redacted copy of every case would be a second array of them at the peak.
    private func redact(_ cases: inout [JUnitCase]) {
        guard !redactor.secrets.isEmpty else { return }
        for index in cases.indices {
            cases[index].message = cases[index].message.map(redactor.redact)
            cases[index].detail = cases[index].detail.map(redactor.redact)
            cases[index].flakyMessage = cases[index].flakyMessage.map(redactor.redact)
            cases[index].name = redactor.redact(cases[index].name)
        }
    }
}
