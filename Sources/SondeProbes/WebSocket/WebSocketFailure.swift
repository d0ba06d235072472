import NIOCore
import NIOHTTP1
import SondeCore

/// Reasons for what can go wrong after the connection is open.
enum WebSocketFailure {
    static func classify(_ error: any Error, endpoint: WebSocketEndpoint, phase: String, budget: Duration) -> FailureReason {
        if let reason = error as? FailureReason { return reason }
        if let closed = error as? WebSocketConversation.Closed {
            guard let code = closed.code else {
                return FailureReason(.closed, "\(endpoint.display) dropped the connection without a close frame during \(phase)")
            }
            let why = closed.reason.isEmpty ? "" : " (\(closed.reason.excerpt(80)))"
            return FailureReason(.closed, "server closed the WebSocket with code \(code)\(why) during \(phase)")
        }
        if error is WebSocketConversation.NotText {
            return FailureReason(.protocolError, "a message from \(endpoint.display) is larger than \(WebSocketUpgrade.maxFrameSize >> 20) MiB")
        }
        if let upgrade = error as? NIOHTTPClientUpgradeError {
            return FailureReason(.protocolError, "\(endpoint.display) answered the upgrade with 101 but not as a WebSocket server (\(upgrade))")
        }
        if error is HTTPParserError {
            return FailureReason(.protocolError, "\(endpoint.display) answered the upgrade with something that is not HTTP/1.1")
        }
        return StreamFailure.classify(error, endpoint: endpoint.display, phase: phase, budget: budget)
    }
}
