import ArgumentParser
import Foundation
import SondeCore
import SondeHistory
import SondeSession
import SondeTUI

/// What `[` costs: the dashboard stepped back one minute at a time through a week of history
/// of 200 targets. Each step is the time machine's whole work (the bounded, indexed read of the
/// window before the moment and its replay into fresh observations) and, apart, one 200x60
/// frame of it. The file is generated once (fixed dates) and reused.
@main
struct TravelCost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sonde-travel-bench", abstract: "Time travel: one minute back through a 7-day history file.")

    @Option var targets = 200
    @Option var days = 7
    @Option(help: "Seconds between two results of a target.") var interval = 30
    @Option var steps = 40
    @Option(help: "The history file (generated when missing).") var file = "/tmp/sonde-bench-travel.sqlite"

    /// 2026-12-01 00:00:00 UTC: the end of the generated week.
    static let end = Date(timeIntervalSince1970: 1_796_083_200)

    func run() async throws {
        let names = (0..<targets).map { String(format: "svc-%03d", $0) }
        let exists = FileManager.default.fileExists(atPath: file)
        let history = try HistoryStore(path: file)
        if !exists {
            let clock = ContinuousClock.now
            try await generate(names, into: history)
            print("generated \(file) in \(format((ContinuousClock.now - clock).seconds, 1)) s")
        }
        let rows = try await history.count()
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print("history: \(rows) results of \(targets) targets over \(days) days (every \(interval) s), \(size / 1_048_576) MiB")

        let config = SondeConfig(environment: "bench", targets: names.map {
            Target(name: $0, interval: .seconds(interval), timeout: .seconds(3), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 1)))
        })
        let machine = TimeMachine(history: history, config: config)
        var state = DashboardState(config: config, width: 200, height: 60)
        state.timeZone = TimeZone(identifier: "UTC") ?? .current
        // From the middle of the file back: what lies on either side is what an index must skip.
        var moment = Self.end.addingTimeInterval(-Double(days) * 86_400 / 2)
        _ = try await machine.observations(at: moment) // warm the page cache once
        var stepMs: [Double] = []
        // CPU time too: on a shared machine the wall clock also counts the other processes' turns.
        var stepCPUMs: [Double] = []
        var frameMs: [Double] = []
        var shown = 0
        for _ in 0..<steps {
            moment = moment.addingTimeInterval(-60)
            let clock = ContinuousClock.now
            let cpu = processCPUSeconds()
            let observed = try await machine.observations(at: moment)
            stepMs.append((ContinuousClock.now - clock).seconds * 1000)
            stepCPUMs.append((processCPUSeconds() - cpu) * 1000)
            shown = observed.targetCount
            state.observed = observed
            state.now = moment
            let frameClock = ContinuousClock.now
            _ = Renderer.render(state)
            frameMs.append((ContinuousClock.now - frameClock).seconds * 1000)
        }
        // The step's two halves apart, once more at the last moment: the read, then the replay.
        let readClock = ContinuousClock.now
        let seed = try await history.moment(at: moment, targets: names, perTarget: machine.window.perTarget, span: machine.window.span)
        let readMs = (ContinuousClock.now - readClock).seconds * 1000
        var replayed = Observations()
        let replayClock = ContinuousClock.now
        seed.replay(into: &replayed, judgingAlerts: true)
        let replayMs = (ContinuousClock.now - replayClock).seconds * 1000
        print("one step apart: read \(format(readMs, 1)) ms (\(seed.results.count) results), replay \(format(replayMs, 1)) ms")
        print("targets shown at each moment: \(shown); window read per target: \(machine.window.perTarget) results within \(Int(machine.window.span)) s")
        print("one minute back: median \(format(median(stepMs), 1)) ms, p95 \(format(percentile(stepMs, 95), 1)) ms over \(steps) steps (goal: under 100 ms)")
        print("one minute back, CPU time of the process: median \(format(median(stepCPUMs), 1)) ms, p95 \(format(percentile(stepCPUMs, 95), 1)) ms")
        print("its 200x60 frame: median \(format(median(frameMs), 2)) ms")
    }

    /// A week of results, some slow, a few down, every fifth target reporting a database figure.
    func generate(_ names: [String], into history: HistoryStore) async throws {
        let start = Self.end.addingTimeInterval(-Double(days) * 86_400)
        let ticks = days * 86_400 / interval
        var batch: [ProbeResult] = []
        batch.reserveCapacity(20_000)
        for tick in 0..<ticks {
            let at = start.addingTimeInterval(Double(tick * interval))
            for (index, name) in names.enumerated() {
                let mix = (tick &* 2_654_435_761 &+ index &* 40_503) % 1000
                let ms = 5 + Double(mix % 200) / 4
                let down = mix < 8
                let outcome = ProbeOutcome(
                    latency: down ? nil : .microseconds(Int64(ms * 1000)),
                    phases: down ? [] : [
                        PhaseTiming(PhaseTiming.dns, .microseconds(40)), PhaseTiming(PhaseTiming.connect, .microseconds(300)),
                        PhaseTiming(PhaseTiming.firstByte, .microseconds(Int64(ms * 800))), PhaseTiming(PhaseTiming.total, .microseconds(Int64(ms * 1000))),
                    ],
                    reported: index % 5 == 0 && !down ? [ReportedMetric(name: "postgres", value: ms * 2)] : [],
                    failure: down ? FailureReason(.httpStatus, "HTTP 503 (expected 200)") : nil,
                    statusCode: down ? 503 : 200
                )
                batch.append(ProbeResult(
                    target: name, kind: .http, status: ProbeResult.judge(outcome, latencyTarget: .milliseconds(50)), outcome: outcome,
                    latencyTarget: .milliseconds(50), startedAt: at, sequence: tick + 1
                ))
            }
            if batch.count >= 20_000 {
                try await history.append(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try await history.append(batch)
    }
}

private func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

/// Nearest rank, as the store computes its percentiles.
private func percentile(_ values: [Double], _ p: Double) -> Double {
    Percentiles.value(p, sorted: values.sorted()) ?? .nan
}

private func median(_ values: [Double]) -> Double { percentile(values, 50) }

/// CPU seconds this process has used, on every thread (GRDB reads on a thread of its own).
private func processCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
