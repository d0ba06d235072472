import Foundation
import Testing
@testable import SondeCore

@Suite("Reproduction verdicts")
struct ReproVerdictTests {
    private let target = ReportSamples.target("backend", .http(HTTPSpec(url: ReportSamples.url("http://127.0.0.1:9/"))),
                                              expect: ExpectedFailure(condition: .status(503), description: "Service Unavailable"))

    private func result(_ code: Int, sequence: Int) -> ProbeResult {
        code == 200
            ? ReportSamples.result(target, .up, ms: 10, code: 200, sequence: sequence)
            : ReportSamples.result(target, .down, ms: 10, code: code, failure: FailureReason(.httpStatus, "HTTP \(code) (expected 2xx)"), sequence: sequence)
    }

    @Test func aFailureSeenInAnyRoundIsReproduced() {
        let verdicts = ReproVerdicts.evaluate(targets: [target], results: [result(200, sequence: 1), result(503, sequence: 2), result(200, sequence: 3)])
        let verdict = verdicts[0]
        #expect(verdict.reproduced)
        #expect(verdict.reproducedRounds == 1)
        #expect(verdict.rounds == 3)
        #expect(verdict.actual == "HTTP 503 (expected 2xx)", "the reproducing result is the one shown")
        #expect(ReproText.actual(verdict) == "HTTP 503 (expected 2xx) (reproduced in 1/3 rounds)")
        #expect(ReproVerdicts.exitCode(verdicts) == 0)
    }

    @Test func anotherFailureIsNotTheExpectedOne() {
        let verdicts = ReproVerdicts.evaluate(targets: [target], results: [result(500, sequence: 1)])
        #expect(!verdicts[0].reproduced)
        #expect(verdicts[0].actual == "HTTP 500 (expected 2xx)")
        #expect(verdicts[0].actualIsHealthy == false)
        #expect(ReproVerdicts.exitCode(verdicts) == 1)
    }

    @Test func targetsWithoutExpectFailureHaveNoVerdict() {
        var plain = target
        plain.expectedFailure = nil
        #expect(ReproVerdicts.evaluate(targets: [plain], results: [result(503, sequence: 1)]).isEmpty)
    }

    @Test func journeyVerdictsLookAtTheWholeJourneyOrItsSteps() {
        let run = ReportSamples.journeyRun
        var spec = ReportSamples.journeySpec
        #expect(ReproVerdicts.evaluate(targets: [], results: [], journeys: [spec], journeyRuns: [run])[0].reproduced)
        spec.expectedFailure = ExpectedFailure(condition: .status(404), description: "chat init 404")
        #expect(ReproVerdicts.evaluate(targets: [], results: [], journeys: [spec], journeyRuns: [run])[0].reproduced)
        spec.expectedFailure = ExpectedFailure(condition: .timeout, description: "timeouts")
        let verdict = ReproVerdicts.evaluate(targets: [], results: [], journeys: [spec], journeyRuns: [run])[0]
        #expect(!verdict.reproduced)
        #expect(verdict.actual == "4/5 steps (Chat Init Endpoint: HTTP 404 (expected 2xx))")
    }

    @Test func textPrintsExpectedActualVerdictPerLine() {
        let verdicts = ReproVerdicts.evaluate(targets: [target], results: [result(200, sequence: 1)])
        let text = ReproText.render(verdicts, redactor: Redactor(secrets: []))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "TARGET   EXPECTED             ACTUAL            VERDICT")
        #expect(lines[1] == "backend  Service Unavailable  HTTP 200 in 10ms  NOT REPRODUCED")
        #expect(lines.last == "0 of 1 expected failure reproduced")
    }
}
