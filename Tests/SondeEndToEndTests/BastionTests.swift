import Foundation
import Testing

/// What a bastion host needs of the binary: it says which build it is, and it runs where it cannot
/// keep history.
@Suite("On a bastion")
struct BastionTests {
    @Test("--version names the release and the commit it was built from")
    func versionNamesTheCommit() async throws {
        let output = try await SondeProcess.run(["--version"])
        #expect(output.status == 0)
        let line = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.wholeMatch(of: /\d+\.\d+\.\d+ \(commit [0-9a-z-]+\)/) != nil, "\(line)")
    }

    @Test("A history file that cannot be opened turns history off with one line, and check still runs")
    func historyThatCannotBeOpened() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-bastion-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder where the history file should be: SQLite cannot open it, even as root (for whom
        // a read-only folder would still be writable), as on a read-only filesystem.
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".sonde-history.sqlite"), withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("sonde.yml")
        try "targets:\n  - name: closed-port\n    tcp: 127.0.0.1:1\n".write(to: config, atomically: true, encoding: .utf8)

        let output = try await SondeProcess.run(["check", config.path])
        #expect(output.status == 1, "the closed port is down: \(output.all)")
        #expect(output.stdout.contains("closed-port"), "\(output.all)")
        let notes = output.stderr.split(separator: "\n").filter { $0.contains("history is off") }
        #expect(notes.count == 1, "\(output.stderr)")
    }
}
