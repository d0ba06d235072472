import Foundation
import Testing
@testable import SondeCore

@Suite("W3C traceparent values")
struct TraceContextTests {
    @Test func headerHasVersionIdsAndTheSampledFlagAtFixedWidths() throws {
        let context = TraceContext(traceID: TraceID(high: 0xa, low: 0xbc), parentID: 0x1)
        #expect(context.headerValue == "00-000000000000000a00000000000000bc-0000000000000001-01")
        var unsampled = context
        unsampled.sampled = false
        #expect(unsampled.headerValue.hasSuffix("-00"))
    }

    @Test func randomIdsDifferAndReadBackFromTheirHex() throws {
        let ids = (0..<1000).map { _ in TraceID.random() }
        #expect(Set(ids).count == 1000)
        for id in ids.prefix(50) {
            #expect(id.hex.count == 32)
            #expect(TraceID(hex: id.hex) == id)
        }
        #expect(TraceID(hex: String(repeating: "0", count: 32)) == nil, "all zeroes is invalid")
        #expect(TraceID(hex: "4BF92F3577B34DA6A3CE929D0E0E4736") == nil, "upper case is invalid")
        #expect(TraceID(hex: "4bf92f3577b34da6a3ce929d0e0e473") == nil)
    }

    @Test func policiesMakeFreshSharedOrNoContext() throws {
        #expect(TraceContext.make(for: .off) == nil)
        let a = try #require(TraceContext.make(for: .newTrace))
        let b = try #require(TraceContext.make(for: .newTrace))
        #expect(a.traceID != b.traceID)
        let shared = TraceID.random()
        let one = try #require(TraceContext.make(for: .within(shared)))
        let two = try #require(TraceContext.make(for: .within(shared)))
        #expect(one.traceID == shared && two.traceID == shared)
        #expect(one.parentID != two.parentID)
        #expect(one.nextSpan().traceID == shared)
        #expect(one.nextSpan().parentID != one.parentID)
    }

    @Test func checkJSONCarriesTheTraceIDOfTheLastResult() throws {
        let config = try ConfigLoader.parse("targets:\n  - { name: api, http: \"http://127.0.0.1:1/\" }\n", file: "f.yml")
        let target = try #require(config.targets.first)
        let trace = try #require(TraceID(hex: "4bf92f3577b34da6a3ce929d0e0e4736"))
        var outcome = ProbeOutcome(latency: .milliseconds(3), statusCode: 200)
        outcome.traceID = trace
        let traced = ProbeResult(target: "api", kind: .http, status: .up, outcome: outcome, latencyTarget: nil, startedAt: Date(), sequence: 1)
        let untraced = ProbeResult(target: "api", kind: .http, status: .up, outcome: ProbeOutcome(latency: .milliseconds(3)),
                                   latencyTarget: nil, startedAt: Date(), sequence: 1)
        func traceField(_ results: [ProbeResult]) throws -> Any? {
            let summary = CheckSummary(environment: "t", started: Date(), targets: [target], results: results)
            let text = CheckJSON.document(summary, redactor: config.redactor).serialized()
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let row = try #require((doc["targets"] as? [[String: Any]])?.first)
            return row["trace_id"]
        }
        #expect(try traceField([traced]) as? String == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(try traceField([untraced]) is NSNull)
    }

    @Test func reportJSONCarriesTheJourneysTraceOnTheRunAndEachStep() throws {
        let trace = try #require(TraceID(hex: "0af7651916cd43dd8448eb211c80319c"))
        func step(_ name: String, traced: Bool) -> JourneyResult.StepResult {
            var outcome = ProbeOutcome(latency: .milliseconds(2), statusCode: 200)
            if traced { outcome.traceID = trace }
            return .init(name: name, result: ProbeResult(target: name, kind: .http, status: .up, outcome: outcome,
                                                         latencyTarget: nil, startedAt: Date(), sequence: 1))
        }
        let run = JourneyResult(name: "golden", steps: [step("login", traced: true), step("plain", traced: false)], startedAt: Date())
        let text = ReportJSON.journey(run, runs: [run], redactor: Redactor(secrets: [])).serialized()
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(doc["trace_id"] as? String == trace.hex)
        let steps = try #require(doc["steps"] as? [[String: Any]])
        #expect(steps.map { $0["trace_id"] as? String } == [trace.hex, nil])
        #expect(steps[1]["trace_id"] is NSNull)
    }
}
