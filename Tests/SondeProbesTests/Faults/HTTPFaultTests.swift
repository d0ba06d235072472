import Foundation
import SondeCore
import Synchronization
import Testing
@testable import SondeProbes

/// Every way an HTTP server can misbehave: the reason Sonde gives, that the probe ends by its
/// deadline plus a small margin, and that a healthy target probed in the same run is unaffected.
@Suite("HTTP faults")
struct HTTPFaultTests {
    private func runBesideAHealthyTarget(_ faultyYAML: String, env: [String: String] = [:]) async throws -> FaultRun.Outcome {
        try await FaultRun.besideAHealthyTarget(faultyYAML, env: env)
    }

    private func expectHealthyUnaffected(_ outcome: FaultRun.Outcome) { FaultRun.expectHealthyUnaffected(outcome) }
    private func expectEndsByDeadline(_ outcome: FaultRun.Outcome) { FaultRun.expectEndsByDeadline(outcome) }

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
