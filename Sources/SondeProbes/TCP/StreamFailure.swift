import NIOCore
import NIOPosix
import NIOSSL
import SondeCore

#if canImport(Glibc)
import Glibc
#endif

/// Classifies what SwiftNIO raises on a stream connection into a reason a person can act on.
enum StreamFailure {
    static func classify(_ error: any Error, endpoint: String, phase: String, budget: Duration) -> FailureReason {
        if let reason = error as? FailureReason { return reason }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil, connection.connectionErrors.isEmpty {
                return FailureReason(.dns, "cannot resolve \(connection.host): check the host name")
            }
            if let first = connection.connectionErrors.first {
                return classify(first.error, endpoint: endpoint, phase: phase, budget: budget)
            }
            return FailureReason(.dns, "\(connection.host) resolved to no address")
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return FailureReason(.refused, "connection refused by \(endpoint): is the server running?")
            case ECONNRESET: return FailureReason(.closed, "\(endpoint) reset the connection during \(phase)")
            case ETIMEDOUT: return .timeout(after: budget, during: phase)
            case ENETUNREACH, EHOSTUNREACH: return FailureReason(.refused, "\(endpoint) is unreachable")
            case EPIPE: return FailureReason(.closed, "\(endpoint) closed the connection during \(phase)")
            default: return FailureReason(.other, "network error with \(endpoint) during \(phase): \(io.description)")
            }
        }
        if let channel = error as? ChannelError {
            switch channel {
            case .connectTimeout: return .timeout(after: budget, during: phase)
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed:
                return FailureReason(.closed, "\(endpoint) closed the connection during \(phase)")
            default: return FailureReason(.other, "\(endpoint) during \(phase): \(channel)")
            }
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return FailureReason(.tls, "TLS with \(endpoint) failed: \(String(describing: error).excerpt(160))")
        }
        return FailureReason(.other, "\(endpoint) during \(phase): \(String(describing: error).excerpt(160))")
    }
}
