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

    /// Bastion users are not root. An HTTP probe once set TCP_NODELAY at the socket level, where
    /// its number means SO_DEBUG, which only root may set: every HTTP target was down for them.
    @Test("An unprivileged user's HTTP and TCP probes come up", .enabled(if: Unprivileged.available, Unprivileged.skipComment))
    func probesAsAnUnprivilegedUser() async throws {
        let echo = try await EchoServer.start()
        defer { echo.task.cancel() }
        let folder = try ScratchDirectory.make("unprivileged")
        defer { ScratchDirectory.remove(folder) }
        // The user must be able to read the binary and the config: both in a folder of its own.
        let binary = folder.appendingPathComponent("sonde")
        try FileManager.default.copyItem(at: try SondeProcess.binary, to: binary)
        let config = folder.appendingPathComponent("sonde.yml")
        try """
        targets:
          - { name: web, http: "http://127.0.0.1:\(echo.port)/echo" }
          - { name: port, tcp: "127.0.0.1:\(echo.port)" }
        """.write(to: config, atomically: true, encoding: .utf8)
        for path in [folder.path, binary.path, config.path] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }

        let output = try await SondeProcess.run(executable: Unprivileged.launcher, Unprivileged.arguments + [binary.path, "check", config.path, "--no-history"])
        #expect(output.status == 0, "\(output.all)")
        #expect(!output.all.contains("Permission denied"), "\(output.all)")
    }
}

/// Runs a command as a user without privileges: as it is when the tests are not root, through
/// setpriv (util-linux) as `nobody` when they are.
enum Unprivileged {
    static let isRoot = getuid() == 0
    static let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
    static var available: Bool { !isRoot || FileManager.default.isExecutableFile(atPath: setpriv.path) }
    static let skipComment: Comment = "running as root without /usr/bin/setpriv (util-linux): cannot drop privileges"
    static var launcher: URL { isRoot ? setpriv : URL(fileURLWithPath: "/usr/bin/env") }
    static var arguments: [String] { isRoot ? ["--reuid=65534", "--regid=65534", "--clear-groups", "--"] : [] }
}
