import Foundation
import Testing
@testable import SondeCore

/// `trace:` on targets and at the top level, read as a user writes it.
@Suite("Config: trace")
struct TraceConfigTests {
    private func problems(_ yaml: String) -> [String] {
        do {
            _ = try ConfigLoader.parse(yaml, file: "f.yml")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    private func policies(_ yaml: String) throws -> [String: TracePolicy?] {
        let config = try ConfigLoader.parse(yaml, file: "f.yml")
        return Dictionary(uniqueKeysWithValues: config.targets.map { target in
            let policy: TracePolicy? = switch target.probe {
            case .http(let spec): spec.trace
            case .websocket(let spec): spec.trace
            default: nil
            }
            return (target.name, policy)
        })
    }

    @Test func onByDefaultOffPerTargetOrAtTheTop() throws {
        let targets = """
        targets:
          - { name: api, http: "http://127.0.0.1:1/" }
          - { name: ws, websocket: "ws://127.0.0.1:1/" }
          - { name: quiet, http: "http://127.0.0.1:1/", trace: false }
          - { name: loud, http: "http://127.0.0.1:1/", trace: true }
          - { name: db, tcp: "127.0.0.1:1" }
        """
        let byDefault = try policies(targets)
        #expect(byDefault["api"] == .newTrace)
        #expect(byDefault["ws"] == .newTrace)
        #expect(byDefault["quiet"] == .off)
        #expect(byDefault["db"] == .some(nil))
        let globallyOff = try policies("trace: false\n" + targets)
        #expect(globallyOff["api"] == .off)
        #expect(globallyOff["ws"] == .off)
        #expect(globallyOff["loud"] == .newTrace)
    }

    @Test func badValuesNameTheLine() {
        #expect(problems("trace: sometimes\ntargets:\n  - { name: a, tcp: \"127.0.0.1:1\" }\n")
            == ["f.yml:1:8: trace: expected true or false, found 'sometimes'"])
        let found = problems("targets:\n  - name: a\n    http: http://127.0.0.1:1/\n    trace: 1x\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("f.yml:4:12: ") == true, "\(found)")
        #expect(found.first?.hasSuffix("expected true or false, found '1x'") == true, "\(found)")
    }

    @Test func traceOnAKindWithoutHTTPIsNamedAsNotApplying() {
        let found = problems("targets:\n  - name: db\n    tcp: 127.0.0.1:1\n    trace: false\n")
        #expect(found.count == 1)
        #expect(found.first?.contains("'trace' does not apply to tcp targets") == true, "\(found)")
    }

    @Test func aJourneyStepJoinsTheRunsTraceUnlessItSaysNot() throws {
        let config = try ConfigLoader.parse("""
        targets:
          - { name: api, http: "http://127.0.0.1:1/" }
          - { name: quiet, http: "http://127.0.0.1:1/", trace: false }
          - { name: db, tcp: "127.0.0.1:1" }
        """, file: "f.yml")
        let trace = TraceID.random()
        let joined = config.targets.map { $0.joiningTrace(trace) }
        guard case .http(let api) = joined[0].probe, case .http(let quiet) = joined[1].probe else {
            Issue.record("http targets changed kind")
            return
        }
        #expect(api.trace == .within(trace))
        #expect(quiet.trace == .off)
        #expect(joined[2] == config.targets[2])
    }
}
