import NIOCore
import PostgresNIO
import SondeCore

/// Turns what postgres-nio raises into a reason a person can act on. The server's SQLSTATE tells
/// a wrong password from a missing database; postgres-nio hides the server's text from
/// `description` (it may be sensitive), so the fields are read one by one.
enum PostgresFailure {
    static func classify(_ error: any Error, endpoint: PostgresEndpoint, phase: String, budget: Duration) -> FailureReason {
        guard let psql = error as? PSQLError else {
            return StreamFailure.classify(error, endpoint: endpoint.display, phase: phase, budget: budget)
        }
        switch psql.code {
        case .server:
            return serverError(psql, endpoint: endpoint, phase: phase)
        case .sslUnsupported:
            return FailureReason(.tls, "\(endpoint.display) does not support TLS, which tls: require asks for (use tls: prefer or disable)")
        case .authMechanismRequiresPassword:
            return FailureReason(.auth, "PostgreSQL asks user \(endpoint.user) for a password and the URL has none: postgres://\(endpoint.user):${PGPASSWORD}@…")
        case .unsupportedAuthMechanism, .saslError:
            return FailureReason(.auth, "PostgreSQL authentication of user \(endpoint.user) failed (\(psql.code))")
        case .serverClosedConnection, .uncleanShutdown:
            return FailureReason(.closed, "\(endpoint.display) closed the connection during \(phase)")
        case .messageDecodingFailure, .unexpectedBackendMessage, .receivedUnencryptedDataAfterSSLRequest:
            return FailureReason(.protocolError, "\(endpoint.display) does not speak the PostgreSQL protocol as expected (\(psql.code))")
        default:
            if let underlying = psql.underlying {
                return StreamFailure.classify(underlying, endpoint: endpoint.display, phase: phase, budget: budget)
            }
            return FailureReason(.other, "PostgreSQL error during \(phase) with \(endpoint.display): \(psql.code)")
        }
    }

    private static func serverError(_ error: PSQLError, endpoint: PostgresEndpoint, phase: String) -> FailureReason {
        let state = error.serverInfo?[.sqlState] ?? "?"
        let text = (error.serverInfo?[.message] ?? "no message").excerpt(160)
        switch state {
        case "28P01":
            return FailureReason(.auth, "PostgreSQL rejected the password for user \(endpoint.user) (28P01)")
        case "28000":
            return FailureReason(.auth, "PostgreSQL refused user \(endpoint.user): \(text) (28000)")
        case "3D000":
            return FailureReason(.config, "database \(endpoint.database ?? endpoint.user) does not exist on \(endpoint.display) (3D000): check the database in the URL")
        case "57P03":
            return FailureReason(.other, "PostgreSQL is starting up or shutting down and refuses connections (57P03)")
        case "53300":
            return FailureReason(.other, "PostgreSQL has no free connection slots (53300): \(text)")
        case "57014":
            return FailureReason(.timeout, "PostgreSQL cancelled the query (statement timeout, 57014)")
        default:
            let what = phase == PhaseTiming.query ? "the query failed" : "PostgreSQL refused the connection"
            return FailureReason(phase == PhaseTiming.query ? .assertion : .other, "\(what): \(text) (SQLSTATE \(state))")
        }
    }
}
