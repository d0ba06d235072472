import ArgumentParser
import SondeCore
import SondeMetrics
import SondeSession

/// `--metrics HOST:PORT`, shared by `watch` and `agent`: serve /metrics and /probe for Prometheus.
struct MetricsOptions: ParsableArguments {
    @Option(name: .customLong("metrics"), help: ArgumentHelp(
        "Serve Prometheus metrics (/metrics, /probe?target=NAME) on this address, like 127.0.0.1:9464 or :9464.",
        valueName: "host:port"))
    var text: String?

    func validate() throws {
        guard let text else { return }
        do {
            _ = try MetricsAddress(parsing: text)
        } catch {
            throw ValidationError("--metrics: \(error.description)")
        }
    }

    var address: MetricsAddress? { text.flatMap { try? MetricsAddress(parsing: $0) } }

    /// Starts serving the session's store, or says why not and exits 2 (a port in use, say).
    func start(for session: Session) async throws -> MetricsServer.Running? {
        guard let address else { return nil }
        let server = MetricsServer(
            labels: ExportLabels(config: session.config),
            onDemand: ProbeOnDemand(config: session.config, factory: session.probing.factory),
            observations: { session.store.current() }
        )
        do {
            return try await server.start(on: address)
        } catch {
            StandardError.print("sonde: \(error.description)")
            throw ExitCode(2)
        }
    }
}
