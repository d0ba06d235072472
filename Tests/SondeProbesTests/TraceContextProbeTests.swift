import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// W3C trace context on the wire: what a real server received, against what the result says.
@Suite("traceparent sent by HTTP and WebSocket probes")
struct TraceContextProbeTests {
    private func config(_ body: String, top: String = "") async throws -> SondeConfig {
        let base = try await HTTPTestServer.baseURL()
        return try ConfigLoader.parse("timeout: 3s\n\(top)\n" + body.replacingOccurrences(of: "BASE", with: base), file: "trace.yml")
    }

    private func probe(_ target: Target) async -> ProbeResult {
        await Engine.probeOnce(target, probe: ProbeFactory.make(target), sequence: 1)
    }

    /// `00-<trace id>-<parent id>-01`, split, after checking the shape the spec gives it.
    private func fields(_ header: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (trace: String, parent: String)? {
        let parts = header.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let hex = Set("0123456789abcdef")
        guard parts.count == 4, parts[0] == "00", parts[1].count == 32, parts[2].count == 16, parts[3] == "01",
              (parts[1] + parts[2]).allSatisfy(hex.contains),
              parts[1] != String(repeating: "0", count: 32), parts[2] != String(repeating: "0", count: 16)
        else {
            Issue.record("not a version-00 sampled traceparent: '\(header)'", sourceLocation: sourceLocation)
            return nil
        }
        return (parts[1], parts[2])
    }

    @Test func httpProbeSendsAFreshTraceEachTimeAndTheResultNamesIt() async throws {
        let key = "fresh-\(UUID().uuidString)"
        let config = try await config("""
        targets:
          - { name: api, http: BASE/trace/\(key) }
        """)
        let target = try #require(config.targets.first)
        let first = await probe(target)
        let second = await probe(target)
        #expect(first.status == .up, "\(String(describing: first.reason))")
        let received = HTTPTestServer.traceparents(key)
        try #require(received.count == 2)
        let one = try #require(fields(received[0]))
        let two = try #require(fields(received[1]))
        #expect(first.traceID?.hex == one.trace)
        #expect(second.traceID?.hex == two.trace)
        #expect(one.trace != two.trace, "each probe starts a trace of its own")
    }

    @Test func traceFalseOnATargetOrAtTheTopSendsNone() async throws {
        let key = "off-\(UUID().uuidString)"
        let perTarget = try await config("""
        targets:
          - { name: quiet, http: BASE/trace/\(key), trace: false }
          - { name: loud, http: BASE/trace/\(key)-loud }
        """)
        let quiet = await probe(try #require(perTarget.target(named: "quiet")))
        let loud = await probe(try #require(perTarget.target(named: "loud")))
        #expect(quiet.status == .up)
        #expect(quiet.traceID == nil)
        #expect(HTTPTestServer.traceparents(key) == [""])
        #expect(loud.traceID != nil)

        let global = try await config("""
        targets:
          - { name: quiet, http: BASE/trace/\(key)-global }
          - { name: asks, http: BASE/trace/\(key)-asks, trace: true }
        """, top: "trace: false")
        let off = await probe(try #require(global.target(named: "quiet")))
        let on = await probe(try #require(global.target(named: "asks")))
        #expect(off.traceID == nil)
        #expect(HTTPTestServer.traceparents("\(key)-global") == [""])
        // A target's own `trace: true` wins over the top-level default.
        let header = try #require(HTTPTestServer.traceparents("\(key)-asks").first)
        #expect(on.traceID?.hex == fields(header)?.trace)
    }

    @Test func aConfiguredTraceparentHeaderIsSentAsWrittenAndSondeClaimsNoTrace() async throws {
        let key = "own-\(UUID().uuidString)"
        let theirs = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
        let config = try await config("""
        targets:
          - { name: api, http: BASE/trace/\(key), headers: { traceparent: "\(theirs)" } }
        """)
        let result = await probe(try #require(config.targets.first))
        #expect(HTTPTestServer.traceparents(key) == [theirs])
        #expect(result.traceID == nil)
    }

    @Test func aRedirectIsAnotherSpanOfTheSameTrace() async throws {
        let key = "hop-\(UUID().uuidString)"
        let config = try await config("""
        targets:
          - { name: api, http: BASE/trace-hop/\(key), follow_redirects: 1 }
        """)
        let result = await probe(try #require(config.targets.first))
        #expect(result.status == .up, "\(String(describing: result.reason))")
        let received = HTTPTestServer.traceparents(key)
        try #require(received.count == 2)
        let hop = try #require(fields(received[0]))
        let landing = try #require(fields(received[1]))
        #expect(hop.trace == landing.trace)
        #expect(hop.parent != landing.parent)
        #expect(result.traceID?.hex == hop.trace)
    }

    @Test func theStepsOfOneJourneyRunShareATraceAndTheNextRunHasItsOwn() async throws {
        let key = "journey-\(UUID().uuidString)"
        let config = try await config("""
        targets:
          - { name: health, http: BASE/trace/\(key)-named }
        journeys:
          - name: golden path
            steps:
              - { name: first, http: BASE/trace/\(key) }
              - { name: second, http: BASE/trace/\(key) }
              - health
              - { name: untraced, http: BASE/trace/\(key)-off, trace: false }
        """)
        let journey = try #require(config.journeys.first)
        let runner = JourneyRunner(journey: journey, factory: ProbeFactory.make)
        let run = await runner.run(sequence: 1)
        #expect(run.status == .up, "\(String(describing: run.failureReason))")
        let steps = HTTPTestServer.traceparents(key).compactMap { fields($0) }
        let named = HTTPTestServer.traceparents("\(key)-named").compactMap { fields($0) }
        #expect(steps.count == 2 && named.count == 1)
        guard steps.count == 2, named.count == 1 else { return }
        #expect(Set(steps.map(\.trace) + named.map(\.trace)).count == 1, "one trace id for every traced step")
        #expect(Set(steps.map(\.parent) + named.map(\.parent)).count == 3, "a span id per request")
        #expect(run.traceID?.hex == steps[0].trace)
        #expect(run.steps.map { $0.result?.traceID?.hex } == [steps[0].trace, steps[0].trace, steps[0].trace, nil])
        #expect(HTTPTestServer.traceparents("\(key)-off") == [""])

        let again = await runner.run(sequence: 2)
        #expect(again.traceID != nil)
        #expect(again.traceID != run.traceID)
    }

    @Test(.enabled(if: TraceparentPeer.available || Service.required))
    func webSocketUpgradeCarriesTheTraceTheResultNames() async throws {
        guard TraceparentPeer.check() else { return }
        try await TraceparentPeer.with { peer in
            let config = try ConfigLoader.parse("""
            targets:
              - { name: ws, websocket: "ws://127.0.0.1:\(peer.port)/", expect: { first: '$.traceparent' } }
              - { name: quiet, websocket: "ws://127.0.0.1:\(peer.port)/", trace: false, expect: { first: traceparent } }
            """, file: "ws.yml")
            let traced = await probe(try #require(config.target(named: "ws")))
            #expect(traced.status == .up, "\(String(describing: traced.reason))")
            let greeting = try #require(traced.outcome.message)
            let sent = try JSONDecoder().decode([String: String].self, from: Data(greeting.utf8))
            let header = try #require(sent["traceparent"])
            #expect(traced.traceID?.hex == fields(header)?.trace)

            let quiet = await probe(try #require(config.target(named: "quiet")))
            #expect(quiet.status == .up, "\(String(describing: quiet.reason))")
            #expect(quiet.outcome.message == #"{"traceparent": ""}"#)
            #expect(quiet.traceID == nil)
        }
    }
}
