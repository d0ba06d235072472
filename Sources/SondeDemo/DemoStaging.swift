import Foundation
import Hummingbird
import Logging
import NIOCore
import SondeCore

/// A simulated staging on 127.0.0.1 (an ephemeral port): backend, auth and frontend health
/// endpoints and a WebSocket endpoint, behaving as `DemoScenario` says.
///
///   GET /backend/health      200 JSON with the postgres / redis / clickhouse latencies it "sees"
///   GET /backend/api/health  200, or 503 during the API outage
///   GET /backend/api/chat/init  a thread id (the journey's last step), 503 during the API outage
///   GET /auth/health         200 "healthy", slow for a stretch
///   GET /                    the frontend: a small HTML page
///   GET /ws (second port)    WebSocket: greets with {"type":"connect",...}, answers pings;
///                            rejects the upgrade with HTTP 500 during the WebSocket outage
public final class DemoStaging: Sendable {
    public let scenario: DemoScenario
    private let started = ContinuousClock.now
    private let postgres = WanderingLatency(typical: 101, spread: 18, seed: 0x5EED_0001)
    private let redis = WanderingLatency(typical: 18, spread: 4, seed: 0x5EED_0002)
    private let clickhouse = WanderingLatency(typical: 42, spread: 9, seed: 0x5EED_0003)
    private let ownDelay = WanderingLatency(typical: 24, spread: 8, seed: 0x5EED_0004)

    public init(scenario: DemoScenario = .standard) {
        self.scenario = scenario
    }

    var elapsed: Duration { ContinuousClock.now - started }

    /// Starts serving (HTTP on one port, the WebSocket endpoint on another); returns the ports
    /// once both listen. Cancelling `lifetime` (or ending the process) stops them.
    public func start() async throws -> (port: Int, webSocketPort: Int, lifetime: Task<Void, Never>) {
        let webSocket = try await DemoWebSocketServer.start { [self] in scenario.websocketRejects(at: elapsed) }
        let ready = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "sonde.demo")
        logger.logLevel = .critical
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "sonde-demo"),
            onServerRunning: { channel in ready.continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let lifetime = Task {
            do { try await app.runService(gracefulShutdownSignals: []) } catch { ready.continuation.finish() }
            try? await webSocket.close()
        }
        for await port in ready.stream where port > 0 { return (port, webSocket.localAddress?.port ?? 0, lifetime) }
        lifetime.cancel()
        throw DemoError.couldNotListen
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/backend/health") { [self] _, _ in
            try await Task.sleep(for: .milliseconds(ownDelay.next()))
            return Self.json(.ok, backendHealth())
        }
        router.get("/backend/api/health") { [self] _, _ in
            try await Task.sleep(for: .milliseconds(ownDelay.next() / 2))
            if scenario.apiUnavailable(at: elapsed) { return Self.json(.serviceUnavailable, #"{"status":"unavailable","reason":"upstream pool exhausted"}"#) }
            return Self.json(.ok, #"{"status":"ok"}"#)
        }
        router.get("/backend/api/chat/init") { [self] _, _ in
            try await Task.sleep(for: .milliseconds(ownDelay.next()))
            if scenario.apiUnavailable(at: elapsed) { return Self.json(.serviceUnavailable, #"{"status":"unavailable"}"#) }
            return Self.json(.ok, #"{"thread_id":"demo-thread-1","mode":"main"}"#)
        }
        router.get("/auth/health") { [self] _, _ in
            let slow = scenario.authSlow(at: elapsed)
            try await Task.sleep(for: .milliseconds(slow ? 340 + ownDelay.next() : 30 + ownDelay.next()))
            return Self.json(.ok, #"{"status":"healthy"}"#)
        }
        router.get("/") { [self] _, _ in
            try await Task.sleep(for: .milliseconds(ownDelay.next() / 3))
            return Response(status: .ok, headers: [.contentType: "text/html"],
                            body: .init(byteBuffer: ByteBuffer(string: "<html><title>Demo staging</title><body>demo frontend</body></html>")))
        }
        return router
    }

    func backendHealth() -> String {
        let checks = [("postgres", postgres.next()), ("redis", redis.next()), ("clickhouse", clickhouse.next())]
            .map { #""\#($0.0)":{"status":"connected","response_time_ms":\#($0.1)}"# }.joined(separator: ",")
        return #"{"status":"healthy","version":"\#(scenario.backendVersion(at: elapsed))","checks":{\#(checks)}}"#
    }

    static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

public enum DemoError: Error, CustomStringConvertible {
    case couldNotListen
    case cannotWriteReport(String)

    public var description: String {
        switch self {
        case .couldNotListen: "the demo staging could not listen on 127.0.0.1; is the loopback interface up?"
        case .cannotWriteReport(let path): "cannot write the demo's test report to \(path); is the temporary folder writable (TMPDIR)?"
        }
    }
}
