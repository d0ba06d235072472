import Foundation
import SondeCore

/// Alertmanager's v2 `postableAlerts`: labels identify an alert (so the same labels again
/// refresh it), `endsAt` in the past resolves it, `endsAt` ahead says how long to believe it.
enum AlertmanagerBody {
    static func alert(_ notice: AlertNotice, environment: String, endsAt: Date) -> JSONValue {
        .object([
            ("labels", .object([
                ("alertname", .string(notice.rule)),
                ("target", .string(notice.subject)),
                ("environment", .string(environment)),
                ("kind", .string(notice.kind)),
                ("severity", .string(notice.severity)),
            ])),
            ("annotations", .object([
                ("summary", .string("\(notice.subject) \(notice.rule) in \(environment)")),
                ("description", .string(notice.reason)),
            ])),
            ("startsAt", .string(Timestamp.iso8601(notice.since))),
            ("endsAt", .string(Timestamp.iso8601(endsAt))),
        ])
    }

    static func body(_ alerts: [JSONValue]) -> String { JSONValue.array(alerts).serialized(pretty: false) }
}
