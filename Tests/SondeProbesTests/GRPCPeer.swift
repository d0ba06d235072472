import Foundation
import Testing

/// The Python gRPC health server (Tests/Support/grpc_health_peer.py, grpcio and
/// grpcio-health-checking) on a free port of 127.0.0.1, whose statuses a test sets on its stdin.
struct GRPCPeer {
    let port: Int
    private let server: ServerProcess

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Support/grpc_health_peer.py").path

    /// `--serve NAME`, `--no-health`, `--cert F --key F`, as the script takes them.
    static func start(_ arguments: [String] = []) async throws -> GRPCPeer {
        guard let python = Executable.find("python3") else { throw ServerProcess.StartError(description: "python3 is not on PATH") }
        let server = try await ServerProcess.start(executable: python, arguments: ["-u", script] + arguments, readyLine: "listening on ")
        guard let port = server.readyLine.split(separator: " ").last.flatMap({ Int($0) }) else {
            await server.stop()
            throw ServerProcess.StartError(description: "the gRPC peer said '\(server.readyLine)', not its port")
        }
        return GRPCPeer(port: port, server: server)
    }

    /// `service` "" is the server as a whole; `status` SERVING, NOT_SERVING, SERVICE_UNKNOWN, UNKNOWN.
    func set(_ service: String, _ status: String) async throws {
        let name = service.isEmpty ? "-" : service
        try await server.send("set \(name) \(status)", awaiting: "status \(name) \(status)")
    }

    func stop() async {
        await server.stop()
    }

    /// Runs `body` with a peer, stopped afterwards whatever happens.
    static func with(_ arguments: [String] = [], _ body: (GRPCPeer) async throws -> Void) async throws {
        let peer = try await start(arguments)
        do {
            try await body(peer)
        } catch {
            await peer.stop()
            throw error
        }
        await peer.stop()
    }
}

enum GRPCPeerAvailability {
    /// python3 with grpcio and grpcio-health-checking; asked once, before any test runs.
    static let available = Executable.pythonImports("grpc, grpc_health.v1.health")

    static func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        PythonPeer.check(available, "the gRPC peer", lacking: "grpcio: pip install grpcio grpcio-health-checking", sourceLocation: sourceLocation)
    }
}

/// What the Python peers the tests start need of the machine (`Executable.pythonImports` asks).
enum PythonPeer {

    /// Records a failure naming the fix when the peer cannot run (only reached in CI).
    static func check(_ available: Bool, _ peer: String, lacking: String, sourceLocation: Testing.SourceLocation) -> Bool {
        if available { return true }
        Issue.record("\(peer) is required (SONDE_REQUIRE_SERVICES=1) but python3 lacks \(lacking)", sourceLocation: sourceLocation)
        return false
    }
}

/// A certificate for 127.0.0.1 that openssl makes for one test, valid `days` days, in a
/// folder removed by `remove()`.
struct TestCertificate {
    let folder: URL
    var certificate: String { folder.appendingPathComponent("cert.pem").path }
    var key: String { folder.appendingPathComponent("key.pem").path }

    static func make(commonName: String, days: Int) async throws -> TestCertificate {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-grpc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = TestCertificate(folder: folder)
        try await Executable.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                                      "-days", String(days), "-subj", "/CN=\(commonName)",
                                                      "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                                                      "-keyout", made.key, "-out", made.certificate])
        return made
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
