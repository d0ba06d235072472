import Foundation
import Testing

/// A private Python `websockets` peer (Tests/Support/ws_peer.py) on free ports of 127.0.0.1,
/// for a test that needs a wss server with a certificate of its own (the shared CI peer has one
/// certificate for every test).
struct WebSocketPeer {
    let port: Int
    let tlsPort: Int
    private let server: ServerProcess

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Support/ws_peer.py").path

    /// python3 with `websockets`; asked once, before any test runs.
    static let available = Executable.pythonImports("websockets.asyncio.server")

    static func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        if available { return true }
        Issue.record("the WebSocket peer is required (SONDE_REQUIRE_SERVICES=1) but python3 lacks websockets: pip install websockets",
                     sourceLocation: sourceLocation)
        return false
    }

    /// Runs `body` with a peer serving wss with this certificate, stopped afterwards whatever happens.
    static func with(certificate: String, key: String, clientCA: String? = nil, _ body: (WebSocketPeer) async throws -> Void) async throws {
        guard let python = Executable.find("python3") else { throw ServerProcess.StartError(description: "python3 is not on PATH") }
        let server = try await ServerProcess.start(executable: python, arguments: [
            "-u", script, "--port", "0", "--tls-port", "0", "--cert", certificate, "--key", key,
        ] + (clientCA.map { ["--client-ca", $0] } ?? []), readyLine: "ws_peer listening on ")
        let ports = server.readyLine.split(separator: " ").suffix(2).compactMap { Int($0) }
        guard ports.count == 2 else {
            await server.stop()
            throw ServerProcess.StartError(description: "the WebSocket peer said '\(server.readyLine)', not its ports")
        }
        let peer = WebSocketPeer(port: ports[0], tlsPort: ports[1], server: server)
        do {
            try await body(peer)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
