import NIOSSL
import PostgresNIO
import SondeCore

/// libpq's `sslmode` values as postgres-nio expresses them. `prefer` and `require` encrypt without
/// checking the certificate (as libpq does without a root certificate); `verify-full` checks the
/// chain against the system trust store and the host name.
enum PostgresTLS {
    static func configuration(_ mode: PostgresTLSMode) -> Result<PostgresConnection.Configuration.TLS, FailureReason> {
        guard mode != .disable else { return .success(.disable) }
        var tls = TLSConfiguration.makeClientConfiguration()
        if mode != .verifyFull { tls.certificateVerification = .none }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            return .failure(FailureReason(.tls, "cannot set up TLS for PostgreSQL: \(error)"))
        }
        return .success(mode == .prefer ? .prefer(context) : .require(context))
    }
}
