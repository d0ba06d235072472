import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A staging-like server on 127.0.0.1 for journeys: a login that hands out a token and a
/// session header, an endpoint that accepts only that token, and failing endpoints.
enum JourneyTestServer {
    static let token = "tok-Journey-4f2a9c"
    static let session = "sess-77d1"
    /// Plain on purpose: HTTPProbe sends `url.path` decoded, so an id with `/` or a space would not
    /// arrive as one segment (reported to the lead; the encoding itself is tested in SondeCoreTests).
    static let userID = "u-42"

    static func baseURL() async throws -> String {
        "http://127.0.0.1:\(try await shared.port())"
    }

    private static let shared = Runner()

    private actor Runner {
        private var starting: Task<Int, any Error>?

        func port() async throws -> Int {
            if let starting { return try await starting.value }
            let task = Task { try await JourneyTestServer.start() }
            starting = task
            return try await task.value
        }
    }

    private static func json(_ status: HTTPResponse.Status, _ body: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    private static func start() async throws -> Int {
        let router = Router()
        router.post("/login") { _, _ in
            var headers = HTTPFields()
            if let name = HTTPField.Name("X-Session") { headers[name] = session }
            return json(.ok, #"{"token":"\#(token)","user":{"id":"\#(userID)"}}"#, headers: headers)
        }
        router.get("/me/{id}") { request, context in
            let id = (context.parameters.get("id") ?? "").removingPercentEncoding
            let authorized = request.headers[.authorization] == "Bearer \(token)"
            let sessionName = HTTPField.Name("X-Session")
            let hasSession = sessionName.map { request.headers[$0] == session } ?? false
            guard authorized, hasSession else { return json(.unauthorized, #"{"error":"unauthorized"}"#) }
            return json(id == userID ? .ok : .notFound, #"{"id":"\#(id ?? "")"}"#)
        }
        router.get("/health") { _, _ in json(.ok, #"{"status":"healthy"}"#) }
        router.get("/status/{code}") { _, context in
            let code = Int(context.parameters.get("code") ?? "") ?? 500
            return Response(status: .init(code: code), body: .init(byteBuffer: ByteBuffer(string: "status \(code)")))
        }
        // Answers 500 and echoes the query, as a careless error page would: a token must not leak through it.
        router.get("/echo") { request, _ in
            Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "bad request: \(request.uri.query ?? "")")))
        }
        let ready = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                if let port = channel.localAddress?.port { ready.continuation.yield(port) }
            }
        )
        Task { try await app.runService() }
        for await port in ready.stream { return port }
        throw CancellationError()
    }
}
