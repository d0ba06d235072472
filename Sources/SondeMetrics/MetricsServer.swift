import Foundation
import Hummingbird
import Logging
import NIOCore
import SondeCore

/// The HTTP endpoint Prometheus scrapes: `/metrics` (the store at scrape time), `/probe`
/// (blackbox's multi-target pattern) and a small index page at `/`.
public struct MetricsServer: Sendable {
    public let labels: ExportLabels
    public let onDemand: ProbeOnDemand
    /// Reads the store without marking its changes seen (`ObservationStore.current`).
    public let observations: @Sendable () -> Observations

    public init(labels: ExportLabels, onDemand: ProbeOnDemand, observations: @escaping @Sendable () -> Observations) {
        self.labels = labels
        self.onDemand = onDemand
        self.observations = observations
    }

    /// Why the server could not start, said with the address so a person can pick another.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// A running server: the port it bound, and the task that serves until cancelled.
    public struct Running: Sendable {
        public let address: MetricsAddress
        public let lifetime: Task<Void, Never>

        public var url: String {
            let host = address.host == "0.0.0.0" ? "127.0.0.1" : address.host
            return "http://\(MetricsAddress(host: host, port: address.port))"
        }

        public func stop() async {
            lifetime.cancel()
            await lifetime.value
        }
    }

    /// Binds and starts serving; returns once the socket listens, or throws why it cannot.
    public func start(on address: MetricsAddress) async throws(StartError) -> Running {
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        var logger = Logger(label: "sonde.metrics")
        logger.logLevel = .critical
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "sonde"),
            onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? address.port)) },
            logger: logger
        )
        let lifetime = Task {
            do {
                try await app.runService(gracefulShutdownSignals: [])
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .success(let port):
                return Running(address: MetricsAddress(host: address.host, port: port), lifetime: lifetime)
            case .failure(let error):
                throw StartError(description: "cannot serve metrics on \(address): \(Self.explain(error))")
            }
        }
        throw StartError(description: "cannot serve metrics on \(address): the server stopped before it listened")
    }

    private static func explain(_ error: any Error) -> String {
        if let io = error as? IOError {
            switch io.errnoCode {
            case EADDRINUSE: return "the port is in use (pick another with --metrics HOST:PORT)"
            case EADDRNOTAVAIL: return "no interface here has that address"
            case EACCES: return "permission denied (ports below 1024 need privileges)"
            default: return "\(io)"
            }
        }
        return "\(error)"
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/metrics") { request, _ in
            let format = ExpositionFormat.negotiate(accept: request.headers[.accept])
            return Self.page(MetricsPage.render(observations(), labels: labels, format: format), format: format)
        }
        router.get("/probe") { request, _ in
            let format = ExpositionFormat.negotiate(accept: request.headers[.accept])
            let name = QueryParameters.value(of: "target", in: request.uri.query)
            let timeout = request.headers.first { $0.name.rawName.lowercased() == "x-prometheus-scrape-timeout-seconds" }.flatMap { Double($0.value) }
            switch await onDemand.run(target: name, scrapeTimeout: timeout.map { .milliseconds(Int64($0 * 1000)) }, redactor: labels.redactor) {
            case .success(let result):
                return Self.page(ProbeOnDemand.page(result, format: format), format: format)
            case .failure(let error):
                return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: error.description + "\n")))
            }
        }
        router.get("/") { _, _ in
            let html = """
            <html><head><title>Sonde</title></head><body><h1>Sonde</h1>
            <p><a href="/metrics">/metrics</a>: every target, as Sonde last saw it.</p>
            <p>/probe?target=NAME: probe one target now (blackbox_exporter's multi-target pattern).</p>
            </body></html>
            """
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
        }
        return router
    }

    static func page(_ bytes: [UInt8], format: ExpositionFormat) -> Response {
        Response(status: .ok, headers: [.contentType: format.contentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
