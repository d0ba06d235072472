import ArgumentParser
import Foundation
import SondeCore
import SondeTUI

/// The median time to draw one frame with the charts and uptime bars, against the same frame
/// without them (the reference, in the same run, interleaved so both see the same machine).
struct RenderCost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Frame time with charts against the same frame without.")

    @Option var width = 200
    @Option var height = 60
    @Option(help: "Services on the dashboard (the demo has four, a journey and a suite).") var targets = 6
    @Option(help: "Hours of results at one every 2 s per target before the frames.") var hours = 6.0
    @Option var frames = 200
    @Flag(help: "Time the selected target's detail view rather than the dashboard.") var detail = false

    func run() async throws {
        let names = (0..<targets).map { "svc-\($0)" }
        let infos = names.map { TargetInfo(name: $0, kind: .http, latencyTarget: .milliseconds(150), request: ["GET http://127.0.0.1/\($0)"]) }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var state = DashboardState(environment: "bench", targets: infos, now: start, width: width, height: height, timeZone: TimeZone(identifier: "UTC") ?? .current)
        let steps = Int(hours * 1800)
        for i in 0..<steps {
            for (n, name) in names.enumerated() {
                let ms = 30 + Double((i &* 2_654_435_761 &+ n) % 9000) / 100
                let down = (i + n * 13) % 211 == 0
                let outcome = ProbeOutcome(latency: .microseconds(Int64(ms * 1000)),
                                           phases: [PhaseTiming(PhaseTiming.connect, .milliseconds(2)), PhaseTiming(PhaseTiming.firstByte, .microseconds(Int64(ms * 900)))],
                                           failure: down ? FailureReason(.httpStatus, "HTTP 503") : nil, statusCode: down ? 503 : 200)
                let result = ProbeResult(target: name, kind: .http, status: down ? .down : ProbeResult.judge(outcome, latencyTarget: .milliseconds(150)),
                                         outcome: outcome, latencyTarget: .milliseconds(150), startedAt: start.addingTimeInterval(Double(i) * 2), sequence: i + 1)
                _ = Update.apply(.event(.result(result)), to: &state)
            }
        }
        _ = Update.apply(.tick(start.addingTimeInterval(Double(steps) * 2)), to: &state)
        if detail { _ = Update.apply(.key(.enter), to: &state) }

        var with: [Double] = []
        var without: [Double] = []
        var drawn = 0
        for frame in 0..<(frames * 2) {
            state.charts = frame % 2 == 0
            let clock = ContinuousClock.now
            let canvas = Renderer.render(state)
            let ms = (ContinuousClock.now - clock).seconds * 1000
            drawn += canvas.height
            if state.charts { with.append(ms) } else { without.append(ms) }
        }
        let a = median(with), b = median(without)
        print("\(detail ? "detail view" : "dashboard") \(width)x\(height), \(targets) targets, \(format(hours, 1)) h of results, \(frames) frames each (\(drawn > 0 ? "drawn" : "empty"))")
        print("median frame with charts: \(format(a, 3)) ms; without (reference): \(format(b, 3)) ms; ratio \(format(a / b, 2))")
    }
}
