import Foundation
import SondeCore
import Testing
@testable import SondeProbes

#if canImport(Glibc)
import Glibc
#endif

/// A dnsmasq of the test's own on a loopback port, with the records the test writes.
@Suite("DNS probe against dnsmasq on loopback", .serialized, .enabled(if: DNSTests.available || Service.required))
struct DNSProbeTests {
    static let bigText = String(repeating: "x", count: 250)

    /// A random port can be taken (it lies in the kernel's ephemeral range): a dnsmasq that
    /// cannot bind exits at once, and the next port is tried.
    private func withDnsmasq(_ body: (Int) async throws -> Void) async throws {
        var attempt = 0
        while true {
            attempt += 1
            let port = Int.random(in: 40_000...49_999)
            let server: ServerProcess
            do {
                server = try await ServerProcess.start(executable: DNSTests.dnsmasq, arguments: Self.arguments(port: port), readyLine: "started, version")
            } catch where attempt < 5 {
                continue
            }
            defer { Task { await server.stop() } }
            try await body(port)
            await server.stop()
            return
        }
    }

    private static func arguments(port: Int) -> [String] {
        var arguments = ["--keep-in-foreground", "--no-daemon", "--no-resolv", "--no-hosts", "--bind-interfaces", "--user=root",
                         "--listen-address=127.0.0.1", "--port=\(port)", "--pid-file=", "--log-facility=-", "--local=/sonde.test/",
                         "--address=/api.sonde.test/10.0.0.1", "--host-record=multi.sonde.test,10.0.0.2",
                         "--mx-host=sonde.test,mail.sonde.test,10", "--cname=www.sonde.test,api.sonde.test",
                         "--srv-host=_http._tcp.sonde.test,api.sonde.test,8080,1,5", "--txt-record=note.sonde.test,hello sonde"]
        // More than 1232 bytes of TXT: the UDP answer is truncated and the probe asks again over TCP.
        for index in 0..<8 { arguments.append("--txt-record=big.sonde.test,\(index)\(Self.bigText)") }
        return arguments
    }

    private func probe(_ name: String, _ type: DNSRecordType = .a, port: Int, expect: DNSExpectations = DNSExpectations()) async -> ProbeOutcome {
        await DNSProbe(spec: DNSSpec(name: name, type: type, server: DNSServer(host: "127.0.0.1", port: port), expect: expect)).run(within: .seconds(2))
    }

    @Test func answersAndLookupTime() async throws {
        guard DNSTests.check() else { return }
        try await withDnsmasq { port in
            let a = await probe("api.sonde.test", port: port, expect: DNSExpectations(answers: ["10.0.0.1"]))
            #expect(a.failure == nil)
            #expect(a.message == "NOERROR over UDP, 1 answer: 10.0.0.1")
            #expect(a.phase(PhaseTiming.query) != nil)
            let mx = await probe("sonde.test", .mx, port: port, expect: DNSExpectations(answers: ["10 Mail.Sonde.Test"]))
            #expect(mx.failure == nil, "\(String(describing: mx.failure))")
            let srv = await probe("_http._tcp.sonde.test", .srv, port: port)
            #expect(srv.message?.contains("1 5 8080 api.sonde.test.") == true, "\(srv.message ?? "")")
            let txt = await probe("note.sonde.test", .txt, port: port, expect: DNSExpectations(answers: ["hello sonde"]))
            #expect(txt.failure == nil)
        }
    }

    @Test func wrongAnswerNXDOMAINAndTruncation() async throws {
        guard DNSTests.check() else { return }
        try await withDnsmasq { port in
            let wrong = await probe("api.sonde.test", port: port, expect: DNSExpectations(answers: ["10.9.9.9"]))
            #expect(wrong.failure == FailureReason(.assertion, "A api.sonde.test: expected 10.9.9.9 among the answers, got 10.0.0.1"))
            let missing = await probe("nothing.sonde.test", port: port)
            #expect(missing.failure == FailureReason(.dns, "A nothing.sonde.test: expected NOERROR, got NXDOMAIN"))
            let gone = await probe("nothing.sonde.test", port: port, expect: DNSExpectations(rcode: "NXDOMAIN"))
            #expect(gone.failure == nil)
            let big = await probe("big.sonde.test", .txt, port: port, expect: DNSExpectations(minAnswers: 8))
            #expect(big.failure == nil, "\(String(describing: big.failure))")
            #expect(big.message?.hasPrefix("NOERROR over TCP, 8 answers") == true, "\(big.message ?? "")")
            #expect(big.phase("tcp_query") != nil)
        }
    }

    @Test func nobodyListeningAndSilentServer() async throws {
        // A UDP socket that is bound and never read: the query goes nowhere.
        let silent = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(silent) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(silent, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(silent, $0, &length) } }
        let silentPort = Int(UInt16(bigEndian: address.sin_port))
        let started = ContinuousClock.now
        let timedOut = await DNSProbe(spec: DNSSpec(name: "api.sonde.test", server: DNSServer(host: "127.0.0.1", port: silentPort))).run(within: .milliseconds(400))
        #expect(timedOut.failure == FailureReason(.timeout, "timed out after 400ms during the UDP query to 127.0.0.1:\(silentPort)"))
        #expect(ContinuousClock.now - started < .seconds(2))

        close(silent)
        let refused = await DNSProbe(spec: DNSSpec(name: "api.sonde.test", server: DNSServer(host: "127.0.0.1", port: silentPort))).run(within: .seconds(1))
        #expect(refused.failure == FailureReason(.refused, "no DNS server on 127.0.0.1:\(silentPort) (port unreachable): is it running?"))
    }
}

enum DNSTests {
    static let dnsmasq = "/usr/sbin/dnsmasq"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: dnsmasq) }

    static func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        if available { return true }
        Issue.record("dnsmasq is required (SONDE_REQUIRE_SERVICES=1) but \(dnsmasq) is missing: apt-get install dnsmasq-base", sourceLocation: sourceLocation)
        return false
    }
}
