import Foundation
import SondeCore
import Synchronization
import Testing
@testable import SondeProbes

/// Every way an HTTP server can misbehave: the reason Sonde gives, that the probe ends by its
/// deadline plus a small margin, and that a healthy target probed in the same run is unaffected.
@Suite("HTTP faults")
struct HTTPFaultTests {
    static let timeout = "1500ms"
    /// Past the deadline a probe may take this long to wind down (engine grace + scheduling).
    static let margin: Duration = .milliseconds(750)

    struct Outcome {
        var fault: ProbeResult
        var healthy: ProbeResult
        var elapsed: Duration
    }

    /// Probes `faultyYAML` and a healthy target together through the engine, once.
    private func runBesideAHealthyTarget(_ faultyYAML: String, env: [String: String] = [:]) async throws -> Outcome {
        let healthy = try await HTTPTestServer.baseURL()
        let yaml = """
        timeout: \(Self.timeout)
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

    private func expectHealthyUnaffected(_ outcome: Outcome) {
        #expect(outcome.healthy.status == .up, "healthy target: \(String(describing: outcome.healthy.reason))")
        // A bound, not a timing: the healthy probe never waited on the faulty one's deadline.
        #expect((outcome.healthy.latency ?? .seconds(99)) < .milliseconds(1000))
    }

    private func expectEndsByDeadline(_ outcome: Outcome) {
        #expect(outcome.elapsed < .milliseconds(1500) + Self.margin)
    }

    @Test func refusedConnection() async throws {
        let port = try closedLoopbackPort()
        let outcome = try await runBesideAHealthyTarget("http: http://127.0.0.1:\(port)/")
        #expect(outcome.fault.reason?.kind == .refused)
        #expect(outcome.fault.reason?.message == "connection refused by 127.0.0.1:\(port)")
        #expect(outcome.fault.outcome.phases.map(\.name) == [PhaseTiming.dns])
        expectEndsByDeadline(outcome)
        expectHealthyUnaffected(outcome)
    }

    @Test func acceptsAndNeverAnswers() async throws {
        let listener = try await NeverAnsweringListener.start()
        let outcome = try await runBesideAHealthyTarget("http: http://127.0.0.1:\(listener.port)/")
        #expect(outcome.fault.reason?.kind == .timeout)
        #expect(outcome.fault.reason?.message == "timed out after 1.5s during waiting for the response")
        // The phases it completed stay with the failure: the time went to waiting, not connecting.
        #expect(outcome.fault.outcome.phases.map(\.name) == [PhaseTiming.dns, PhaseTiming.connect])
        expectEndsByDeadline(outcome)
        expectHealthyUnaffected(outcome)
    }

    @Test func headersThenAStalledBody() async throws {
        let server = try await FaultServer.start(.stallBody)
        let outcome = try await runBesideAHealthyTarget("http: \(server.baseURL)/")
        #expect(outcome.fault.reason?.kind == .timeout)
        #expect(outcome.fault.reason?.message == "timed out after 1.5s during reading the response body")
        #expect(outcome.fault.outcome.phases.map(\.name) == [PhaseTiming.dns, PhaseTiming.connect, PhaseTiming.firstByte])
        expectEndsByDeadline(outcome)
        expectHealthyUnaffected(outcome)
    }

    @Test func aBodyTrickledOneByteASecond() async throws {
        let server = try await FaultServer.start(.trickleBody)
        let outcome = try await runBesideAHealthyTarget("http: \(server.baseURL)/")
        #expect(outcome.fault.reason?.kind == .timeout)
        #expect(outcome.fault.reason?.message == "timed out after 1.5s during reading the response body")
        expectEndsByDeadline(outcome)
        expectHealthyUnaffected(outcome)
    }

    @Test func aHundredMegabyteBodyStopsAtTheLimit() async throws {
        let server = try await FaultServer.start(.hugeBody)
        let outcome = try await runBesideAHealthyTarget("http: \(server.baseURL)/")
        #expect(outcome.fault.reason?.kind == .bodyTooLarge)
        #expect(outcome.fault.reason?.message == "response body is larger than the 1 MiB limit (raise it with max_body)")
        expectEndsByDeadline(outcome)
        expectHealthyUnaffected(outcome)
    }

    @Test func invalidJSONFailsTheAssertion() async throws {
        let server = try await FaultServer.start(.body(Array(#"{"status": "healthy""#.utf8)))
        let outcome = try await runBesideAHealthyTarget("""
        http: \(server.baseURL)/
        expect: { json: [ '$.status == "healthy"' ] }
        """)
        #expect(outcome.fault.reason?.kind == .assertion)
        #expect(outcome.fault.reason?.message == #"expected a JSON body for $.status == "healthy", got a body that is not JSON ({"status": "healthy")"#)
        expectHealthyUnaffected(outcome)
    }

    @Test func invalidUTF8IsReadWithoutCrashing() async throws {
        let server = try await FaultServer.start(.body([0xFF, 0xFE, 0x80, 0x61]))
        let outcome = try await runBesideAHealthyTarget("""
        http: \(server.baseURL)/
        expect: { contains: healthy }
        """)
        #expect(outcome.fault.reason?.kind == .assertion)
        #expect(outcome.fault.reason?.message.contains("healthy") == true)
        expectHealthyUnaffected(outcome)
    }

    @Test func closedMidResponse() async throws {
        let server = try await FaultServer.start(.closeMidResponse)
        let outcome = try await runBesideAHealthyTarget("http: \(server.baseURL)/")
        #expect(outcome.fault.reason?.kind == .closed)
        #expect(outcome.fault.reason?.message == "127.0.0.1:\(server.port) closed the connection in the middle of the response body (got 10 of 100 bytes)")
        expectEndsByDeadline(outcome)
        expectHealthyUnaffected(outcome)
    }

    @Test func aRedirectLoopStopsAtTheLimit() async throws {
        let server = try await FaultServer.start(.redirectLoop)
        let outcome = try await runBesideAHealthyTarget("""
        http: \(server.baseURL)/
        follow_redirects: 5
        """)
        #expect(outcome.fault.reason?.kind == .httpStatus)
        #expect(outcome.fault.reason?.message.hasPrefix("stopped after 5 redirects (a redirect loop?)") == true)
        expectEndsByDeadline(outcome)
        expectHealthyUnaffected(outcome)
    }
}
