import Foundation
import SondeCore
import Synchronization
import Testing
@testable import SondeProbes

/// One round of a misbehaving target and a healthy one through the engine, for the fault
/// tests: the reason, that the round ends by the deadline plus a small margin, and that the
/// healthy target did not wait on the faulty one.
enum FaultRun {
    static let timeout: Duration = .milliseconds(1500)
    /// Past the deadline a probe may take this long to wind down (engine grace + scheduling).
    static let margin: Duration = .milliseconds(750)

    struct Outcome {
        var fault: ProbeResult
        var healthy: ProbeResult
        var elapsed: Duration
    }

    /// Probes `faultyYAML` (the keys of one target, without its name) and a healthy target together, once.
    static func besideAHealthyTarget(_ faultyYAML: String, env: [String: String] = [:]) async throws -> Outcome {
        let healthy = try await HTTPTestServer.baseURL()
        let yaml = """
        timeout: \(Int(timeout.milliseconds))ms
        targets:
          - name: faulty
        \(faultyYAML.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
          - name: healthy
            http: \(healthy)/health
        """
        let config = try ConfigLoader.parse(yaml, file: "faults.yml", environment: env)
        let engine = Engine(targets: config.targets, factory: ProbeFactory.make)
        let results = Mutex<[String: ProbeResult]>([:])
        let started = ContinuousClock.now
        await engine.run(rounds: 1) { event in
            if case .result(let r) = event { results.withLock { $0[r.target] = r } }
        }
        let elapsed = ContinuousClock.now - started
        let byName = results.withLock { $0 }
        return Outcome(fault: try #require(byName["faulty"]), healthy: try #require(byName["healthy"]), elapsed: elapsed)
    }

    static func expectHealthyUnaffected(_ outcome: Outcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(outcome.healthy.status == .up, "healthy target: \(String(describing: outcome.healthy.reason))", sourceLocation: sourceLocation)
        // A bound, not a timing: the healthy probe never waited on the faulty one's deadline.
        #expect((outcome.healthy.latency ?? .seconds(99)) < .milliseconds(1000), sourceLocation: sourceLocation)
    }

    static func expectEndsByDeadline(_ outcome: Outcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(outcome.elapsed < timeout + margin, sourceLocation: sourceLocation)
    }
}
