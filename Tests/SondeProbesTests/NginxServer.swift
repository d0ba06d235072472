import Foundation
import Testing

/// A Debian nginx of the test's own on 127.0.0.1: one TLS server offering HTTP/2 by ALPN
/// (`listen PORT ssl http2`, nginx 1.22's form), one TLS server offering HTTP/1.1 only, both
/// with a certificate the test made. One process (`master_process off`), so stopping it leaves
/// no worker holding the ports; `/health` answers JSON naming the protocol nginx saw, `/big` a
/// file larger than HTTP/2's default flow-control window.
struct NginxServer {
    static let path = "/usr/sbin/nginx"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: path) }
    static let bigBodyBytes = 3 << 20

    let http2Port: Int
    let http1Port: Int
    let certificate: TestCertificate
    private let process: ServerProcess

    /// Records a failure naming the fix when nginx is missing (reached only when CI requires it).
    static func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        if available { return true }
        Issue.record("nginx is required (SONDE_REQUIRE_SERVICES=1) but \(path) is missing: apt-get install nginx", sourceLocation: sourceLocation)
        return false
    }

    /// Ports are chosen at random and a taken one is tried again (nginx cannot report a port 0).
    static func start() async throws -> NginxServer {
        let certificate = try await TestCertificate.make(commonName: "h2.sonde.test", days: 30)
        let prefix = certificate.folder
        try Data(repeating: UInt8(ascii: "x"), count: bigBodyBytes).write(to: prefix.appendingPathComponent("big.bin"))
        var attempt = 0
        while true {
            attempt += 1
            let http2Port = Int.random(in: 40_000...49_999), http1Port = http2Port + 10_000
            let conf = prefix.appendingPathComponent("nginx-\(http2Port).conf")
            try config(prefix: prefix.path, certificate: certificate, http2Port: http2Port, http1Port: http1Port)
                .write(to: conf, atomically: true, encoding: .utf8)
            do {
                // getrlimit is logged after the listening sockets are bound: from then on they accept.
                let process = try await ServerProcess.start(executable: path, arguments: ["-p", prefix.path, "-e", "stderr", "-c", conf.path],
                                                            readyLine: "getrlimit")
                return NginxServer(http2Port: http2Port, http1Port: http1Port, certificate: certificate, process: process)
            } catch where attempt < 5 {
                continue
            }
        }
    }

    private static func config(prefix: String, certificate: TestCertificate, http2Port: Int, http1Port: Int) -> String {
        func server(_ listen: String) -> String {
            """
              server {
                listen \(listen);
                ssl_certificate \(certificate.certificate);
                ssl_certificate_key \(certificate.key);
                location = /health { default_type application/json; return 200 '{"status":"healthy","protocol":"$server_protocol"}'; }
                location = /big { default_type application/octet-stream; alias \(prefix)/big.bin; }
                location / { return 404; }
              }
            """
        }
        return """
        daemon off;
        master_process off;
        pid \(prefix)/nginx.pid;
        error_log stderr notice;
        events { worker_connections 64; }
        http {
          access_log off;
        \(server("127.0.0.1:\(http2Port) ssl http2"))
        \(server("127.0.0.1:\(http1Port) ssl"))
        }
        """
    }

    func stop() async {
        await process.stop()
        certificate.remove()
    }
}
