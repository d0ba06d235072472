import Foundation
import Testing
@testable import SondeCore

@Suite("alerts: is read with every default, and every mistake names file:line and key")
struct AlertsConfigTests {
    static let head = "environment: staging\ntargets:\n  - name: backend\n    http: http://127.0.0.1:1/\n  - name: batch-nightly\n    http: http://127.0.0.1:1/\n"

    static func errors(_ alerts: String, environment: [String: String] = [:]) -> [String] {
        do {
            _ = try ConfigLoader.parse(head + alerts, file: "f.yml", environment: environment)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test("The issue's example reads whole")
    func example() throws {
        let yaml = Self.head + """
        alerts:
          rules:
            - name: down
              when: down
              for: 2
              recover: 2
              targets: ["*"]
              notify: [hook, am, desk]
              repeat: 30m
              severity: critical
            - { name: slow, when: slow, for: 30s, notify: slack, after_deploy: 2m }
          channels:
            hook: { webhook: "http://127.0.0.1:9000/alerts", headers: { Authorization: "Bearer ${HOOK_TOKEN}" } }
            slack: { webhook: "${SLACK_WEBHOOK_URL}", format: slack }
            am:   { alertmanager: "http://127.0.0.1:9093" }
            desk: { terminal: { bell: true, desktop: false } }
            page: { run: "./page.sh" }
          maintenance:
            - { every: [sat], start: "02:00", duration: 2h, targets: ["batch-*"] }
        """
        let env = ["HOOK_TOKEN": "hook-secret-42", "SLACK_WEBHOOK_URL": "https://hooks.slack.test/services/T0/B0/sekrit"]
        let config = try ConfigLoader.parse(yaml, file: "f.yml", environment: env)
        let alerts = config.alerts
        #expect(alerts.rules.map(\.name) == ["down", "slow"])
        let down = alerts.rules[0]
        #expect(down.hold == .results(2) && down.recover == 2 && down.notify == ["hook", "am", "desk"])
        #expect(down.repeatEvery == .seconds(1800) && down.severity == "critical")
        let slow = alerts.rules[1]
        #expect(slow.hold == .duration(.seconds(30)) && slow.deployGrace == .seconds(120) && slow.severity == "warning")
        #expect(alerts.channel(named: "desk")?.transport == .terminal(bell: true, desktop: false))
        #expect(alerts.channel(named: "page")?.transport == .command(["/bin/sh", "-c", "./page.sh"]))
        #expect(alerts.maintenance.first?.days == [.sat] && alerts.maintenance.first?.startMinute == 120)
        // The token and the whole Slack URL are secrets.
        let said = config.redactor.redact("Bearer hook-secret-42 to https://hooks.slack.test/services/T0/B0/sekrit")
        #expect(!said.contains("hook-secret-42") && !said.contains("sekrit"))
    }

    @Test("An unknown channel in notify is named, with the nearest")
    func unknownChannel() {
        let errors = Self.errors("alerts:\n  rules:\n    - { name: down, when: down, notify: [hok] }\n  channels:\n    hook: { terminal: true }\n")
        #expect(errors == ["f.yml:9:42: alerts.rules[0].notify[0]: unknown channel 'hok' (did you mean 'hook'?); declared: hook"])
    }

    @Test("A glob that cannot match, a target that does not exist, a bad duration, an unknown condition")
    func badRules() {
        let errors = Self.errors("""
        alerts:
          channels: { hook: { terminal: true } }
          rules:
            - { name: a, when: down, notify: hook, targets: ["api-[ab"] }
            - { name: b, when: down, notify: hook, targets: [backnd] }
            - { name: c, when: down, notify: hook, for: 2 minutes }
            - { name: d, when: dwn, notify: hook }
        """)
        #expect(errors == [
            "f.yml:10:54: alerts.rules[0].targets[0]: glob 'api-[ab' has a '[' without its ']'",
            "f.yml:11:54: alerts.rules[1].targets[0]: no target named 'backnd' (did you mean 'backend'?)",
            "f.yml:12:49: alerts.rules[2].for: '2 minutes' is not a duration; write it like 250ms, 5s or 2m",
            "f.yml:13:24: alerts.rules[3].when: unknown condition 'dwn' (did you mean 'down'?); use one of down, slow, flapping, journey, suite, regression",
        ])
    }

    @Test("A channel with no way to send, or two, and a bad maintenance time")
    func badChannels() {
        let errors = Self.errors("""
        alerts:
          channels:
            a: { format: slack }
            b: { webhook: "http://127.0.0.1:9/", run: "true" }
          maintenance:
            - { every: [caturday], start: "25:00", duration: 1h }
        """)
        #expect(errors.contains("f.yml:9:8: alerts.channels.a: channel 'a' needs one of webhook, alertmanager, terminal or run"))
        #expect(errors.contains("f.yml:10:8: alerts.channels.b: channel 'b' has webhook and run; give it one"))
        #expect(errors.contains("f.yml:12:17: alerts.maintenance[0].every[0]: 'caturday' is not a day; use mon, tue, wed, thu, fri, sat, sun or day"))
    }
}
