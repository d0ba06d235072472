import Foundation

/// The `user:password@` of an HTTP URL as an `Authorization: Basic` value. The config loader
/// masks the encoded form too: a server echoing its request headers must not show it.
public struct BasicCredentials: Sendable, Equatable {
    public var user: String
    public var password: String

    public init?(_ url: URL) {
        let user = url.user(percentEncoded: false) ?? ""
        let password = url.password(percentEncoded: false)
        guard !user.isEmpty || password != nil else { return nil }
        self.user = user
        self.password = password ?? ""
    }

    public var encoded: String { Data("\(user):\(password)".utf8).base64EncodedString() }
    public var headerValue: String { "Basic " + encoded }
}
