import Foundation
import SondeCore
import SondeHistory
import SondeSession

/// `sonde check --watch-deploy`: probes every target at `--interval` for the duration, compares
/// after the marker against before it (docs/deploys.md) and returns the exit code for a pipeline.
enum WatchDeployRun {
    static func run(config: SondeConfig, options: WatchDeployOptions, history: HistoryOptions) async throws -> Int32 {
        guard let duration = options.duration else { return 0 }
        let started = Date()
        let recorder = try await history.openRecorder(for: config)
        let baseline = options.baseline ?? duration
        let past = (try? await recorder?.store.results(since: started.addingTimeInterval(-baseline.seconds))) ?? []
        let versions = (try? await recorder?.store.lastVersions()) ?? [:]
        let watch = DeployWatch(
            targets: config.targets.map(\.name), gate: DeployGate(criterion: options.failOn), history: past,
            markerName: options.deploy, versions: versions
        )
        say("sonde: watching the deploy for \(duration.humanReadable), probing \(config.targets.count) target\(config.targets.count == 1 ? "" : "s") every \(options.interval.humanReadable); fail on \(options.failOn.rawValue)")
        say(baselineLine(watch, from: past, window: baseline))
        // The watch places its own marker once the baseline is full, so the session places none at
        // open; versions it sees change are stored by the session, and only said here.
        let setup = SessionSetup(config: config, recorder: recorder, probing: .sonde, problems: StandardError.say)
        let (decided, _) = try await Session.run(setup) { session in
            let log = WatchDeployLog(session: session, storesPlacedMarker: options.deploy != nil, redactor: config.redactor)
            var watch = watch
            for event in watch.start(at: started) { log.report(event) }
            return await session.watchDeploy(watch, every: options.interval, for: duration, report: log.report)
        }
        let outcome = decided.decide()
        if let comparison = decided.comparison {
            say("\n" + config.redactor.redact(DeployComparisonText.render(comparison)))
        }
        say("\n" + config.redactor.redact(verdictLine(outcome, criterion: options.failOn)))
        return outcome.exitCode
    }

    /// Unbuffered, so a pipeline's log shows the marker and an early stop as they happen.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func baselineLine(_ watch: DeployWatch, from past: [ProbeResult], window: Duration) -> String {
        let missing = watch.baselineMissing
        if missing.isEmpty {
            return "baseline: \(past.count) results from history (the last \(window.humanReadable))"
        }
        let need = missing.map(\.target).joined(separator: ", ")
        return "baseline: \(past.count) results from history; probing \(need) until each has \(watch.rule.minimumSamples) before placing the marker"
    }

    static func verdictLine(_ outcome: DeployGate.Outcome, criterion: DeployGate.Criterion) -> String {
        switch outcome {
        case .passed: "PASS: no target met --fail-on \(criterion.rawValue)"
        case .failed(let reasons): "FAIL (\(criterion.rawValue)): " + reasons.joined(separator: "; ")
        case .undecided(let why): "UNDECIDED: \(why)"
        }
    }
}

/// Prints the watch's events as they happen and places the markers that are real deploys.
struct WatchDeployLog: Sendable {
    let session: Session
    /// A marker named by `--deploy` is stored; the unnamed `watch-deploy` one only frames the comparison.
    let storesPlacedMarker: Bool
    let redactor: Redactor

    func report(_ event: DeployWatch.Event) {
        switch event {
        case .markerPlaced(let marker):
            say("\(HistoryTime.clock(marker.at)) marker placed: \(marker.summary); results after it are judged")
            if storesPlacedMarker { session.place(marker) }
        case .deployDetected(let marker):
            say("\(HistoryTime.clock(marker.at)) deploy detected: \(marker.summary); the marker moves here")
        case .failedEarly(let reasons):
            say("stopping early: " + reasons.joined(separator: "; "))
        }
    }

    private func say(_ line: String) {
        WatchDeployRun.say(redactor.redact(line))
    }
}
