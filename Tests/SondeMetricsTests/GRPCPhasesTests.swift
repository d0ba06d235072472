import Foundation
import SondeCore
@testable import SondeMetrics
import Testing

/// A grpc target's phases go in blackbox's grpc family, with `resolve` for the lookup.
@Suite("/metrics: grpc phases")
struct GRPCPhasesTests {
    @Test func grpcPhasesInTheirOwnFamily() throws {
        let config = try Fixtures.config("targets:\n  - { name: billing, grpc: \"api.test:50051\" }\n")
        var observed = Observations()
        observed.record(.result(Fixtures.result("billing", kind: .grpc, latencyMs: 9, phases: [
            ("dns", 1), ("connect", 2), ("http2_settings", 1), ("response", 5), ("total", 9),
        ], statusCode: nil)))
        let page = String(decoding: MetricsPage.render(observed, labels: ExportLabels(config: config), format: .text), as: UTF8.self)
        let labels = #"target="billing",kind="grpc",environment="default""#
        for (phase, seconds) in [("resolve", "0.001"), ("connect", "0.002"), ("http2_settings", "0.001"), ("response", "0.005")] {
            #expect(page.contains("probe_grpc_duration_seconds{\(labels),phase=\"\(phase)\"} \(seconds)\n"), "\(phase)")
        }
        #expect(!page.contains("probe_grpc_duration_seconds{\(labels),phase=\"total\"}"))
        #expect(!page.contains("sonde_phase_duration_seconds{\(labels)"))
        #expect(page.contains("probe_duration_seconds{\(labels)} 0.009\n"))
        #expect(PhaseFamily.of(.grpc) == .grpc)
    }
}
