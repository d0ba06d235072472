import Foundation
import SondeAlerts
import SondeCore
import Testing

@Suite("Webhooks get Sonde's JSON or Slack's, grouped, retried, with no secret in sight")
struct WebhookDeliveryTests {
    /// The config's dispatcher, its group windows and retries on a clock the test moves, running.
    static func runningOnATestClock(_ config: SondeConfig) -> (AlertDispatcher, ManualClock, Task<Void, Never>) {
        let clock = ManualClock()
        let dispatcher = AlertDispatcher(config.alerts, options: .init(environment: "staging", redactor: config.redactor, clock: clock))
        return (dispatcher, clock, Task { await dispatcher.run() })
    }

    @Test("Ten targets down together are one POST with the documented body and the configured header")
    func groupedBody() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { receiver.stop() }
        let config = try Fixtures.config("""
        alerts:
          group_wait: 0s
          channels: { hook: { webhook: "\(receiver.url)/alerts", headers: { Authorization: "Bearer ${HOOK_TOKEN}" } } }
          rules: [{ name: down, when: down, notify: hook }]
        """, environment: ["HOOK_TOKEN": "tok-123"])
        let (dispatcher, _, running) = Self.runningOnATestClock(config)
        dispatcher.send((1...10).map { Fixtures.notice("svc-\($0)", channels: ["hook"]) })
        dispatcher.finish()
        await running.value
        let requests = receiver.requests
        try #require(requests.count == 1)
        let request = requests[0]
        #expect(request.path == "/alerts")
        #expect(request.headers["authorization"] == "Bearer tok-123")
        #expect(request.headers["content-type"] == "application/json")
        let json = try #require(request.json)
        #expect(json["version"] as? Int == 1)
        #expect(json["status"] as? String == "firing")
        #expect(json["rule"] as? String == "down")
        #expect(json["environment"] as? String == "staging")
        #expect(request.alerts.count == 10)
        let first = try #require(request.alerts.first)
        #expect(first["target"] as? String == "svc-1")
        #expect(first["kind"] as? String == "http")
        #expect(first["reason"] as? String == "HTTP 503 (expected 2xx)")
        #expect(first["since"] as? String == "2027-01-15T08:00:00.000Z")
        #expect(first["ended"] is NSNull)
        #expect(first["value_ms"] is NSNull)
    }

    @Test("The group window holds notices that arrive within it, on the test clock")
    func groupWindow() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { receiver.stop() }
        let config = try Fixtures.config("""
        alerts:
          group_wait: 3s
          channels: { hook: { webhook: "\(receiver.url)/hook" } }
          rules: [{ name: down, when: down, notify: hook }]
        """)
        let (dispatcher, clock, running) = Self.runningOnATestClock(config)
        dispatcher.send([Fixtures.notice("a", channels: ["hook"])])
        await clock.waitUntilSleeping(1)
        clock.advance(by: .seconds(2))
        dispatcher.send([Fixtures.notice("b", channels: ["hook"]), Fixtures.notice("a", .resolved, channels: ["hook"])])
        #expect(receiver.requests.isEmpty, "nothing goes out inside the window")
        clock.advance(by: .seconds(1))
        let requests = await receiver.waitFor(total: 2)
        #expect(requests.map { $0.json?["status"] as? String } == ["firing", "resolved"], "one notification per rule and state")
        #expect(requests.first?.alerts.map { $0["target"] as? String } == ["a", "b"])
        dispatcher.finish()
        await running.value
    }

    @Test("With the default group_wait, ten targets failing over 3 s are one POST with ten alerts")
    func defaultGroupsAThreeSecondOutage() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { receiver.stop() }
        let config = try Fixtures.config("""
        alerts:
          channels: { hook: { webhook: "\(receiver.url)/hook" } }
          rules: [{ name: down, when: down, notify: hook }]
        """)
        #expect(config.alerts.groupWait == AlertsConfig.defaultGroupWait)
        let (dispatcher, clock, running) = Self.runningOnATestClock(config)
        // The first target's notice opens the window; the other nine follow a third of a second apart.
        dispatcher.send([Fixtures.notice("svc-1", channels: ["hook"])])
        await clock.waitUntilSleeping(1)
        for index in 2...10 {
            clock.advance(by: .milliseconds(333))
            dispatcher.send([Fixtures.notice("svc-\(index)", channels: ["hook"])])
        }
        #expect(clock.now == .milliseconds(2997), "the last notice came just under 3 s after the first")
        #expect(receiver.requests.isEmpty, "nothing goes out inside the window")
        clock.advance(by: AlertsConfig.defaultGroupWait - clock.now)
        let requests = await receiver.waitFor(total: 1)
        dispatcher.finish()
        await running.value
        #expect(receiver.requests.count == 1, "one notification for the outage")
        #expect(requests.first?.json?["status"] as? String == "firing")
        #expect(requests.first?.alerts.map { $0["target"] as? String } == (1...10).map { "svc-\($0)" })
    }

    @Test("Quitting sends what waits in the group window at once, without waiting it out")
    func finishCutsTheWindowShort() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { receiver.stop() }
        let config = try Fixtures.config("""
        alerts:
          group_wait: 30s
          channels: { hook: { webhook: "\(receiver.url)/hook" } }
          rules: [{ name: down, when: down, notify: hook }]
        """)
        let (dispatcher, clock, running) = Self.runningOnATestClock(config)
        dispatcher.send([Fixtures.notice("backend", channels: ["hook"])])
        await clock.waitUntilSleeping(1)
        dispatcher.finish()
        await running.value
        #expect(clock.now == .zero, "the test clock never moved")
        #expect(receiver.requests.map(\.alerts.count) == [1])
    }

    @Test("A 500 is retried with backoff; the channel's failure is reported, then its recovery")
    func retryAfter500() async throws {
        let receiver = try await WebhookReceiver.start(answering: [500, 503])
        defer { receiver.stop() }
        let config = try Fixtures.config("""
        alerts:
          group_wait: 0s
          channels: { hook: { webhook: "\(receiver.url)/hook" } }
          rules: [{ name: down, when: down, notify: hook }]
        """)
        let clock = ManualClock()
        let log = ChannelLog()
        let dispatcher = AlertDispatcher(config.alerts, options: .init(environment: "staging", redactor: config.redactor, clock: clock, report: log.report))
        let running = Task { await dispatcher.run() }
        dispatcher.send([Fixtures.notice("backend", channels: ["hook"])])
        await receiver.waitFor(total: 1)
        await clock.waitUntilSleeping(1)
        clock.advance(by: .seconds(1))
        await receiver.waitFor(total: 2)
        await clock.waitUntilSleeping(1)
        clock.advance(by: .seconds(2))
        let requests = await receiver.waitFor(total: 3)
        dispatcher.finish()
        await running.value
        #expect(requests.count == 3)
        #expect(Set(requests.map(\.body)).count == 1, "the same notification each time")
        #expect(log.all.map(\.problem) == ["HTTP 500 (expected 2xx) (retrying)", nil])
    }

    @Test("Slack gets text plus blocks")
    func slackFormat() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { receiver.stop() }
        let config = try Fixtures.config("""
        alerts:
          group_wait: 0s
          channels: { slack: { webhook: "\(receiver.url)/services/T0/B0/sekrit", format: slack } }
          rules: [{ name: down, when: down, notify: slack }]
        """)
        let dispatcher = AlertDispatcher(config.alerts, options: .init(environment: "staging", redactor: config.redactor))
        let running = Task { await dispatcher.run() }
        dispatcher.send([Fixtures.notice("backend", channels: ["slack"])])
        dispatcher.finish()
        await running.value
        let json = try #require(receiver.requests.first?.json)
        #expect(json["text"] as? String == ":red_circle: [staging] down firing: backend (HTTP 503 (expected 2xx))")
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["header", "section"])
    }

    @Test("A receiver that never answers delays no other channel, and its failure names the channel, not the URL")
    func deadReceiverIsolated() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { receiver.stop() }
        let silent = try await WebhookReceiver.start(answering: [0])
        defer { silent.stop() }
        let config = try Fixtures.config("""
        alerts:
          group_wait: 0s
          channels:
            dead: { webhook: "http://127.0.0.1:\(silent.port)/hook/sekrit-path" }
            live: { webhook: "\(receiver.url)/hook" }
          rules: [{ name: down, when: down, notify: [dead, live] }]
        """)
        let log = ChannelLog()
        let dispatcher = AlertDispatcher(
            config.alerts, options: .init(environment: "staging", redactor: config.redactor, retry: RetryPolicy(delays: []), deliveryTimeout: .milliseconds(500), report: log.report)
        )
        let running = Task { await dispatcher.run() }
        dispatcher.send([Fixtures.notice("backend", channels: ["dead", "live"])])
        await receiver.waitFor(total: 1)
        #expect(log.all.isEmpty, "the live channel delivered while the dead one was still waiting")
        dispatcher.finish()
        await running.value
        let failure = try #require(log.all.first)
        #expect(failure.channel == "dead")
        #expect(failure.problem?.contains("sekrit") == false)
        #expect(failure.problem?.contains("timed out") == true, "\(failure.problem ?? "")")
    }
}
