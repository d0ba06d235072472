import Foundation
import Testing
@testable import SondeCore

/// A target's fields are shared by its copies (the config, the job's identity, the probe's
/// closure, the dashboard): a copy changed must not change the others.
@Suite struct TargetSharingTests {
    private func target(line: Int = 3) -> Target {
        Target(
            name: "api", interval: .seconds(5), timeout: .seconds(2),
            probe: .http(HTTPSpec(url: URL(string: "http://127.0.0.1/health")!)),
            location: SourceLocation(file: "sonde.yml", line: line, column: 5)
        )
    }

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let original = target()
        var copy = original
        copy.interval = .seconds(30)
        copy.location = nil
        #expect(original.interval == .seconds(5))
        #expect(original.location == SourceLocation(file: "sonde.yml", line: 3, column: 5))
        #expect(copy.interval == .seconds(30))
        #expect(copy.location == nil)
        #expect(copy != original)
        #expect(target() == original)
    }

    @Test func aTargetMovedInTheFileKeepsItsJobIdentity() {
        #expect(JobIdentity.of(target(line: 3)) == JobIdentity.of(target(line: 9)))
        var slower = target()
        slower.interval = .seconds(30)
        #expect(JobIdentity.of(slower) != JobIdentity.of(target()))
        // Comparing leaves both as they were.
        #expect(target(line: 9).location?.line == 9)
    }
}
