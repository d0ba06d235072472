import Foundation
import Testing

/// Issue #12: with two journeys named alike, `validate` said ok and `report --rounds 2` never
/// returned ("SWIFT TASK CONTINUATION MISUSE"). Both now refuse the config, naming the lines.
@Suite("Duplicate names, end to end")
struct DuplicateNamesEndToEndTests {
    @Test func validateAndReportRefuseTwoJourneysNamedAlike() async throws {
        let directory = try ScratchDirectory.make("names")
        defer { ScratchDirectory.remove(directory) }
        let config = directory.appendingPathComponent("sonde.yml")
        try """
            targets:
              - name: api
                tcp: 127.0.0.1:1
            journeys:
              - name: golden
                steps: [api]
              - name: golden
                steps: [api]

            """.write(to: config, atomically: true, encoding: .utf8)
        let expected = "sonde.yml:7:5: journeys[1]: duplicate journey name 'golden' (first at line 5); names must be unique"
        for arguments in [["validate", config.path], ["report", config.path, "--rounds", "2", "--format", "json", "--no-history"]] {
            let output = try await SondeProcess.run(arguments)
            #expect(output.status == 2, "\(arguments[0]): \(output.all.prefix(400))")
            #expect(output.stderr.contains(expected), "\(arguments[0]): \(output.stderr.prefix(400))")
        }
    }
}
