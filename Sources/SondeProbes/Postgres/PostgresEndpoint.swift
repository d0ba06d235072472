import Foundation
import SondeCore

/// What a `postgres://user:password@host:5432/db` URL says, decoded once.
struct PostgresEndpoint: Sendable {
    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String?

    init(url: URL) throws(FailureReason) {
        guard let host = url.host(percentEncoded: false), !host.isEmpty else {
            throw FailureReason(.config, "\(url.redactedDescription) has no host; write postgres://user@host:5432/db")
        }
        guard let user = url.user(percentEncoded: false), !user.isEmpty else {
            throw FailureReason(.config, "\(url.redactedDescription) has no user; write postgres://user:${PGPASSWORD}@host:5432/db")
        }
        self.host = host
        port = url.port ?? 5432
        self.user = user
        password = url.password(percentEncoded: false)
        let path = url.path(percentEncoded: false).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        database = path.isEmpty ? nil : path
    }

    var display: String { StreamEndpoint.display(host: host, port: port) }
}
