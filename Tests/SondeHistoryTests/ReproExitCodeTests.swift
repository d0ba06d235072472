import Foundation
import Testing

/// `sonde check --repro` as a pipeline runs it: the verdict table and the exit code.
@Suite struct ReproExitCodeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var serverStatus: Int
        var expectFailure: String?
        var exitCode: Int32
        var says: String
        var testDescription: String { "server \(serverStatus), expect_failure \(expectFailure ?? "none") -> exit \(exitCode)" }
    }

    static let cases = [
        Case(serverStatus: 503, expectFailure: "503", exitCode: 0, says: "REPRODUCED"),
        Case(serverStatus: 200, expectFailure: "503", exitCode: 1, says: "NOT REPRODUCED"),
        Case(serverStatus: 200, expectFailure: nil, exitCode: 2, says: "expect_failure"),
    ]

    @Test(arguments: cases)
    func verdictAndExitCode(_ c: Case) async throws {
        let server = try await ScriptedServer.start { _ in .init(status: c.serverStatus) }
        defer { server.stop() }
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("repro.yml")
        var text = "environment: incident-618\ntimeout: 2s\ntargets:\n  - name: backend\n    http: \(server.url)\n"
        if let expected = c.expectFailure { text += "    expect_failure: \(expected)\n" }
        try text.write(to: file, atomically: true, encoding: .utf8)

        let run = try await SondeBinary.run(["check", file.path, "--repro", "--no-history"], in: folder)
        #expect(run.status == c.exitCode, "\(run.output)")
        #expect(run.output.contains(c.says), "\(run.output)")
        if c.exitCode == 0 { #expect(!run.output.contains("NOT REPRODUCED"), "\(run.output)") }
    }
}
