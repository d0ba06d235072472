import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The servers `.ci/services/*.sh` start. A test that needs one skips locally when it is absent,
/// and fails in CI (SONDE_REQUIRE_SERVICES=1), where a missing server is a broken setup.
enum Service: String, CaseIterable, Sendable {
    case postgres, redis, clickhouse, websocket
    /// The same peer's wss port, with the certificate in `ciWork/websocket/cert.pem`.
    case websocketTLS = "websocket-tls"

    var port: Int {
        switch self {
        case .postgres: 55432
        case .redis: 56379
        case .clickhouse: 58123
        case .websocket: 58765
        case .websocketTLS: 58766
        }
    }

    var startCommand: String { "bash .ci/services/\(self == .websocketTLS ? "websocket" : rawValue).sh start" }

    /// Where the service scripts keep their data (SONDE_CI_WORK, else .ci/work in the checkout).
    static var ciWork: URL {
        if let path = ProcessInfo.processInfo.environment["SONDE_CI_WORK"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: ".ci/work")
    }

    static var required: Bool { ProcessInfo.processInfo.environment["SONDE_REQUIRE_SERVICES"] == "1" }

    /// Something accepts TCP connections on 127.0.0.1:port.
    var isRunning: Bool { LoopbackPort.accepts(port) }

    /// The trait condition: run when the server is here, or when CI requires it (then it fails loudly).
    var shouldRun: Bool { isRunning || Self.required }

    var skipComment: Comment { "\(rawValue) is not running on 127.0.0.1:\(port); start it with `\(startCommand)`" }

    /// Records a failure naming the fix when the server is missing (only reached in CI).
    func check(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if isRunning { return true }
        Issue.record("\(rawValue) is required (SONDE_REQUIRE_SERVICES=1) but not running on 127.0.0.1:\(port): \(startCommand)", sourceLocation: sourceLocation)
        return false
    }
}

enum LoopbackPort {
    /// A blocking connect to 127.0.0.1: quick on loopback, used only to decide whether to skip.
    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }
}
