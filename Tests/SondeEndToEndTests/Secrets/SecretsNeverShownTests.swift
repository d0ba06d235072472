import Foundation
import Testing

/// A token and a password configured from the environment, then every way Sonde writes: the check
/// table, its JSON, each report format, the repro table and the error paths. Neither may appear.
@Suite("Secrets never appear in any output")
struct SecretsNeverShownTests {
    static let token = "tok-SECRET-4f9a2c71"
    static let password = "pw-SECRET-8d3e1b55"
    static let environment = ["STAGING_JWT": token, "PGPASSWORD": password, "REDIS_PASSWORD": password]

    private func config(echoPort: Int, deadPort: Int) -> String {
        """
        environment: staging
        timeout: 2s
        targets:
          - name: backend
            http: http://127.0.0.1:\(echoPort)/echo
            headers: { Authorization: "Bearer ${STAGING_JWT}" }
            expect:
              json: [ '$.authorization == "nope"' ]
            report: { auth: $.authorization }
            expect_failure: 503
          - name: token-in-url
            http: http://sonde:${PGPASSWORD}@127.0.0.1:\(echoPort)/echo?token=${STAGING_JWT}
            expect: { contains: "never-there" }
          - name: postgres
            postgres: postgres://sonde:${PGPASSWORD}@127.0.0.1:\(deadPort)/app
          - name: redis
            redis: redis://:${REDIS_PASSWORD}@127.0.0.1:\(deadPort)/0
          - name: websocket
            websocket: ws://127.0.0.1:\(deadPort)/ws
            headers: { Authorization: "Bearer ${STAGING_JWT}" }
        """
    }

    private func expectClean(_ output: SondeProcess.Output, _ label: String) {
        #expect(!output.all.contains(Self.token), "\(label) shows the token")
        #expect(!output.all.contains(Self.password), "\(label) shows the password")
        #expect(!output.all.contains("4f9a2c71") && !output.all.contains("8d3e1b55"), "\(label) shows part of a secret")
    }

    @Test func everyCommandAndFormatMasksTheTokenAndThePassword() async throws {
        let echo = try await EchoServer.start()
        defer { echo.task.cancel() }
        let dead = try Self.closedPort()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sonde.yml")
        try config(echoPort: echo.port, deadPort: dead).write(to: file, atomically: true, encoding: .utf8)

        // check exits 1 (targets down, 503 not reproduced); report exits 0 once the report is written.
        let runs: [(String, [String], Int32)] = [
            ("check", ["check", file.path, "--no-history"], 1),
            ("check --json", ["check", file.path, "--json", "-", "--no-history"], 1),
            ("check --repro", ["check", file.path, "--repro", "--no-history"], 1),
            ("report markdown", ["report", file.path, "--format", "markdown"], 0),
            ("report json", ["report", file.path, "--format", "json"], 0),
            ("report junit", ["report", file.path, "--format", "junit"], 0),
        ]
        for (label, arguments, expectedStatus) in runs {
            let output = try await SondeProcess.run(arguments, environment: Self.environment, in: directory)
            expectClean(output, label)
            #expect(output.all.contains("***"), "\(label) should show the masked value: \(output.all.prefix(400))")
            #expect(output.status == expectedStatus, "\(label): \(output.stderr.prefix(400))")
        }
    }

    @Test func errorPathsMaskSecretsToo() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.yml")
        try """
        targets:
          - name: db
            postgres: "ftp://sonde:${PGPASSWORD}@127.0.0.1/app"
          - name: api
            http: "http://127.0.0.1:1/${STAGING_JWT} with spaces"
            headers: { Authorization: "Bearer ${STAGING_JWT}" }
            tiemout: 3s
        """.write(to: file, atomically: true, encoding: .utf8)
        for command in ["validate", "check", "report"] {
            let output = try await SondeProcess.run([command, file.path], environment: Self.environment, in: directory)
            #expect(output.status == 2, "\(command) exits 2 on a broken config")
            #expect(output.stderr.contains("broken.yml:"), "\(command) names the file: \(output.stderr)")
            expectClean(output, "\(command) on a broken config")
        }
    }

    /// A loopback port with nothing listening: bind, read the port, close.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
