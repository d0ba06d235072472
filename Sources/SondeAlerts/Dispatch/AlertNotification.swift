import Foundation
import SondeCore

/// What one channel sends at once: the notices of one rule and state that arrived together
/// (ten targets going down in the same seconds are one notification).
public struct AlertNotification: Sendable, Equatable {
    public var rule: String
    public var state: AlertNotice.State
    public var environment: String
    public var notices: [AlertNotice]

    /// Groups a batch by rule and state, in the order each group first appears.
    static func grouping(_ batch: [AlertNotice], environment: String) -> [AlertNotification] {
        var out: [AlertNotification] = []
        for notice in batch {
            if let index = out.firstIndex(where: { $0.rule == notice.rule && $0.state == notice.state }) {
                out[index].notices.append(notice)
            } else {
                out.append(AlertNotification(rule: notice.rule, state: notice.state, environment: environment, notices: [notice]))
            }
        }
        return out
    }

    /// `[staging] down firing: backend, checkout (HTTP 503)`: one line for a terminal, a log, a title.
    public var headline: String {
        let subjects = notices.map(\.subject)
        let shown = subjects.prefix(5).joined(separator: ", ") + (subjects.count > 5 ? " and \(subjects.count - 5) more" : "")
        let reason = state == .firing ? notices.first.map { " (\($0.reason))" } ?? "" : ""
        return "[\(environment)] \(rule) \(state.rawValue): \(shown)\(reason)"
    }
}
