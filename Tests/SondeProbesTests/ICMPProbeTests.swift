import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// Echoes to loopback, over whichever ICMP socket this machine allows (ping socket or raw).
@Suite("ICMP probe on loopback")
struct ICMPProbeTests {
    @Test(arguments: ["127.0.0.1", "::1"])
    func loopbackAnswersEveryEcho(_ host: String) async throws {
        let outcome = await ICMPProbe(spec: ICMPSpec(host: host, count: 3, spacing: .milliseconds(20))).run(within: .seconds(2))
        if outcome.failure?.kind == .config {
            // Neither a ping socket nor a raw one: the reason must say what to change.
            #expect(outcome.failure?.message.contains("ping_group_range") == true)
            return
        }
        #expect(outcome.failure == nil, "\(String(describing: outcome.failure))")
        #expect(outcome.warning == nil)
        #expect(outcome.reported == [ReportedMetric(name: "loss", value: 0, unit: "%")])
        let latency = try #require(outcome.latency)
        #expect(latency > .zero && latency < .seconds(1))
        #expect(outcome.message?.hasPrefix("3/3 replies from \(host), 0% loss") == true, "\(outcome.message ?? "")")
    }

    @Test func allLostIsDownAndSomeLostIsSlow() {
        let spec = ICMPSpec(host: "127.0.0.1", count: 4)
        let none = ICMPProbe.outcome(.init(sent: 4, roundTrips: [], mode: .raw), spec: spec, address: "127.0.0.1", budget: .seconds(1), lookup: [])
        #expect(none.failure == FailureReason(.timeout, "no echo reply from 127.0.0.1 to 4 requests within 1s (100% loss)"))
        let some = ICMPProbe.outcome(.init(sent: 4, roundTrips: [.milliseconds(2), .milliseconds(4), .milliseconds(6)], mode: .raw),
                                     spec: spec, address: "127.0.0.1", budget: .seconds(1), lookup: [])
        #expect(some.latency == .milliseconds(4))
        #expect(some.warning == FailureReason(.timeout, "25% loss: 3 of 4 echoes answered by 127.0.0.1"))
        #expect(ProbeResult.judge(some, latencyTarget: nil) == .slow)
        var tolerant = spec
        tolerant.maxLossPercent = 30
        #expect(ICMPProbe.outcome(.init(sent: 4, roundTrips: [.milliseconds(2), .milliseconds(4), .milliseconds(6)], mode: .raw),
                                  spec: tolerant, address: "127.0.0.1", budget: .seconds(1), lookup: []).warning == nil)
    }
}
