import NIOCore
import PostgresNIO
import SondeCore

/// `postgres: postgres://user:${PGPASSWORD}@host:5432/db`: connect (timed alone), TLS and
/// authentication (timed as `auth`), then `SELECT 1` or the configured `query:` (the latency).
/// The probe opens the socket itself and hands it to postgres-nio, so the connect time is the
/// socket's and one deadline (closing that socket) bounds everything: `query()` cannot be cancelled.
public struct PostgresProbe: Probe {
    public let spec: PostgresSpec
    private let tls: Result<PostgresConnection.Configuration.TLS, FailureReason>

    public init(spec: PostgresSpec) {
        self.spec = spec
        // The TLS context loads the trust store once, not on every probe.
        tls = PostgresTLS.configuration(spec.tls)
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        let budget = deadline - ContinuousClock.now
        let endpoint: PostgresEndpoint
        let tls: PostgresConnection.Configuration.TLS
        let connected: StreamConnector.Connected
        do {
            endpoint = try PostgresEndpoint(url: spec.url)
            tls = try self.tls.get()
            connected = try await StreamConnector.open(host: endpoint.host, port: endpoint.port, deadline: deadline)
        } catch {
            return .failed(error)
        }
        var phases = connected.phases
        let guardrail = ChannelDeadline(channel: connected.channel, deadline: deadline)
        defer { guardrail.cancel() }

        var configuration = PostgresConnection.Configuration(
            establishedChannel: connected.channel, tls: tls,
            username: endpoint.user, password: endpoint.password, database: endpoint.database
        )
        configuration.options.tlsServerName = endpoint.host.isIPAddress ? nil : endpoint.host
        var phase = PhaseTiming.auth
        // postgres-nio asserts that every connection is closed before it is released, on every path.
        var opened: PostgresConnection?
        do {
            let authStarted = ContinuousClock.now
            let connection = try await PostgresConnection.connect(
                on: connected.channel.eventLoop, configuration: configuration, id: 1, logger: Self.logger
            ).get()
            opened = connection
            phases.append(PhaseTiming(PhaseTiming.auth, ContinuousClock.now - authStarted))
            phase = PhaseTiming.query
            let queryStarted = ContinuousClock.now
            var rows = 0
            for try await _ in try await connection.query(PostgresQuery(unsafeSQL: spec.query), logger: Self.logger) {
                rows += 1
            }
            // Socket-level when known: from sending the query to the last bytes of its result.
            let queryTime = connected.wire.responseTime ?? ContinuousClock.now - queryStarted
            phases.append(PhaseTiming(PhaseTiming.query, queryTime))
            try? await connection.close()
            return ProbeOutcome(latency: queryTime, phases: phases, message: rows == 1 ? "1 row" : "\(rows) rows")
        } catch {
            connected.channel.close(promise: nil)
            try? await opened?.close()
            // Closed by our own deadline: a timeout, whatever postgres-nio called it.
            if guardrail.hasPassed { return .failed(.timeout(after: budget, during: phase), phases: phases) }
            return .failed(PostgresFailure.classify(error, endpoint: endpoint, phase: phase, budget: budget), phases: phases)
        }
    }

    /// postgres-nio logs through swift-log; the dashboard owns the terminal, so only critical lines.
    private static let logger: Logger = {
        var logger = Logger(label: "sonde.postgres")
        logger.logLevel = .critical
        return logger
    }()
}
