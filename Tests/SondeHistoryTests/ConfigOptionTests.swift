import Foundation
import Testing

/// Every command that reads a config takes it as `[CONFIG]` or as `--config PATH`.
@Suite struct ConfigOptionTests {
    @Test(arguments: ["validate", "check", "report"])
    func configAsAnOptionIsTheSameAsThePositional(command: String) async throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("elsewhere.yml")
        try "targets:\n  - name: api\n    tcp: 127.0.0.1:1\n    tiemout: 1s\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try await SondeBinary.run([command, "--config", file.path], in: folder)
        // The bad key proves this file was read, not ./sonde.yml (which does not exist).
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("elsewhere.yml:4:5: targets[0].tiemout: unknown key 'tiemout', did you mean 'timeout'?"), "\(run.output)")
    }

    @Test func twoDifferentConfigsAreAUsageError() async throws {
        let folder = try temporaryFolder()
        let run = try await SondeBinary.run(["validate", "a.yml", "--config", "b.yml"], in: folder)
        #expect(run.status == 64, "\(run.output)")
        #expect(run.output.contains("two config files given ('a.yml' and --config 'b.yml'): pass one"), "\(run.output)")
    }
}
