import SondeCore
import Testing
@testable import SondeProbes

@Suite("TCP probe")
struct TCPProbeTests {
    @Test("an open port reports its connect time")
    func open() async throws {
        let listener = try await NeverAnsweringListener.start()
        defer { Task { await listener.stop() } }
        let outcome = await TCPProbe(spec: TCPSpec(host: "127.0.0.1", port: listener.port)).run(within: .seconds(2))
        #expect(outcome.failure == nil)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.connect])
        #expect(outcome.latency != nil)
    }

    @Test("a host name is looked up and timed apart from the connect")
    func hostName() async throws {
        let listener = try await NeverAnsweringListener.start()
        defer { Task { await listener.stop() } }
        let outcome = await TCPProbe(spec: TCPSpec(host: "localhost", port: listener.port)).run(within: .seconds(2))
        #expect(outcome.failure == nil)
        #expect(outcome.phases.map(\.name) == [PhaseTiming.dns, PhaseTiming.connect])
        #expect(outcome.latency == outcome.phase(PhaseTiming.connect))
    }

    @Test("a closed port is refused")
    func refused() async throws {
        let refusing = try RefusingPort()
        let port = refusing.port
        let outcome = await TCPProbe(spec: TCPSpec(host: "127.0.0.1", port: port)).run(within: .seconds(2))
        withExtendedLifetime(refusing) {}
        #expect(outcome.failure?.kind == .refused)
    }
}
