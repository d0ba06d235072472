/// Why a probe failed, classified so a person knows where to look first.
public struct FailureReason: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case dns
        case refused
        case timeout
        case tls
        case httpStatus = "http_status"
        case upgradeRejected = "upgrade_rejected"
        case assertion
        case auth
        case bodyTooLarge = "body_too_large"
        case closed
        case protocolError = "protocol"
        case config
        /// A check plugin (`exec:`) said CRITICAL, UNKNOWN or WARNING: its own first line is the reason.
        case plugin
        /// A certificate expires within `expect.cert_days`, or has expired.
        case certificate
        /// A gRPC server answered with a status other than OK, or a health state other than SERVING.
        case grpc
        case other
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    public static func timeout(after budget: Duration, during phase: String) -> FailureReason {
        FailureReason(.timeout, "timed out after \(budget.humanReadable) during \(phase)")
    }
}
