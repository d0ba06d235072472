import Foundation
import SondeCore

/// `webhook:` channels: Sonde's JSON or Slack's, one POST per notification.
struct WebhookSender: NotificationSender {
    let target: WebhookTarget
    let poster: HTTPPoster

    init(target: WebhookTarget, redactor: Redactor, timeout: Duration) {
        self.target = target
        poster = HTTPPoster(url: target.url, headers: target.headers, redactor: redactor, timeout: timeout)
    }

    func send(_ notification: AlertNotification) async -> DeliveryFailure? {
        switch target.format {
        case .json: await poster.post(WebhookBody.json(notification))
        case .slack: await poster.post(SlackBody.json(notification))
        }
    }
}
