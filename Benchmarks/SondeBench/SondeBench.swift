import ArgumentParser
import Foundation
import SondeCore
import SondeProbes

/// Figures for Benchmarks/: probe throughput, measured loopback latency, and a soak. Not a test.
@main
struct SondeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sonde-bench",
        abstract: "Measure Sonde's HTTP probe (throughput, loopback latency, soak) and the store and render path.",
        subcommands: [Throughput.self, Latency.self, Soak.self, StoreCost.self, AlertCost.self, ExpositionCost.self]
    )
}

/// An HTTP target with Sonde's defaults: fresh connection, 1 MiB body limit, status 2xx.
func httpTarget(_ url: String, name: String = "bench", interval: Duration = .seconds(1), timeout: Duration = .seconds(3)) throws -> Target {
    guard let parsed = URL(string: url), parsed.host != nil else { throw ValidationError("'\(url)' is not a URL") }
    return Target(name: name, interval: interval, timeout: timeout, latencyTarget: nil, probe: .http(HTTPSpec(url: parsed)))
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)]
}

func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
