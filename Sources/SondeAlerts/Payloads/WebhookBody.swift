import Foundation
import SondeCore

/// Sonde's webhook body (`format: json`), README "Alerts": version 1.
enum WebhookBody {
    static func json(_ notification: AlertNotification) -> String {
        JSONValue.object([
            ("version", .int(1)),
            ("status", .string(notification.state.rawValue)),
            ("rule", .string(notification.rule)),
            ("environment", .string(notification.environment)),
            ("alerts", .array(notification.notices.map(alert))),
        ]).serialized(pretty: false)
    }

    static func alert(_ notice: AlertNotice) -> JSONValue {
        .object([
            ("target", .string(notice.subject)),
            ("kind", .string(notice.kind)),
            ("status", .string(notice.state.rawValue)),
            ("severity", .string(notice.severity)),
            ("reason", .string(notice.reason)),
            ("since", .string(Timestamp.iso8601(notice.since))),
            ("ended", .optional(notice.ended.map(Timestamp.iso8601))),
            ("value_ms", .ms(notice.valueMs)),
            ("reminder", .bool(notice.reminder)),
        ])
    }
}

/// Slack's incoming-webhook JSON: `text` (what notifications and old clients show) plus blocks.
enum SlackBody {
    static func json(_ notification: AlertNotification) -> String {
        let icon = notification.state == .firing ? ":red_circle:" : ":large_green_circle:"
        let lines = notification.notices.map { notice in
            let reason = notice.state == .firing ? " — " + escape(notice.reason) : ""
            return "• *\(escape(notice.subject))* (\(notice.kind))\(reason)"
        }
        return JSONValue.object([
            ("text", .string("\(icon) " + escape(notification.headline))),
            ("blocks", .array([
                .object([
                    ("type", .string("header")),
                    ("text", .object([("type", .string("plain_text")), ("text", .string(String(notification.headline.prefix(150))))])),
                ]),
                .object([
                    ("type", .string("section")),
                    ("text", .object([("type", .string("mrkdwn")), ("text", .string(String(lines.joined(separator: "\n").prefix(3000))))])),
                ]),
            ])),
        ]).serialized(pretty: false)
    }

    /// Slack's three control characters in mrkdwn.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
