import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A real Prometheus (Debian's `prometheus` package) started by a test, with a config the test
/// writes, on a free port of 127.0.0.1, its data in the test's scratch folder.
struct PrometheusServer {
    static var executable: URL? {
        ["/usr/bin/prometheus", "/usr/local/bin/prometheus"].map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// In CI (SONDE_REQUIRE_SERVICES=1) a missing Prometheus is a broken setup, not a skip.
    static var required: Bool { ProcessInfo.processInfo.environment["SONDE_REQUIRE_SERVICES"] == "1" }
    static var shouldRun: Bool { executable != nil || required }

    let process: LongRunningProcess
    let port: Int
    var url: String { "http://127.0.0.1:\(port)" }

    static func start(config: String, in directory: URL) async throws -> PrometheusServer {
        let executable = try #require(executable, "prometheus is not installed: apt-get install prometheus")
        let file = directory.appendingPathComponent("prometheus.yml")
        try config.write(to: file, atomically: true, encoding: .utf8)
        let port = try FreePort.pick()
        let process = try LongRunningProcess(executable: executable, arguments: [
            "--config.file=\(file.path)", "--storage.tsdb.path=\(directory.appendingPathComponent("tsdb").path)",
            "--web.listen-address=127.0.0.1:\(port)", "--log.level=info",
        ])
        _ = try await process.waitFor("Server is ready to receive web requests", within: 60)
        return PrometheusServer(process: process, port: port)
    }

    /// One series of an instant query's answer: its labels and value.
    struct Sample: Equatable {
        var labels: [String: String]
        var value: String
    }

    /// `/api/v1/query`: the vector it answers (empty until a scrape has stored something).
    func query(_ promql: String) async throws -> [Sample] {
        var components = try #require(URLComponents(string: url + "/api/v1/query"))
        components.queryItems = [URLQueryItem(name: "query", value: promql)]
        let (data, _) = try await URLSession.shared.data(from: try #require(components.url))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let result = (json["data"] as? [String: Any])?["result"] as? [[String: Any]] ?? []
        return result.compactMap { series in
            guard let labels = series["metric"] as? [String: String], let value = (series["value"] as? [Any])?.last as? String else { return nil }
            return Sample(labels: labels, value: value)
        }
    }

    /// Polls a query until `accept` holds for its answer, within a deadline (Prometheus scrapes
    /// on its own clock: there is no event to wait for, only an answer to look at again).
    func await(_ promql: String, within seconds: Double = 60, until accept: ([Sample]) -> Bool) async throws -> [Sample] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        var last: [Sample] = []
        while ContinuousClock.now < deadline {
            last = try await query(promql)
            if accept(last) { return last }
            try await Task.sleep(for: .milliseconds(250))
        }
        Issue.record("\(promql): no acceptable answer within \(seconds)s; last: \(last)")
        return last
    }

    func stop() async { _ = await process.stop(signal: SIGKILL) }
}

enum FreePort {
    struct Failed: Error {}

    /// A port nothing listens on now: bound to port 0, read back, released.
    static func pick() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failed() }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failed() }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
