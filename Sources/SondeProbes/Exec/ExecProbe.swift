import Foundation
import SondeCore

/// `exec: [plugin, args...]`: a Nagios / Monitoring Plugins check. Exit 0 is up, 1 (WARNING)
/// slow, 2 (CRITICAL) and 3 (UNKNOWN) down; the first line of its output is the reason and its
/// perfdata become reported figures with their units. The run time is the latency.
public struct ExecProbe: Probe {
    public let spec: ExecSpec

    public init(spec: ExecSpec) {
        self.spec = spec
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        let start = ContinuousClock.now
        let name = URL(fileURLWithPath: spec.program).lastPathComponent
        switch await PluginRun.run(spec.arguments, deadline: deadline) {
        case .failure(.timedOut):
            return .failed(FailureReason(.timeout, "\(name) did not finish within \(deadline - start > .zero ? (deadline - start).humanReadable : "its timeout"); its process group was killed"))
        case .failure(.cannotStart(let why)):
            return .failed(FailureReason(.config, "cannot run \(name): \(why)"))
        case .success(let finished):
            let took = ContinuousClock.now - start
            return Self.outcome(finished, plugin: name, took: took)
        }
    }

    static func outcome(_ finished: PluginRun.Finished, plugin: String, took: Duration) -> ProbeOutcome {
        let output = PluginOutput(parsing: finished.stdout)
        let reported = output.perfdata.map { ReportedMetric(name: $0.label, value: $0.value, unit: $0.unit) }
        var outcome = ProbeOutcome(latency: took, phases: [PhaseTiming(PhaseTiming.run, took)], reported: reported,
                                   message: output.summary.isEmpty ? nil : output.summary.excerpt(400))
        let stderrLine = finished.stderr.split(whereSeparator: \.isNewline).first.map(String.init)
        let said = output.summary.isEmpty ? stderrLine.map { "printed nothing on stdout; stderr: \($0.excerpt(200))" } ?? "printed nothing" : output.summary
        guard let code = finished.exitCode else {
            outcome.failure = FailureReason(.plugin, "\(plugin) was killed by signal \(finished.signal ?? 0): \(said)".excerpt(400))
            return outcome
        }
        switch PluginState(rawValue: code) {
        case .ok?:
            break
        case .warning?:
            outcome.warning = FailureReason(.plugin, said.excerpt(400))
        case .critical?:
            outcome.failure = FailureReason(.plugin, said.excerpt(400))
        case .unknown?:
            outcome.failure = FailureReason(.plugin, "UNKNOWN: \(said)".excerpt(400))
        case nil:
            // The guidelines define 0 to 3 only; Nagios treats other codes as UNKNOWN too.
            outcome.failure = FailureReason(.plugin, "\(plugin) exited \(code), outside the plugin API's 0-3: \(said)".excerpt(400))
        }
        return outcome
    }
}
