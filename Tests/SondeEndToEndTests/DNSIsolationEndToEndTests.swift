import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue #12: ten targets on a silent DNS server made `localhost` and `tcp localhost:PORT`
/// targets fail with "timed out after 1000ms during DNS lookup of localhost". Here the real
/// binary runs in a private mount namespace (`unshare -m`) whose /etc/resolv.conf names a
/// server that reads queries and never answers; every kind has a target on it, beside healthy
/// targets reached through /etc/hosts and an IP literal.
@Suite("DNS isolation, end to end")
struct DNSIsolationEndToEndTests {
    static let unshare = URL(fileURLWithPath: "/usr/bin/unshare")
    static var required: Bool { ProcessInfo.processInfo.environment["SONDE_REQUIRE_SERVICES"] == "1" }
    static var canRun: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: unshare.path) }

    /// The ten targets behind the silent server, one or more of every kind.
    static func silentTargets(port: Int) -> [(name: String, yaml: String)] {
        [
            ("http", "http: http://hang-1.sonde.test:\(port)/echo"),
            ("https", "http: https://hang-2.sonde.test:\(port)/echo"),
            ("tcp", "tcp: hang-3.sonde.test:\(port)"),
            ("tcp-2", "tcp: hang-4.sonde.test:\(port)"),
            ("websocket", "websocket: ws://hang-5.sonde.test:\(port)/ws"),
            ("postgres", "postgres: postgres://sonde@hang-6.sonde.test:\(port)/db"),
            ("redis", "redis: redis://hang-7.sonde.test:\(port)"),
            ("clickhouse", "clickhouse: http://hang-8.sonde.test:\(port)"),
            ("http-3", "http: http://hang-9.sonde.test:\(port)/echo"),
            ("tcp-5", "tcp: hang-10.sonde.test:\(port)"),
        ]
    }

    @Test(.enabled(if: canRun || required, "needs root and unshare (util-linux) for a private mount namespace"))
    func aSilentResolverCostsOnlyItsOwnTargetsATimeout() async throws {
        try #require(Self.canRun, "DNS isolation must run here (SONDE_REQUIRE_SERVICES=1) but needs root and /usr/bin/unshare")
        let resolver = try SilentResolver.start()
        defer { resolver.stop() }
        let server = try await EchoServer.start()
        defer { server.task.cancel() }

        let directory = try ScratchDirectory.make("dns")
        defer { ScratchDirectory.remove(directory) }
        // timeout:30 attempts:1: each stuck lookup holds its thread for the whole run, as a server
        // that never answers does.
        let resolvConf = directory.appendingPathComponent("resolv.conf")
        try "nameserver \(resolver.address)\noptions timeout:30 attempts:1\n".write(to: resolvConf, atomically: true, encoding: .utf8)
        let silent = Self.silentTargets(port: server.port)
        let healthy = [
            ("local-http", "http: http://localhost:\(server.port)/echo"),
            ("local-tcp", "tcp: localhost:\(server.port)"),
            ("literal-tcp", "tcp: 127.0.0.1:\(server.port)"),
        ]
        let targets = (silent + healthy).map { "  - name: \($0.0)\n    \($0.1)" }.joined(separator: "\n")
        let config = directory.appendingPathComponent("sonde.yml")
        try "interval: 1s\ntimeout: 1000ms\ntargets:\n\(targets)\n".write(to: config, atomically: true, encoding: .utf8)

        let started = ContinuousClock.now
        let script = #"mount --bind "$0" /etc/resolv.conf && exec "$@""#
        let output = try await SondeProcess.run(
            executable: Self.unshare,
            ["-m", "sh", "-c", script, resolvConf.path, try SondeProcess.binary.path, "check", config.path, "--rounds", "2", "--json", "-", "--no-history"]
        )
        let elapsed = ContinuousClock.now - started
        #expect(output.status == 1, "some targets are down: \(output.stderr.prefix(600))")
        let parsed = try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        let document = try #require(parsed as? [String: Any], "no JSON report: \(output.all.prefix(600))")
        let rows = try #require(document["targets"] as? [[String: Any]])
        let byName = Dictionary(rows.compactMap { row in (row["name"] as? String).map { ($0, row) } }, uniquingKeysWith: { a, _ in a })

        for (index, target) in silent.enumerated() {
            let row = try #require(byName[target.name], "no row for \(target.name)")
            #expect(row["status"] as? String == "down", "\(target.name)")
            #expect(row["reason"] as? String == "DNS lookup of hang-\(index + 1).sonde.test timed out after 1s", "\(target.name)")
            #expect(row["failures"] as? Int == 2, "\(target.name)")
        }
        for (name, _) in healthy {
            let row = try #require(byName[name], "no row for \(name)")
            #expect(row["status"] as? String == "up", "\(name): \(String(describing: row["reason"]))")
            #expect(row["failures"] as? Int == 0, "\(name)")
            // A bound, not a timing: nothing healthy waited anywhere near the silent targets' 1 s.
            #expect((row["p99_ms"] as? Double ?? 9_999) < 500, "\(name)")
        }
        #expect(resolver.queriesReceived > 0, "the lookups went to the silent server, inside the namespace")
        #expect(elapsed < .seconds(10), "two rounds a second apart, each bounded by its 1 s deadline")
    }
}
