import Foundation
import Testing
@testable import SondeCore

/// The rules judged on made-up results at made-up times: no clock, no sleeping.
@Suite("Alert rules fire, resolve, remind and hold back as configured")
struct AlertEvaluatorTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func result(_ status: Status, at second: Int, target: String = "backend", latencyMs: Double = 20) -> ProbeResult {
        let outcome = status == .down
            ? ProbeOutcome.failed(FailureReason(.httpStatus, "HTTP 503 (expected 2xx)"), statusCode: 503)
            : ProbeOutcome(latency: .milliseconds(latencyMs), statusCode: 200)
        return ProbeResult(target: target, kind: .http, status: status, outcome: outcome, latencyTarget: .milliseconds(100),
                           startedAt: t0.addingTimeInterval(TimeInterval(second)), sequence: second + 1)
    }

    static func observations(_ rules: [AlertRule], maintenance: [MaintenanceWindow] = []) -> Observations {
        Observations(alerts: AlertsConfig(rules: rules, channels: [AlertChannel(name: "hook", transport: .terminal(bell: true, desktop: true))], maintenance: maintenance))
    }

    /// Feeds statuses one second apart; the notices each produced, flattened.
    static func feed(_ statuses: [Status], into observed: inout Observations, from start: Int = 0, target: String = "backend") -> [AlertNotice] {
        statuses.enumerated().flatMap { offset, status in observed.record(.result(result(status, at: start + offset, target: target))) }
    }

    @Test("Down then recovered: exactly one firing and one resolved")
    func downThenUp() {
        var observed = Self.observations([AlertRule(name: "down", condition: .down, hold: .results(2), recover: 2, notify: ["hook"])])
        let notices = Self.feed([.up, .down, .down, .down, .down, .up, .up, .up], into: &observed)
        #expect(notices.map(\.state) == [.firing, .resolved])
        let firing = notices[0]
        #expect(firing.subject == "backend" && firing.kind == "http" && firing.rule == "down")
        #expect(firing.reason == "HTTP 503 (expected 2xx)")
        #expect(firing.since == Self.t0.addingTimeInterval(1), "since is the first bad result of the streak")
        #expect(firing.at == Self.t0.addingTimeInterval(2), "fired on the second down in a row")
        #expect(notices[1].ended == Self.t0.addingTimeInterval(6), "resolved on the second good result")
        #expect(observed.alerting.firing.isEmpty && observed.alerting.notifiedCount == 0)
        #expect(observed.events.contains { if case .alert(let n) = $0 { n.state == .firing } else { false } })
    }

    @Test("Flapping under for: 2 gives nothing until two in a row")
    func flappingNeedsTwoInARow() {
        var observed = Self.observations([AlertRule(name: "down", condition: .down, hold: .results(2), notify: ["hook"])])
        #expect(Self.feed([.down, .up, .down, .up, .down, .up, .down, .up], into: &observed).isEmpty)
        #expect(Self.feed([.down, .down], into: &observed, from: 8).map(\.state) == [.firing])
        #expect(observed.alerting.notifiedCount == 1, "the header's count")
    }

    @Test("for: 30s fires once the condition has held 30 seconds")
    func forDuration() {
        var observed = Self.observations([AlertRule(name: "down", condition: .down, hold: .duration(.seconds(30)), notify: ["hook"])])
        var notices: [AlertNotice] = []
        for second in stride(from: 0, through: 40, by: 10) {
            notices += observed.record(.result(Self.result(.down, at: second)))
        }
        #expect(notices.count == 1)
        #expect(notices.first?.at == Self.t0.addingTimeInterval(30))
    }

    @Test("repeat reminds while firing, marked as a reminder")
    func repeatReminds() {
        var observed = Self.observations([AlertRule(name: "down", condition: .down, notify: ["hook"], repeatEvery: .seconds(60))])
        var notices: [AlertNotice] = []
        for second in stride(from: 0, through: 150, by: 10) {
            notices += observed.record(.result(Self.result(.down, at: second)))
        }
        #expect(notices.map(\.reminder) == [false, true, true])
        #expect(notices.map(\.at) == [0, 60, 120].map { Self.t0.addingTimeInterval($0) })
    }

    @Test("slow fires on slow results; a down result says nothing to it")
    func slowIgnoresDown() {
        var observed = Self.observations([AlertRule(name: "slow", condition: .slow, hold: .results(2), notify: ["hook"])])
        let slow = { (second: Int) in Self.result(.slow, at: second, latencyMs: 250) }
        var notices = observed.record(.result(slow(0)))
        notices += observed.record(.result(Self.result(.down, at: 1)))
        notices += observed.record(.result(slow(2)))
        #expect(notices.count == 1)
        #expect(notices.first?.valueMs == 250)
        #expect(notices.first?.reason == "slow: 250ms (goal 100ms)")
    }

    @Test("A silenced target sends nothing; if still failing after the silence, it fires then")
    func silence() {
        var observed = Self.observations([AlertRule(name: "down", condition: .down, notify: ["hook"])])
        observed.silence("backend", until: Self.t0.addingTimeInterval(30))
        #expect(Self.feed(Array(repeating: .down, count: 20), into: &observed).isEmpty)
        let after = observed.record(.result(Self.result(.down, at: 31)))
        #expect(after.map(\.state) == [.firing])
        #expect(after.first?.since == Self.t0, "the alert says how long it has really been down")
    }

    @Test("An alert held back by a silence sends no resolved either")
    func silencedResolution() {
        var observed = Self.observations([AlertRule(name: "down", condition: .down, notify: ["hook"])])
        observed.silence("backend", until: Self.t0.addingTimeInterval(3600))
        #expect(Self.feed([.down, .down], into: &observed).isEmpty)
        #expect(observed.alerting.notifiedCount == 0 && observed.alerting.firing.count == 1, "held back, not counted as sent")
        #expect(Self.feed([.up, .up], into: &observed, from: 2).isEmpty)
    }

    @Test("A maintenance window holds back only the targets it names, only inside it")
    func maintenance() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let minute = calendar.component(.hour, from: Self.t0) * 60 + calendar.component(.minute, from: Self.t0)
        let window = MaintenanceWindow(days: [], startMinute: minute, duration: .seconds(600), targets: [TargetPattern("batch-*")], zone: utc)
        var observed = Self.observations([AlertRule(name: "down", condition: .down, notify: ["hook"])], maintenance: [window])
        #expect(Self.feed([.down], into: &observed, target: "batch-nightly").isEmpty, "inside the window")
        #expect(Self.feed([.down], into: &observed, target: "backend").count == 1, "not named by the window")
        #expect(Self.feed([.down], into: &observed, from: 700, target: "batch-nightly").count == 1, "after the window")
    }

    @Test("after_deploy waits out a deploy's grace, then fires if still failing")
    func deployGrace() {
        var observed = Self.observations([AlertRule(name: "down", condition: .down, notify: ["hook"], deployGrace: .seconds(60))])
        observed.place(DeployMarker(name: "v2", at: Self.t0, source: .manual))
        var notices: [AlertNotice] = []
        for second in stride(from: 0, through: 70, by: 10) { notices += observed.record(.result(Self.result(.down, at: second))) }
        #expect(notices.map(\.at) == [Self.t0.addingTimeInterval(60)])
    }

    @Test("Rules apply to the targets their globs name")
    func globs() {
        var observed = Self.observations([AlertRule(name: "down", condition: .down, targets: [TargetPattern("api-*")], notify: ["hook"])])
        #expect(Self.feed([.down], into: &observed, target: "backend").isEmpty)
        #expect(Self.feed([.down], into: &observed, target: "api-eu").count == 1)
    }

    @Test("Journeys and suites fire under their own conditions")
    func journeyRule() {
        var observed = Self.observations([AlertRule(name: "golden", condition: .journey, notify: ["hook"])])
        let failing = JourneyResult(name: "checkout", steps: [.init(name: "login", result: Self.result(.down, at: 0))], startedAt: Self.t0, sequence: 1)
        let notices = observed.record(.journey(failing))
        #expect(notices.map(\.kind) == ["journey"])
        #expect(notices.first?.reason == "login: HTTP 503 (expected 2xx)")
        #expect(observed.record(.result(Self.result(.down, at: 1))).isEmpty, "a target result says nothing to a journey rule")
    }

    /// A reading of suite `name` at `second`: two modules, `failing` of them failing, or unreadable.
    static func suite(_ name: String = "e2e", failing: Int = 0, error: String? = nil, at second: Int) -> SuiteResult {
        let modules = error != nil ? [] : [
            ModuleResult(name: "test_api", passed: failing > 0 ? 3 : 4, failed: failing > 0 ? 1 : 0, failedTests: failing > 0 ? ["test_login"] : []),
            ModuleResult(name: "test_ui", passed: failing > 1 ? 1 : 2, failed: failing > 1 ? 1 : 0, failedTests: failing > 1 ? ["test_menu"] : []),
        ]
        return SuiteResult(name: name, modules: modules, error: error, readAt: t0.addingTimeInterval(TimeInterval(second)))
    }

    @Test("suite fires on failing modules or an unreadable report, for the suites it names, and resolves when all pass")
    func suiteRule() {
        var observed = Self.observations([AlertRule(name: "tests", condition: .suite, targets: [TargetPattern("e2e")], notify: ["hook"])])
        #expect(observed.record(.suite(Self.suite(at: 0))).isEmpty, "all modules passing")
        let firing = observed.record(.suite(Self.suite(failing: 1, at: 60)))
        #expect(firing.map(\.state) == [.firing])
        #expect(firing.first?.subject == "e2e" && firing.first?.kind == "suite" && firing.first?.rule == "tests")
        #expect(firing.first?.reason == "1/2 modules passing")
        #expect(firing.first?.valueMs == nil)
        #expect(firing.first?.since == Self.t0.addingTimeInterval(60))
        #expect(observed.record(.suite(Self.suite(failing: 2, at: 120))).isEmpty, "still failing: no second page")
        #expect(observed.record(.result(Self.result(.down, at: 130, target: "e2e"))).isEmpty, "a probe result says nothing to a suite rule")
        #expect(observed.record(.suite(Self.suite("nightly", failing: 2, at: 140))).isEmpty, "a suite the rule does not name")
        let resolved = observed.record(.suite(Self.suite(at: 180)))
        #expect(resolved.map(\.state) == [.resolved])
        #expect(resolved.first?.since == Self.t0.addingTimeInterval(60) && resolved.first?.ended == Self.t0.addingTimeInterval(180))

        let unreadable = observed.record(.suite(Self.suite(error: "out/junit.xml is not well-formed XML (line 3)", at: 240)))
        #expect(unreadable.map(\.state) == [.firing])
        #expect(unreadable.first?.reason == "out/junit.xml is not well-formed XML (line 3)", "the error, not \"unreadable\"")
        #expect(observed.alerting.notifiedCount == 1)
    }

    @Test("suite honours for: a failing reading must repeat before it fires")
    func suiteRuleHolds() {
        var observed = Self.observations([AlertRule(name: "tests", condition: .suite, hold: .results(2), notify: ["hook"])])
        #expect(observed.record(.suite(Self.suite(failing: 1, at: 0))).isEmpty)
        #expect(observed.record(.suite(Self.suite(at: 60))).isEmpty, "a passing run breaks the streak")
        #expect(observed.record(.suite(Self.suite(failing: 1, at: 120))).isEmpty)
        #expect(observed.record(.suite(Self.suite(failing: 1, at: 180))).map(\.at) == [Self.t0.addingTimeInterval(180)])
    }

    @Test("regression fires once the results after a deploy are judged worse than before it, and a new marker ends it")
    func regressionRule() {
        var observed = Self.observations([AlertRule(name: "regressed", condition: .regression, notify: ["hook"])])
        #expect(Self.feed(Array(repeating: .up, count: 5), into: &observed).isEmpty, "no deploy marker: nothing to compare")
        observed.place(DeployMarker(name: "v2", at: Self.t0.addingTimeInterval(5), source: .manual))
        var notices: [AlertNotice] = []
        for second in 5..<9 { notices += observed.record(.result(Self.result(.slow, at: second, latencyMs: 300))) }
        #expect(notices.isEmpty, "four results after the deploy are too few to judge (five are needed)")
        notices = observed.record(.result(Self.result(.slow, at: 9, latencyMs: 300)))
        #expect(notices.map(\.state) == [.firing])
        let firing = notices.first
        #expect(firing?.rule == "regressed" && firing?.subject == "backend" && firing?.kind == "http")
        #expect(firing?.reason == "after the deploy: p95 20ms -> 300ms (limit 70ms)")
        #expect(firing?.valueMs == 300)
        #expect(firing?.since == Self.t0.addingTimeInterval(9))
        #expect(observed.record(.result(Self.result(.slow, at: 10, latencyMs: 300))).isEmpty, "still regressed: no second page")

        // A rollback is a new marker: nothing after it yet, so nothing to call a regression.
        observed.place(DeployMarker(name: "rollback", at: Self.t0.addingTimeInterval(11), source: .manual))
        let resolved = observed.record(.result(Self.result(.up, at: 11)))
        #expect(resolved.map(\.state) == [.resolved])
        #expect(resolved.first?.ended == Self.t0.addingTimeInterval(11))
    }

    @Test("regression is judged per target: a target that kept its latency stays quiet")
    func regressionPerTarget() {
        var observed = Self.observations([AlertRule(name: "regressed", condition: .regression, notify: ["hook"])])
        _ = Self.feed(Array(repeating: .up, count: 5), into: &observed, target: "api")
        _ = Self.feed(Array(repeating: .up, count: 5), into: &observed, target: "web")
        observed.place(DeployMarker(name: "v2", at: Self.t0.addingTimeInterval(5), source: .manual))
        var notices: [AlertNotice] = []
        for second in 5..<10 {
            notices += observed.record(.result(Self.result(.slow, at: second, target: "api", latencyMs: 300)))
            notices += observed.record(.result(Self.result(.up, at: second, target: "web", latencyMs: 21)))
        }
        #expect(notices.map(\.subject) == ["api"])
    }

    @Test("History replayed into the store pages nobody")
    func seedIsNotJudged() {
        var observed = Self.observations([AlertRule(name: "down", condition: .down, notify: ["hook"])])
        #expect(observed.record(.result(Self.result(.down, at: 0)), judgingAlerts: false).isEmpty)
        #expect(observed.alerting.firing.isEmpty)
    }

    @Test("s cycles 1 h, 4 h, 24 h, then lifts")
    func silenceCycle() {
        let now = Self.t0
        let one = SilenceCycle.next(after: nil, now: now)
        #expect(one == now.addingTimeInterval(3600))
        let four = SilenceCycle.next(after: one, now: now.addingTimeInterval(5))
        #expect(four == now.addingTimeInterval(5 + 4 * 3600))
        let day = SilenceCycle.next(after: four, now: now.addingTimeInterval(10))
        #expect(day == now.addingTimeInterval(10 + 86_400))
        #expect(SilenceCycle.next(after: day, now: now.addingTimeInterval(20)) == nil)
    }
}
