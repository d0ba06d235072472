import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import Synchronization

/// A real HTTP server on 127.0.0.1 (Hummingbird) with the routes the HTTP probe tests need.
/// Started once per test process on an ephemeral port.
enum HTTPTestServer {
    static let healthBody = #"{"status":"healthy","version":"1.4.2","checks":{"postgres":{"response_time_ms":101.46},"redis":{"response_time_ms":17.92}}}"#

    static func baseURL() async throws -> String {
        let port = try await shared.port()
        return "http://127.0.0.1:\(port)"
    }

    private static let shared = Runner()

    /// The `traceparent` headers the /trace routes received, by key (each test uses its own key).
    static let receivedTraceparents = Mutex<[String: [String]]>([:])

    static func traceparents(_ key: String) -> [String] {
        receivedTraceparents.withLock { $0[key] ?? [] }
    }

    private actor Runner {
        private var started: Int?
        private var starting: Task<Int, any Error>?

        func port() async throws -> Int {
            if let started { return started }
            if let starting { return try await starting.value }
            let task = Task { try await HTTPTestServer.start() }
            starting = task
            let port = try await task.value
            started = port
            return port
        }
    }

    private static func start() async throws -> Int {
        let router = Router()
        router.get("/health") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: healthBody)))
        }
        router.get("/degraded") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: #"{"status":"degraded","checks":{"postgres":{"response_time_ms":900}}}"#)))
        }
        router.get("/status/{code}") { _, context in
            let code = Int(context.parameters.get("code") ?? "") ?? 500
            return Response(status: .init(code: code), body: .init(byteBuffer: ByteBuffer(string: "status \(code)")))
        }
        router.get("/text") { _, _ in "all systems healthy" }
        router.get("/echo-path/**") { request, _ in request.uri.string }
        router.get("/not-json") { _, _ in "<html>oops</html>" }
        router.get("/big") { _, _ in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: 2 << 20)))
        }
        router.get("/echo-headers") { request, _ in
            let pairs = request.headers.map { "\"\($0.name.rawName)\":\"\($0.value)\"" }.joined(separator: ",")
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\(pairs)}")))
        }
        router.post("/echo-body") { request, _ in
            let body = try await request.body.collect(upTo: 1 << 16)
            return Response(status: .ok, body: .init(byteBuffer: body))
        }
        router.get("/loop") { _, _ in
            Response(status: .found, headers: [.location: "/loop"])
        }
        // What each request under /trace/KEY carried as `traceparent` ("" for none), in arrival order.
        router.get("/trace/{key}") { request, context in
            let key = context.parameters.get("key") ?? ""
            let header = request.headers.first { $0.name.canonicalName == "traceparent" }?.value ?? ""
            receivedTraceparents.withLock { $0[key, default: []].append(header) }
            return "recorded"
        }
        router.get("/trace-hop/{key}") { request, context in
            let key = context.parameters.get("key") ?? ""
            let header = request.headers.first { $0.name.canonicalName == "traceparent" }?.value ?? ""
            receivedTraceparents.withLock { $0[key, default: []].append(header) }
            return Response(status: .found, headers: [.location: "/trace/\(key)"])
        }
        router.get("/moved") { _, _ in
            Response(status: .movedPermanently, headers: [.location: "/health"])
        }
        let port = Mutex<Int?>(nil)
        let ready = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                if let p = channel.localAddress?.port { ready.continuation.yield(p) }
            }
        )
        Task { try await app.runService() }
        for await p in ready.stream {
            port.withLock { $0 = p }
            return p
        }
        throw CancellationError()
    }
}

/// A listener on 127.0.0.1 that completes TCP handshakes (the kernel does, from the backlog)
/// but never reads or answers: the way a hung server looks to a client.
final class SilentListener: Sendable {
    let port: Int
    private let fd: Int32

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        self.fd = fd
    }

    deinit { close(fd) }
}

/// A port on 127.0.0.1 that nothing listens on (bound, then released).
func closedLoopbackPort() throws -> Int {
    let listener = try SilentListener()
    return listener.port
}
