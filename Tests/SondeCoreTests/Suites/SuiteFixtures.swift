import Foundation
import Testing
@testable import SondeCore

/// Paths of the JUnit fixtures and scratch folders for suite tests.
enum SuiteFixtures {
    static var root: URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            preconditionFailure("the Fixtures folder is missing from the test bundle")
        }
        return url
    }

    static func junit(_ relative: String) -> String {
        root.appendingPathComponent("junit").appendingPathComponent(relative).path
    }

    /// Reads the fixture files a pattern names (a file, folder or glob under junit/) as one suite.
    static func read(_ pattern: String) -> SuiteResult {
        let files = SuiteFiles.resolve(junit(pattern), relativeTo: nil)
        var cases: [JUnitCase] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let parsed = try? JUnitParser.parse(data, source: file) else {
                Issue.record("cannot read \(file)")
                continue
            }
            cases += parsed
        }
        if files.isEmpty { Issue.record("no fixture at \(pattern)") }
        return SuiteAggregator.result(name: pattern, cases: cases, files: files)
    }

    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: junit(relative)))
    }

    /// A new empty folder under the system's temporary directory.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-suites-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A scratch copy of the pytest suite, so running it writes nothing into the bundle.
    static func pytestSuiteCopy() throws -> URL {
        let folder = try scratch()
        let copy = folder.appendingPathComponent("pytest_suite")
        try FileManager.default.copyItem(at: root.appendingPathComponent("pytest_suite"), to: copy)
        return copy
    }

    /// Runs the pytest tests when pytest is installed, and always in CI (SONDE_REQUIRE_SERVICES=1),
    /// where a missing pytest must fail rather than skip.
    static var runPytest: Bool {
        ProcessInfo.processInfo.environment["SONDE_REQUIRE_SERVICES"] == "1" || pytestAvailable
    }

    static var pytestAvailable: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pytest", "--version"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
