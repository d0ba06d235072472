import ArgumentParser
import Foundation
import Histogram
import SondeCore
import SondeProbes
import Synchronization

/// Many targets at a short interval through the real engine: memory, descriptors and scheduling lag.
struct Soak: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run many targets through the engine and watch resources.")

    @Argument(help: "URLs to spread the targets over.") var urls: [String]
    @Option var targets = 200
    @Option(help: "Interval in milliseconds.") var intervalMs = 200
    @Option(help: "Minutes to run.") var minutes = 10.0

    func run() async throws {
        let interval = Duration.milliseconds(intervalMs)
        let list = try (0..<targets).map { i in
            try httpTarget(urls[i % max(urls.count, 1)], name: "t\(i)", interval: interval, timeout: .seconds(2))
        }
        let engine = Engine(targets: list, factory: ProbeFactory.make)
        let recorder = SoakRecorder(interval: interval)
        let run = Task { await engine.run { if case .result(let r) = $0 { recorder.record(r) } } }

        let total = Duration.milliseconds(Int(minutes * 60_000))
        let start = ContinuousClock.now
        var afterFirstMinute: (rss: Int, fds: Int)?
        while ContinuousClock.now - start < total {
            try await Task.sleep(for: .seconds(min(10, minutes * 60)))
            let sample = (rss: ProcessResources.residentKiB(), fds: ProcessResources.openDescriptors())
            let elapsed = (ContinuousClock.now - start).seconds
            if afterFirstMinute == nil, elapsed >= min(60, minutes * 60) { afterFirstMinute = sample }
            say("t=\(Int(elapsed))s rss_kib=\(sample.rss) fds=\(sample.fds) results=\(recorder.count)")
        }
        run.cancel()
        let end = (rss: ProcessResources.residentKiB(), fds: ProcessResources.openDescriptors())
        let base = afterFirstMinute ?? end
        say("""
        summary: targets=\(targets) interval_ms=\(intervalMs) minutes=\(minutes) results=\(recorder.count) down=\(recorder.down) \
        expected=\(Int(Double(targets) * minutes * 60_000 / Double(intervalMs))) (slots missed under load are skipped, not burst)
        rss_kib_after_1m=\(base.rss) rss_kib_end=\(end.rss) growth=\(format(Double(end.rss - base.rss) / Double(max(base.rss, 1)) * 100, 1))%
        fds_after_1m=\(base.fds) fds_end=\(end.fds)
        scheduling_lag_ms p50=\(format(recorder.lagMs(percentile: 50))) p99=\(format(recorder.lagMs(percentile: 99))) max=\(format(recorder.maxLagMs))
        """)
    }
}

/// Lag = how late each round started after its slot (its target's first start plus whole intervals).
/// Kept in an HdrHistogram (fixed memory) so the measurement does not grow the process it measures.
final class SoakRecorder: Sendable {
    private struct State {
        var first: [String: Date] = [:]
        var lagsMicros = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
        var count = 0
        var down = 0
    }
    private let state = Mutex(State())
    private let intervalSeconds: Double

    init(interval: Duration) { intervalSeconds = interval.seconds }

    func record(_ r: ProbeResult) {
        state.withLock { s in
            s.count += 1
            if r.status == .down { s.down += 1 }
            guard let first = s.first[r.target] else { s.first[r.target] = r.startedAt; return }
            // The scheduler skips a slot it has missed rather than bursting to catch up, so the due
            // time is the last slot at or before the start, not first + (sequence - 1) intervals.
            let sinceFirst = max(0, r.startedAt.timeIntervalSince(first))
            let lag = sinceFirst.truncatingRemainder(dividingBy: intervalSeconds)
            let micros = UInt64(lag * 1_000_000)
            s.lagsMicros.record(min(micros, 60_000_000))
        }
    }

    var count: Int { state.withLock { $0.count } }
    var down: Int { state.withLock { $0.down } }
    func lagMs(percentile: Double) -> Double {
        state.withLock { Double($0.lagsMicros.valueAtPercentile(percentile)) / 1000 }
    }
    var maxLagMs: Double { state.withLock { Double($0.lagsMicros.max) / 1000 } }
}

enum ProcessResources {
    static func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? -1
    }

    static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
    }
}

/// Unbuffered, so samples appear as they are taken even when stdout is a file.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
