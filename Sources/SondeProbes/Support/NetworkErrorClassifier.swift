import NIOCore
import NIOPosix
import NIOSSL
import SondeCore

#if canImport(Glibc)
import Glibc
#endif

/// Turns the errors SwiftNIO and NIOSSL raise into reasons a person understands.
enum NetworkErrorClassifier {
    /// `certificates`, when the connection used TLS, turns a bare verification failure into why.
    static func classify(_ error: any Error, endpoint: String, certificates: CertificateDiagnosis? = nil) -> FailureReason {
        if let certificates, let reason = certificateFailure(error, endpoint: endpoint, certificates: certificates) {
            return reason
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return FailureReason(.refused, "connection refused by \(endpoint)")
            case ECONNRESET: return FailureReason(.closed, "connection reset by \(endpoint)")
            case ETIMEDOUT: return FailureReason(.timeout, "connection to \(endpoint) timed out")
            case ENETUNREACH, EHOSTUNREACH: return FailureReason(.refused, "\(endpoint) is unreachable (\(io.description))")
            case EPIPE: return FailureReason(.closed, "\(endpoint) closed the connection while the request was sent")
            default: return FailureReason(.other, "network error talking to \(endpoint): \(io.description)")
            }
        }
        if let connection = error as? NIOConnectionError, let first = connection.connectionErrors.first {
            return classify(first.error, endpoint: endpoint)
        }
        if let channel = error as? ChannelError {
            switch channel {
            case .connectTimeout: return FailureReason(.timeout, "connecting to \(endpoint) timed out")
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed:
                return FailureReason(.closed, "\(endpoint) closed the connection")
            default: return FailureReason(.other, "channel error with \(endpoint): \(channel)")
            }
        }
        if let ssl = error as? NIOSSLError {
            switch ssl {
            case .handshakeFailed(let inner): return FailureReason(.tls, "TLS handshake with \(endpoint) failed: \(tlsDetail(inner))")
            case .uncleanShutdown: return FailureReason(.closed, "\(endpoint) closed the TLS connection without a close_notify")
            default: return FailureReason(.tls, "TLS error with \(endpoint): \(ssl)")
            }
        }
        if let extra = error as? NIOSSLExtraError {
            return FailureReason(.tls, "TLS error with \(endpoint): \(extra)")
        }
        if let boring = error as? BoringSSLError {
            return FailureReason(.tls, "TLS error with \(endpoint): \(tlsDetail(boring))")
        }
        if let reason = error as? FailureReason { return reason }
        return FailureReason(.other, "\(endpoint): \(error)")
    }

    private static func certificateFailure(_ error: any Error, endpoint: String, certificates: CertificateDiagnosis) -> FailureReason? {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            let host = endpoint.split(separator: ":").dropLast().joined(separator: ":")
            return FailureReason(.tls, "TLS with \(endpoint): \(certificates.hostnameMismatch(host: host))")
        }
        if case .handshakeFailed = error as? NIOSSLError, let why = certificates.explain() {
            return FailureReason(.tls, "TLS handshake with \(endpoint) failed: \(why)")
        }
        return nil
    }

    /// BoringSSL's verbose error stack reduced to its useful part ("certificate has expired").
    private static func tlsDetail(_ error: BoringSSLError) -> String {
        let text = String(describing: error)
        // Alerts a server sends about the client certificate (mutual TLS), in a person's words.
        if text.contains("CERTIFICATE_REQUIRED") { return "the server requires a client certificate: add tls: { cert: FILE, key: FILE }" }
        if text.contains("ALERT_UNKNOWN_CA") || text.contains("ALERT_BAD_CERTIFICATE") {
            return "the server refused the client certificate (it does not trust its issuer, or the certificate is not one it accepts)"
        }
        for known in ["CERTIFICATE_VERIFY_FAILED", "certificate has expired", "self signed certificate", "self-signed certificate",
                      "unable to get local issuer certificate", "hostname mismatch", "WRONG_VERSION_NUMBER", "certificate is not yet valid"]
        where text.localizedCaseInsensitiveContains(known) {
            return known == "WRONG_VERSION_NUMBER" ? "the server does not speak TLS on this port" : known.lowercased()
        }
        return text.excerpt(200)
    }
}
