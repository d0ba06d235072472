import Foundation
import GRDB
import SondeCore

/// An alert starting, ending or reminding, as a row (`sonde history --alerts`).
struct AlertRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "alert_event"

    var id: Int64?
    var at: Double
    var rule: String
    var severity: String
    var subject: String
    var kind: String
    var state: String
    var reason: String
    var since: Double
    var ended: Double?
    var valueMs: Double?
    var reminder: Bool
    /// Channel names, comma-separated.
    var channels: String

    enum CodingKeys: String, CodingKey {
        case id, at, rule, severity, subject, kind, state, reason, since, ended, reminder, channels
        case valueMs = "value_ms"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ notice: AlertNotice, redactor: Redactor) {
        at = notice.at.timeIntervalSince1970
        rule = notice.rule
        severity = notice.severity
        subject = notice.subject
        kind = notice.kind
        state = notice.state.rawValue
        reason = redactor.redact(notice.reason)
        since = notice.since.timeIntervalSince1970
        ended = notice.ended?.timeIntervalSince1970
        valueMs = notice.valueMs
        reminder = notice.reminder
        channels = notice.channels.joined(separator: ",")
    }

    var notice: AlertNotice {
        AlertNotice(
            rule: rule, severity: severity, subject: subject, kind: kind, state: AlertNotice.State(rawValue: state) ?? .firing,
            reason: reason, since: Date(timeIntervalSince1970: since), ended: ended.map(Date.init(timeIntervalSince1970:)),
            valueMs: valueMs, reminder: reminder, channels: channels.split(separator: ",").map(String.init),
            at: Date(timeIntervalSince1970: at)
        )
    }
}
