import Foundation
import SondeCore
import Synchronization

/// `alertmanager:` channels: POST /api/v2/alerts. Firing alerts carry an `endsAt` a few resend
/// intervals ahead and are posted again every minute (as Prometheus does), so Alertmanager
/// resolves them by itself if Sonde goes away; a resolved one is posted with its real end.
final class AlertmanagerSender: NotificationSender {
    static let resendEvery = Duration.seconds(60)
    /// How far ahead a firing alert's `endsAt` is set: four missed resends.
    static let believeFor: TimeInterval = 4 * 60

    private let poster: HTTPPoster
    private struct Key: Hashable {
        var rule: String
        var subject: String
    }
    private struct Active {
        var notice: AlertNotice
        var environment: String
    }
    private let active = Mutex<[Key: Active]>([:])

    init(base: URL, redactor: Redactor, timeout: Duration) {
        let url = base.appendingPathComponent("api/v2/alerts")
        poster = HTTPPoster(url: url, headers: [], redactor: redactor, timeout: timeout)
    }

    func send(_ notification: AlertNotification) async -> DeliveryFailure? {
        let now = Date()
        let alerts = active.withLock { active in
            notification.notices.map { notice -> JSONValue in
                let key = Key(rule: notice.rule, subject: notice.subject)
                switch notice.state {
                case .firing:
                    active[key] = Active(notice: notice, environment: notification.environment)
                    return AlertmanagerBody.alert(notice, environment: notification.environment, endsAt: now.addingTimeInterval(Self.believeFor))
                case .resolved:
                    active[key] = nil
                    return AlertmanagerBody.alert(notice, environment: notification.environment, endsAt: notice.ended ?? now)
                }
            }
        }
        return await poster.post(AlertmanagerBody.body(alerts))
    }

    /// Posts every alert still firing again; a failure here waits for the next round.
    func resend() async {
        let now = Date()
        let alerts = active.withLock { $0.values.map { AlertmanagerBody.alert($0.notice, environment: $0.environment, endsAt: now.addingTimeInterval(Self.believeFor)) } }
        guard !alerts.isEmpty else { return }
        _ = await poster.post(AlertmanagerBody.body(alerts))
    }
}
