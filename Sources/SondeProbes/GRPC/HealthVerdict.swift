import Foundation
import NIOHPACK
import SondeCore

/// Judges a Health/Check answer: up when grpc-status is 0 and the status SERVING; otherwise the
/// reason names the gRPC status (with the server's grpc-message) or the serving state.
struct HealthVerdict: Equatable {
    let failure: FailureReason?
    /// For the detail view: `SERVING over HTTP/2 (TLS, ALPN h2)`, `grpc-status 12 UNIMPLEMENTED`.
    let message: String

    static func judge(_ answer: GRPCAnswer, spec: GRPCSpec) -> HealthVerdict {
        guard let statusText = answer.trailers.first(name: "grpc-status") else {
            return failed(.protocolError, "\(spec.authority) ended the call without a grpc-status", message: "no grpc-status")
        }
        guard let code = Int(statusText) else {
            return failed(.protocolError, "\(spec.authority) sent grpc-status '\(statusText.excerpt(20))', not a number", message: "bad grpc-status")
        }
        guard code == 0 else { return failedCall(code, message: answer.trailers.first(name: "grpc-message"), spec: spec) }
        let transport = answer.alpn.map { "HTTP/2 (TLS, ALPN \($0))" } ?? (spec.tls ? "HTTP/2 (TLS, no ALPN)" : "HTTP/2 (cleartext)")
        switch HealthMessages.servingStatus(inBody: answer.body) {
        case .failure(let error):
            return failed(.protocolError, "\(spec.authority): \(error.text)", message: "unreadable answer")
        case .success(let serving):
            let state = GRPCStatusNames.servingState(serving)
            guard serving == GRPCStatusNames.serving else {
                return failed(.grpc, "\(spec.subject) is \(state)", message: "\(state) over \(transport)")
            }
            return HealthVerdict(failure: nil, message: "\(state) over \(transport)")
        }
    }

    /// A non-zero grpc-status: no health service, an unknown service, or any other status.
    private static func failedCall(_ code: Int, message: String?, spec: GRPCSpec) -> HealthVerdict {
        let status = "grpc-status \(GRPCStatusNames.code(code))"
        // grpc-message is percent-encoded on the wire (gRPC's HTTP/2 protocol).
        let said = message.map { ($0.removingPercentEncoding ?? $0).excerpt(200) } ?? ""
        let detail = said.isEmpty ? status : "\(status): \(said)"
        switch code {
        case GRPCStatusNames.unimplemented:
            return failed(.grpc, "\(spec.authority) has no health service (\(detail)): it does not implement grpc.health.v1.Health", message: status)
        case GRPCStatusNames.notFound:
            return failed(.grpc, "\(spec.subject) is unknown to the health service (\(detail))", message: status)
        default:
            return failed(.grpc, "Health/Check failed with \(detail)", message: status)
        }
    }

    private static func failed(_ kind: FailureReason.Kind, _ reason: String, message: String) -> HealthVerdict {
        HealthVerdict(failure: FailureReason(kind, reason), message: message)
    }
}
