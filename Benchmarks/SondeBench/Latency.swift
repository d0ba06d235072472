import ArgumentParser
import Foundation
import SondeCore
import SondeProbes

/// The latency Sonde measures for one request, sequentially, N times: compare with curl's time_total.
struct Latency: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Median measured latency of sequential probes.")

    @Argument var url: String
    @Option var count = 200

    func run() async throws {
        let target = try httpTarget(url)
        let probe = ProbeFactory.make(target)
        var totals: [Double] = []
        var connects: [Double] = []
        for n in 1...count {
            let result = await Engine.probeOnce(target, probe: probe, sequence: n)
            guard result.status != .down, let latency = result.latency else {
                throw ValidationError("probe \(n) failed: \(result.reason?.message ?? "unknown")")
            }
            totals.append(latency.milliseconds)
            if let connect = result.outcome.phase("connect") { connects.append(connect.milliseconds) }
        }
        print("count=\(count) median_total_ms=\(format(median(totals))) p95_total_ms=\(format(percentile(totals, 95))) median_connect_ms=\(format(median(connects)))")
    }
}
