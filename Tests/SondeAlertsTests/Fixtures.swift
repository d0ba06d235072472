import Foundation
import SondeCore
import Synchronization

/// Notices and configs the delivery tests share.
enum Fixtures {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func notice(_ subject: String, _ state: AlertNotice.State = .firing, rule: String = "down", channels: [String]) -> AlertNotice {
        AlertNotice(
            rule: rule, severity: "critical", subject: subject, kind: "http", state: state, reason: "HTTP 503 (expected 2xx)",
            since: t0, ended: state == .resolved ? t0.addingTimeInterval(60) : nil, valueMs: nil, channels: channels, at: t0
        )
    }

    static func config(_ yaml: String, environment: [String: String] = [:]) throws -> SondeConfig {
        try ConfigLoader.parse(
            "environment: staging\ntargets:\n  - name: backend\n    http: http://127.0.0.1:1/\n" + yaml, file: "alerts.yml", environment: environment
        )
    }
}

/// Channel failures and recoveries as the dispatcher reports them.
final class ChannelLog: Sendable {
    private let events = Mutex<[ChannelEvent]>([])
    var all: [ChannelEvent] { events.withLock { $0 } }
    var report: @Sendable (ChannelEvent) -> Void { { [self] event in events.withLock { $0.append(event) } } }
}
