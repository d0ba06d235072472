import Dispatch
import Foundation
import NIOCore
import SondeCore
import Synchronization
import Testing
@testable import SondeProbes

/// A resolver that never answers some names must not delay or fail the names beside them. The
/// lookups here are stand-ins for getaddrinfo that block until the test ends, as a lookup sent
/// to a silent DNS server does; `DNSIsolationEndToEndTests` does the same with a real silent server.
@Suite("DNS lookups stuck on a silent server")
struct DNSIsolationTests {
    /// Lookups of names starting with "hang" block until `release()`; others answer 127.0.0.1 at once.
    final class SilentForSomeNames: Sendable {
        private let gate = DispatchSemaphore(value: 0)
        private let asked = Mutex<[String]>([])

        var lookup: LookupThreads.Lookup {
            { [self] name in
                asked.withLock { $0.append(name) }
                // Either spelling may be the one looked up: the resolver asks once for both.
                if name.lowercased().hasPrefix("hang") {
                    gate.wait()
                    gate.signal() // passes the release on to the next stuck lookup
                    return .failure(FailureReason(.dns, "released"))
                }
                return Result { try SocketAddress(ipAddress: "127.0.0.1", port: 0) }.mapError { FailureReason(.other, "\($0)") }
            }
        }

        /// How many getaddrinfo calls each name cost.
        func calls(_ name: String) -> Int { asked.withLock { $0.filter { $0 == name }.count } }
        func release() { gate.signal() }
    }

    private static func hostsFile(_ text: String) throws -> HostsFileCache {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-hosts-\(UUID().uuidString)").path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return HostsFileCache(path: path)
    }

    private static func resolveAll(_ names: [String], with resolver: HostResolver, timeout: Duration) async -> [String: Result<SocketAddress, FailureReason>] {
        let deadline = ContinuousClock.now + timeout
        return await withTaskGroup(of: (String, Result<SocketAddress, FailureReason>).self) { group in
            for name in names {
                group.addTask { (name, await resolver.resolve(host: name, port: 80, deadline: deadline, budget: timeout)) }
            }
            var out: [String: Result<SocketAddress, FailureReason>] = [:]
            for await (name, result) in group { out[name] = result }
            return out
        }
    }

    @Test func hungNamesTimeOutAtTheirDeadlineWhileHostsFileNamesLiteralsAndHealthyNamesAnswer() async throws {
        let server = SilentForSomeNames()
        defer { server.release() }
        let resolver = HostResolver(hostsFile: try Self.hostsFile("127.0.0.1 localhost\n::1 localhost ip6-localhost\n"),
                                    lookups: LookupThreads(limit: 16, lookup: server.lookup))
        let hung = (1...10).map { "hang-\($0).sonde.test" }
        let started = ContinuousClock.now
        let first = await Self.resolveAll(hung, with: resolver, timeout: .milliseconds(300))
        let elapsed = ContinuousClock.now - started
        for name in hung {
            #expect(first[name]?.failure?.message == "DNS lookup of \(name) timed out after 300ms")
            #expect(first[name]?.failure?.kind == .timeout)
        }
        #expect(elapsed < .milliseconds(300 + 250), "the waiters gave up at their deadline")

        // The ten lookups are still stuck on their threads; everything else answers at once.
        let healthy = ["localhost", "127.0.0.1", "[::1]", "good.sonde.test"]
        let beside = ContinuousClock.now
        let answers = await Self.resolveAll(healthy, with: resolver, timeout: .seconds(5))
        #expect(ContinuousClock.now - beside < .milliseconds(500))
        #expect(try answers["localhost"]?.get().ipAddress == "127.0.0.1")
        #expect(try answers["127.0.0.1"]?.get().port == 80)
        #expect(try answers["[::1]"]?.get().ipAddress == "::1")
        #expect(try answers["good.sonde.test"]?.get().port == 80, "a name the server does answer gets its own port")
        #expect(server.calls("localhost") == 0, "/etc/hosts names never go to the resolver")

        // A second round of the hung names joins the lookups under way instead of taking more threads.
        _ = await Self.resolveAll(hung, with: resolver, timeout: .milliseconds(100))
        #expect(hung.allSatisfy { server.calls($0) == 1 })
        #expect(resolver.lookups.running == 10)
    }

    @Test func pastTheThreadLimitANewNameIsRefusedAtOnceAndHostsFileNamesStillAnswer() async throws {
        let server = SilentForSomeNames()
        defer { server.release() }
        let resolver = HostResolver(hostsFile: try Self.hostsFile("127.0.0.1 localhost\n"),
                                    lookups: LookupThreads(limit: 4, lookup: server.lookup))
        _ = await Self.resolveAll((1...4).map { "hang-\($0).sonde.test" }, with: resolver, timeout: .milliseconds(100))

        let asked = ContinuousClock.now
        let refused = await resolver.resolve(host: "hang-5.sonde.test", port: 80, deadline: .now + .seconds(5), budget: .seconds(5))
        #expect(ContinuousClock.now - asked < .milliseconds(500), "refused, not queued behind lookups that may never end")
        #expect(refused.failure?.kind == .dns)
        #expect(refused.failure?.message == "DNS lookup of hang-5.sonde.test not started: 4 lookups are already waiting for the DNS server "
            + "(is the server in /etc/resolv.conf answering?)")
        #expect(server.calls("hang-5.sonde.test") == 0)
        let local = await resolver.resolve(host: "localhost", port: 6379, deadline: .now + .seconds(5), budget: .seconds(5))
        #expect(try local.get().port == 6379)
    }

    @Test func aLookupThatEndsFreesItsThreadAndAnswersEveryWaiter() async throws {
        let server = SilentForSomeNames()
        let resolver = HostResolver(hostsFile: try Self.hostsFile(""), lookups: LookupThreads(limit: 2, lookup: server.lookup))
        async let waiting = Self.resolveAll(["hang-1.sonde.test", "HANG-1.sonde.test"], with: resolver, timeout: .seconds(10))
        while server.calls("hang-1.sonde.test") + server.calls("HANG-1.sonde.test") == 0 { await Task.yield() }
        server.release()
        let answers = await waiting
        #expect(answers.count == 2)
        #expect(answers.values.allSatisfy { $0.failure?.message == "released" }, "the lookup's own answer, not a timeout")
        #expect(resolver.lookups.running == 0)
    }

    @Test func theHostsFileIsReadAgainWhenItChanges() async throws {
        let cache = try Self.hostsFile("127.0.0.7 svc.sonde.test # staging\n")
        #expect(cache.current.address(of: "SVC.sonde.test", port: 1)?.ipAddress == "127.0.0.7")
        try "127.0.0.8 other.sonde.test\n127.0.0.9\tsvc.sonde.test api\n".write(toFile: cache.path, atomically: true, encoding: .utf8)
        #expect(cache.current.address(of: "svc.sonde.test", port: 1)?.ipAddress == "127.0.0.9")
        #expect(cache.current.address(of: "api", port: 1)?.ipAddress == "127.0.0.9")
        #expect(cache.current.address(of: "staging", port: 1) == nil, "a comment names nothing")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { failure } else { nil }
    }
}
