import Foundation

/// Why a channel could not deliver, already redacted; what the header and event log show.
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    /// False when trying again cannot help (a 4xx other than 408/429, a command that is missing).
    public var retryable: Bool

    public init(_ reason: String, retryable: Bool = true) {
        self.reason = reason
        self.retryable = retryable
    }

    public var description: String { reason }
}

/// Delivers one notification one way. Implementations never throw past their deadline.
public protocol NotificationSender: Sendable {
    func send(_ notification: AlertNotification) async -> DeliveryFailure?
}
