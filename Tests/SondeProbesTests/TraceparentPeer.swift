import Foundation
import Testing

/// Tests/Support/traceparent_ws_peer.py (Python `websockets`) on a free port of 127.0.0.1: its
/// first message on every connection is the `traceparent` the upgrade request carried.
struct TraceparentPeer {
    let port: Int
    private let server: ServerProcess

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Support/traceparent_ws_peer.py").path

    /// Runs `body` with a peer, stopped afterwards whatever happens.
    static func with(_ body: (TraceparentPeer) async throws -> Void) async throws {
        guard let python = Executable.find("python3") else { throw ServerProcess.StartError(description: "python3 is not on PATH") }
        let server = try await ServerProcess.start(executable: python, arguments: ["-u", script], readyLine: "listening on ")
        guard let port = server.readyLine.split(separator: " ").last.flatMap({ Int($0) }) else {
            await server.stop()
            throw ServerProcess.StartError(description: "the WebSocket peer said '\(server.readyLine)', not its port")
        }
        do {
            try await body(TraceparentPeer(port: port, server: server))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// python3 with `websockets`; asked once, before any test runs.
    static let available = Executable.pythonImports("websockets.asyncio.server")

    static func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        PythonPeer.check(available, "the WebSocket trace peer", lacking: "websockets: apt-get install python3-websockets", sourceLocation: sourceLocation)
    }
}
