import Foundation

/// One `alerts.channels` entry: where notifications go.
public struct AlertChannel: Sendable, Equatable {
    public var name: String
    public var transport: AlertTransport
    public var location: SourceLocation?

    public init(name: String, transport: AlertTransport, location: SourceLocation? = nil) {
        self.name = name
        self.transport = transport
        self.location = location
    }
}

public enum AlertTransport: Sendable, Equatable {
    case webhook(WebhookTarget)
    /// Prometheus Alertmanager's base URL; alerts go to `/api/v2/alerts`.
    case alertmanager(URL)
    /// BEL and a desktop notification through the terminal (OSC 9 / OSC 777).
    case terminal(bell: Bool, desktop: Bool)
    /// A command (argv) run per notification: SONDE_ALERT_* in its environment, JSON on stdin.
    case command([String])
}

public struct WebhookTarget: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        /// Sonde's own body (README "Alerts").
        case json
        /// Slack's incoming-webhook JSON: `text` plus blocks.
        case slack
    }

    /// Secret as a whole (a Slack webhook URL is its own credential): shown only by channel name.
    public var url: URL
    public var headers: [Header]
    public var format: Format

    public init(url: URL, headers: [Header] = [], format: Format = .json) {
        self.url = url
        self.headers = headers
        self.format = format
    }
}
