import Foundation
import SondeAlerts
import SondeCore
import Testing

/// What Sonde posts to an Alertmanager channel over time, read by a receiver on 127.0.0.1 (the
/// real Alertmanager's API shows the alert, not how often it was told): the minute between resends
/// passes on a test clock.
@Suite struct AlertmanagerResendTests {
    private static func alerts(_ request: WebhookReceiver.Request) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(request.body.utf8))) as? [[String: Any]] ?? []
    }

    @Test("A firing alert is posted again every minute with endsAt ahead; once resolved, no more")
    func firingIsResentEveryMinuteUntilResolved() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { receiver.stop() }
        let config = try Fixtures.config("""
        alerts:
          channels: { am: { alertmanager: "\(receiver.url)" } }
          rules: [{ name: down, when: down, notify: am }]
        """)
        let (dispatcher, clock, running) = WebhookDeliveryTests.runningOnATestClock(config)
        dispatcher.send([Fixtures.notice("a", channels: ["am"])])
        _ = await receiver.waitFor(total: 1)
        // The resend loop is the only sleeper on the clock (an Alertmanager channel has no group window).
        await clock.waitUntilSleeping(1)
        clock.advance(by: .seconds(59))
        #expect(clock.sleeping == 1, "the resend loop still asleep: its minute is not up")
        #expect(receiver.requests.count == 1, "not before the minute")
        clock.advance(by: .seconds(1))
        let resent = await receiver.waitFor(total: 2)
        #expect(resent.map(\.path) == ["/api/v2/alerts", "/api/v2/alerts"])
        let again = try #require(resent.last.map(Self.alerts)?.first)
        #expect((again["labels"] as? [String: String])?["target"] == "a")
        let stamps = ISO8601DateFormatter()
        stamps.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let endsAt = try #require((again["endsAt"] as? String).flatMap(stamps.date(from:)))
        #expect(endsAt > Date().addingTimeInterval(3 * 60), "believed for four missed resends")

        dispatcher.send([Fixtures.notice("a", .resolved, channels: ["am"])])
        _ = await receiver.waitFor(total: 3)
        await clock.waitUntilSleeping(1)
        clock.advance(by: .seconds(60))
        // The loop went round (it sleeps again) and had nothing firing to say.
        await clock.waitUntilSleeping(1)
        #expect(receiver.requests.count == 3)
        dispatcher.finish()
        await running.value
    }
}
