import ArgumentParser
import Foundation
import SondeCore
import SondeProbes

/// Probes per second: `concurrency` workers each probing back to back with a fresh connection.
struct Throughput: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Probes per second with fresh connections.")

    @Argument var url: String
    @Option var concurrency = 8
    @Option(help: "Seconds to run.") var duration = 10.0

    func run() async throws {
        let target = try httpTarget(url)
        let probe = ProbeFactory.make(target)
        let end = ContinuousClock.now + .milliseconds(Int(duration * 1000))
        let started = ContinuousClock.now
        let (ok, failed) = await withTaskGroup(of: (Int, Int).self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var ok = 0, failed = 0
                    while ContinuousClock.now < end {
                        let result = await Engine.probeOnce(target, probe: probe, sequence: ok + failed + 1)
                        if result.status == .down { failed += 1 } else { ok += 1 }
                    }
                    return (ok, failed)
                }
            }
            return await group.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        }
        let seconds = (ContinuousClock.now - started).seconds
        print("probes=\(ok + failed) failed=\(failed) seconds=\(format(seconds)) probes_per_second=\(format(Double(ok + failed) / seconds, 1))")
    }
}
