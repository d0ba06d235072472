import Foundation
import SondeCore
import Synchronization

/// What the headless agent says on stderr (journald keeps it): one line when it starts, one per
/// state change of a target, one when it stops. Results themselves go to the store and history.
final class AgentLog: Sendable {
    private let redactor: Redactor
    private let write: @Sendable (String) -> Void
    /// The last status said per target: only what is needed to tell a change, nothing else.
    private let said = Mutex<[String: Status]>([:])

    init(redactor: Redactor, write: @escaping @Sendable (String) -> Void = StandardError.print) {
        self.redactor = redactor
        self.write = write
    }

    func say(_ line: String) {
        write("\(Self.timestamp(Date())) sonde agent: \(redactor.redact(line))")
    }

    /// The first result of each target, and every change of status after it.
    func observe(_ event: EngineEvent) {
        guard case .result(let result) = event else { return }
        let previous = said.withLock { known in
            defer { known[result.target] = result.status }
            return known[result.target]
        }
        guard previous != result.status else { return }
        let change = previous.map { "\($0.rawValue) -> \(result.status.rawValue)" } ?? result.status.rawValue
        let reason = result.reason.map { ": \($0.message)" } ?? ""
        say("\(result.target) \(change)\(reason)")
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().timeZone(separator: .omitted).time(includingFractionalSeconds: false).timeSeparator(.colon).dateSeparator(.dash))
    }
}
