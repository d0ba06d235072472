import Foundation
import SondeCore

/// What a `redis://[user:password@]host[:port][/db]` URL says, decoded once.
struct RedisEndpoint: Sendable {
    let host: String
    let port: Int
    let user: String?
    let password: String?
    let database: Int?

    init(url: URL) throws(FailureReason) {
        guard let host = url.host(percentEncoded: false), !host.isEmpty else {
            throw FailureReason(.config, "\(url.redactedDescription) has no host; write redis://host:6379")
        }
        self.host = host
        port = url.port ?? 6379
        let user = url.user(percentEncoded: false)
        self.user = user?.isEmpty == false ? user : nil
        password = url.password(percentEncoded: false)
        let path = url.path(percentEncoded: false).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if path.isEmpty {
            database = nil
        } else if let db = Int(path), db >= 0 {
            database = db
        } else {
            throw FailureReason(.config, "database '\(path)' must be a number (redis://host:6379/0)")
        }
    }

    /// The AUTH command for these credentials (the password travels only in the command).
    var authCommand: [String]? {
        guard let password else { return nil }
        if let user { return ["AUTH", user, password] }
        return ["AUTH", password]
    }
}
