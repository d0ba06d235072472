import ArgumentParser
import Foundation
import SondeCore

/// What alert rules add to each result: the same stream of results recorded into a store with
/// the rules of a typical config and into one without any (the reference, in the same run).
struct AlertCost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alerts", abstract: "Per-result cost of judging alert rules.")

    @Option var targets = 1000
    @Option var results = 200_000

    func run() async throws {
        let names = (0..<targets).map { String(format: "svc-%05d", $0) }
        let start = Date()
        let inputs = (0..<results).map { i -> ProbeResult in
            // Every 13th target fails in bursts, so rules fire and resolve throughout.
            let failing = (i % names.count) % 13 == 0 && (i / names.count) % 6 < 3
            return ProbeResult(
                target: names[i % names.count], kind: .http, status: failing ? .down : .up,
                outcome: failing ? .failed(FailureReason(.httpStatus, "HTTP 503 (expected 2xx)"), statusCode: 503)
                    : ProbeOutcome(latency: .milliseconds(12), statusCode: 200),
                latencyTarget: .milliseconds(100), startedAt: start.addingTimeInterval(Double(i) / 1000), sequence: i / names.count + 1
            )
        }
        let channel = AlertChannel(name: "hook", transport: .terminal(bell: true, desktop: true))
        let rules = [
            AlertRule(name: "down", condition: .down, hold: .results(2), recover: 2, notify: ["hook"], repeatEvery: .seconds(1800)),
            AlertRule(name: "slow", condition: .slow, hold: .duration(.seconds(30)), notify: ["hook"]),
            AlertRule(name: "flapping", condition: .flapping, targets: [TargetPattern("svc-*")], notify: ["hook"]),
        ]
        let alerts = AlertsConfig(rules: rules, channels: [channel])

        func measure(_ config: AlertsConfig) -> (seconds: Double, notices: Int) {
            let store = ObservationStore(Observations(alerts: config))
            var notices = 0
            let clock = ContinuousClock.now
            for result in inputs { notices += store.record(.result(result)).count }
            return ((ContinuousClock.now - clock).seconds, notices)
        }
        let reference = measure(AlertsConfig())
        let judged = measure(alerts)
        let per = { (seconds: Double) in seconds / Double(results) * 1e6 }
        print("targets \(targets), results \(results), rules \(rules.count), notices \(judged.notices)")
        print("store with alert rules: \(format(per(judged.seconds), 2)) µs per result; without (reference): \(format(per(reference.seconds), 2)) µs; "
            + "alerts add \(format(per(judged.seconds - reference.seconds), 2)) µs (ratio \(format(judged.seconds / reference.seconds, 2)))")
    }
}
