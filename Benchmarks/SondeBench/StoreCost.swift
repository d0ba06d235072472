import ArgumentParser
import Foundation
import Histogram
import SondeCore
import SondeTUI

/// What one result costs on its way to the screen: recording into the store (with a snapshot
/// taken as often as the dashboard takes them), and drawing a frame of the dashboard over it.
/// The reference in the same run is the window the store replaced: an HdrHistogram rebuilt over
/// the last 100 latencies for every result.
struct StoreCost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store", abstract: "Per-result cost of the store and the render path.")

    @Option var targets = 1000
    @Option var results = 200_000
    @Option(help: "Results between two snapshots (the dashboard takes one per frame).") var snapshotEvery = 100
    @Option var frames = 50

    func run() async throws {
        let names = (0..<targets).map { String(format: "svc-%05d", $0) }
        let start = Date()
        let sample = { (i: Int) -> ProbeResult in
            let ms = 1 + Double((i &* 2_654_435_761) % 5000) / 100
            return ProbeResult(
                target: names[i % names.count], kind: .http, status: i % 97 == 0 ? .down : .up,
                outcome: ProbeOutcome(latency: .microseconds(Int64(ms * 1000)), statusCode: 200),
                latencyTarget: nil, startedAt: start.addingTimeInterval(Double(i) / 1000), sequence: i / names.count + 1
            )
        }
        let inputs = (0..<results).map(sample)

        let store = ObservationStore()
        var snapshot = Observations()
        let storeClock = ContinuousClock.now
        for (i, result) in inputs.enumerated() {
            store.record(.result(result))
            if i % snapshotEvery == 0 { snapshot = store.snapshot() }
        }
        let storeSeconds = (ContinuousClock.now - storeClock).seconds
        snapshot = store.snapshot()

        // The reference: the old window, a histogram rebuilt over the window per result.
        var windows: [String: [Double]] = [:]
        var p95 = 0.0
        let referenceCount = min(results, 20_000)
        let referenceClock = ContinuousClock.now
        for result in inputs.prefix(referenceCount) {
            var window = windows[result.target, default: []]
            window.append(result.latency?.milliseconds ?? 0)
            if window.count > 100 { window.removeFirst(window.count - 100) }
            windows[result.target] = window
            var histogram = Histogram<UInt32>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
            for value in window { _ = histogram.record(UInt64(max(1, value * 1000))) }
            p95 += Double(histogram.valueAtPercentile(95))
        }
        let referenceSeconds = (ContinuousClock.now - referenceClock).seconds

        let config = SondeConfig(environment: "bench", targets: try names.map { try httpTarget("http://127.0.0.1:1/\($0)", name: $0) })
        var state = DashboardState(config: config, width: 160, height: 48)
        state.observed = snapshot
        let renderClock = ContinuousClock.now
        var cells = 0
        for frame in 0..<frames {
            state.selection[.services] = frame * 7 % targets
            cells += Renderer.render(state).width
        }
        let frameSeconds = (ContinuousClock.now - renderClock).seconds / Double(frames)

        let storeMicros = storeSeconds / Double(results) * 1e6
        let referenceMicros = referenceSeconds / Double(referenceCount) * 1e6
        print("targets \(targets), results \(results), a snapshot every \(snapshotEvery) results")
        print("store: \(format(storeMicros, 2)) µs per result (reference, histogram rebuilt per result: \(format(referenceMicros, 2)) µs; ratio \(format(storeMicros / referenceMicros, 3)))")
        print("frame at 160x48 over \(targets) targets: \(format(frameSeconds * 1000, 2)) ms (\(cells > 0 ? "drawn" : "empty"))")
        if p95 < 0 { print(p95) }
    }
}
