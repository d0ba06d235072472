import NIOCore
import NIOHTTP2
import SondeCore

/// What an HTTP/2 peer's connection frames mean to a person, said the same way by every kind
/// that speaks HTTP/2 (grpc's Health/Check, http over h2).
enum HTTP2Reasons {
    static func goAway(_ endpoint: String, code: HTTP2ErrorCode, debug: ByteBuffer?) -> FailureReason {
        let text = debug.flatMap { $0.getString(at: $0.readerIndex, length: $0.readableBytes) }.map { ": \($0.excerpt(120))" } ?? ""
        return FailureReason(.closed, "\(endpoint) closed the HTTP/2 connection (GOAWAY \(code))\(text)")
    }

    /// `what` names the stream: "the Health/Check stream", "the request's stream".
    static func reset(_ endpoint: String, stream what: String, code: HTTP2ErrorCode) -> FailureReason {
        FailureReason(.protocolError, "\(endpoint) reset \(what) (RST_STREAM \(code))")
    }

    /// A frame NIOHTTP2 could not accept; `purpose` says what needed HTTP/2 ("as gRPC needs").
    static func malformed(_ endpoint: String, purpose: String, error: any Error) -> FailureReason {
        FailureReason(.protocolError, "\(endpoint) did not speak HTTP/2 \(purpose) (\(String(describing: error).excerpt(120)))")
    }
}
