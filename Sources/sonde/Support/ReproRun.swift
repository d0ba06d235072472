import ArgumentParser
import SondeCore
import SondeSession

/// `sonde check --repro`: probes the targets and journeys that carry `expect_failure:` and prints
/// "expected / actual / verdict" for each.
enum ReproRun {
    static func run(_ config: SondeConfig, rounds: Int) async throws {
        let targets = config.targets.filter { $0.expectedFailure != nil }
        let journeys = config.journeys.filter { $0.expectedFailure != nil }
        guard !targets.isEmpty || !journeys.isEmpty else {
            StandardError.print("--repro: no target or journey has 'expect_failure:'; add one, written as in the incident (503, timeout, rejected, a reason)")
            throw ExitCode(2)
        }
        let (report, _) = try await Session.run(SessionSetup(config: config, recorder: nil, probing: .sonde)) { session in
            await session.report(rounds: rounds, targets: targets, journeys: journeys, includeSuites: false)
        }
        print(ReproText.render(report.verdicts, redactor: config.redactor))
        let code = ReproVerdicts.exitCode(report.verdicts)
        if code != 0 { throw ExitCode(code) }
    }
}
