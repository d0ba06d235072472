import SondeCore

/// Turns a Redis error reply into a reason: the first word of the error is Redis's own code.
enum RedisErrorReply {
    static func reason(_ message: String, command: String) -> FailureReason {
        let code = message.split(separator: " ", maxSplits: 1).first.map(String.init) ?? message
        switch code {
        case "NOAUTH":
            return FailureReason(.auth, "Redis requires a password (NOAUTH): put it in the URL, redis://:PASSWORD@host:6379")
        case "WRONGPASS":
            return FailureReason(.auth, "Redis rejected the user name or password (WRONGPASS)")
        case "LOADING":
            return FailureReason(.other, "Redis is loading its dataset into memory (LOADING) and does not answer yet")
        case "MASTERDOWN":
            return FailureReason(.other, "Redis replica has lost its master (MASTERDOWN)")
        case "BUSY":
            return FailureReason(.other, "Redis is busy running a script (BUSY)")
        default:
            if command == "AUTH", message.localizedCaseInsensitiveContains("without any password configured") {
                return FailureReason(.auth, "the URL gives a password but Redis has none configured: remove it from the URL")
            }
            if command == "SELECT" {
                return FailureReason(.config, "Redis refused the database in the URL: \(message.excerpt(120))")
            }
            return FailureReason(.protocolError, "Redis answered \(command) with an error: \(message.excerpt(120))")
        }
    }
}
