import Foundation
import Testing
@testable import SondeCore
import SondeProbes

@Suite("Suite watcher: files, globs, commands and broken reports")
struct SuiteWatcherTests {
    private func watcher(_ source: SuiteSpec.Source, base: String? = nil, timeout: Duration = .seconds(30), secrets: [String] = []) -> SuiteWatcher {
        SuiteWatcher(spec: SuiteSpec(name: "s", source: source, interval: .seconds(60), timeout: timeout), baseDirectory: base, redactor: Redactor(secrets: secrets), commands: SuiteCommandRunner())
    }

    @Test(arguments: ["bad/empty.xml", "bad/truncated.xml", "bad/not-junit.xml"])
    func brokenReportIsThatSuitesErrorAndNeverACrash(file: String) async throws {
        let result = try #require(await watcher(.path(SuiteFixtures.junit(file))).refresh())
        let error = try #require(result.error)
        #expect(result.modules.isEmpty)
        #expect(result.status == .down)
        #expect(result.summary == "unreadable")
        #expect(error.contains(file.split(separator: "/").last.map(String.init) ?? file))
    }

    @Test func truncatedReportSaysItWasCutOff() async throws {
        let result = try #require(await watcher(.path(SuiteFixtures.junit("bad/truncated.xml"))).refresh())
        #expect(result.error?.contains("truncated") == true)
    }

    @Test func aBrokenSuiteDoesNotHideTheOthers() async throws {
        let config = SondeConfig(environment: "t", targets: [], suites: [
            SuiteSpec(name: "broken", source: .path(SuiteFixtures.junit("bad/truncated.xml")), interval: .seconds(60), timeout: .seconds(5)),
            SuiteSpec(name: "java", source: .path(SuiteFixtures.junit("surefire")), interval: .seconds(60), timeout: .seconds(5)),
        ])
        let report = await ReportCollector.collect(config: config, rounds: 1, factory: { _ in NeverProbe() }, commands: SuiteCommandRunner())
        #expect(report.suites.map(\.name) == ["broken", "java"])
        #expect(report.suites[0].error != nil)
        #expect(report.suites[1].error == nil)
        #expect(report.suites[1].summary == "1/3 modules passing")
    }

    @Test func rereadsOnlyWhenTheFilesChange() async throws {
        let folder = try SuiteFixtures.scratch()
        let report = folder.appendingPathComponent("report.xml")
        try SuiteFixtures.data("surefire/TEST-com.acme.shop.InventoryTest.xml").write(to: report)
        let watcher = watcher(.path("report.xml"), base: folder.path)
        let first = try #require(await watcher.refresh())
        #expect(first.summary == "1/1 modules passing")
        #expect(await watcher.refresh() == nil, "unchanged files are not read again")
        try SuiteFixtures.data("surefire/TEST-com.acme.shop.CartTest.xml").write(to: report)
        let second = try #require(await watcher.refresh())
        #expect(second.modules.map(\.name) == ["CartTest"])
        #expect(second.summary == "0/1 modules passing")
    }

    @Test func globAndDirectoryFindEveryReport() async throws {
        let folder = try SuiteFixtures.scratch()
        let nested = folder.appendingPathComponent("target/surefire-reports")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        for name in ["CartTest", "CheckoutTest", "InventoryTest"] {
            try SuiteFixtures.data("surefire/TEST-com.acme.shop.\(name).xml").write(to: nested.appendingPathComponent("TEST-\(name).xml"))
        }
        try Data("not a report".utf8).write(to: nested.appendingPathComponent("notes.txt"))
        let byGlob = try #require(await watcher(.path("target/**/TEST-*.xml"), base: folder.path).refresh())
        let byDirectory = try #require(await watcher(.path("target"), base: folder.path).refresh())
        #expect(byGlob.files.count == 3)
        #expect(byGlob.modules.map(\.name) == ["CartTest", "CheckoutTest", "InventoryTest"])
        #expect(byDirectory.modules == byGlob.modules)
    }

    @Test func missingReportSaysWhereItLooked() async throws {
        let result = try #require(await watcher(.path("nowhere/*.xml"), base: "/tmp").refresh())
        #expect(result.error?.contains("no JUnit XML report at 'nowhere/*.xml'") == true)
    }

    @Test func commandPastItsTimeoutIsStoppedAndItsOutputKept() async throws {
        let folder = try SuiteFixtures.scratch()
        let started = ContinuousClock.now
        let result = try #require(await watcher(
            .command(run: "echo starting the suite; exec sleep 30", output: "out.xml"), base: folder.path, timeout: .seconds(1)
        ).refresh())
        // Far below the 30 s the command would run, far above what a loaded machine adds to 1 s.
        #expect(ContinuousClock.now - started < .seconds(20), "stopped at its timeout, not after 30s")
        #expect(result.error?.contains("ran past its timeout of 1s") == true)
        #expect(result.commandOutput?.contains("starting the suite") == true)
    }

    @Test func aTimedOutCommandGetsSIGTERMFirst() async throws {
        // A child of the Swift runtime's threads would inherit a mask blocking SIGTERM; this one must see it.
        let outcome = await SuiteCommandRunner().run("trap 'echo got TERM; exit 0' TERM; sleep 30 & wait", in: nil, timeout: .milliseconds(500))
        #expect(outcome.timedOut)
        #expect(outcome.output.contains("got TERM"), "\(outcome.output)")
    }

    @Test func runsInTheConfigFolderWithItsExitStatus() async throws {
        let folder = try SuiteFixtures.scratch()
        let outcome = await SuiteCommandRunner().run("pwd; exit 7", in: folder.path, timeout: .seconds(10))
        #expect(outcome.exitStatus == 7)
        #expect(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(folder.lastPathComponent))
    }

    @Test func timeoutAlsoStopsWhatTheCommandStarted() async throws {
        let folder = try SuiteFixtures.scratch()
        let pidFile = folder.appendingPathComponent("child.pid")
        // The shell's child (not exec'd) would outlive a signal to the shell alone.
        let command = "sh -c 'echo $$ > \(pidFile.path); exec sleep 60' ; echo after"
        let outcome = await SuiteCommandRunner().run(command, in: folder.path, timeout: .seconds(1))
        #expect(outcome.timedOut)
        let text = try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try #require(Int32(text))
        #expect(await ProcessState.isGone(child, within: .seconds(5)), "the command's children must be stopped with it")
    }

    @Test func commandThatWritesNoReportIsAnErrorWithItsExitStatus() async throws {
        let folder = try SuiteFixtures.scratch()
        let result = try #require(await watcher(.command(run: "echo boom >&2; exit 3", output: "out.xml"), base: folder.path).refresh())
        #expect(result.exitStatus == 3)
        #expect(result.error?.contains("exited with status 3 without writing a JUnit XML report") == true)
        #expect(result.commandOutput?.contains("boom") == true)
    }

    @Test func commandOutputAndMessagesAreRedacted() async throws {
        let folder = try SuiteFixtures.scratch()
        let xml = #"<testsuite name="t"><testcase classname="test_a" name="t1"><failure message="token hunter2-secret refused"/></testcase></testsuite>"#
        let result = try #require(await watcher(
            .command(run: "echo using hunter2-secret; printf '%s' '\(xml)' > out.xml", output: "out.xml"), base: folder.path, secrets: ["hunter2-secret"]
        ).refresh())
        #expect(result.error == nil)
        #expect(result.commandOutput?.contains("hunter2-secret") == false)
        #expect(result.failureGroups.first?.cause == "token *** refused")
    }
}

/// A probe for runs that have no targets to probe.
struct NeverProbe: Probe {
    func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        .failed(FailureReason(.other, "not expected to run"))
    }
}

/// Whether a process has ended (or is a zombie waiting for init), read from /proc.
enum ProcessState {
    static func isGone(_ pid: Int32, within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z") { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}
