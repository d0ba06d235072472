import Foundation
import NIOCore
import SondeCore

/// `dns: name`: one query, UDP first and TCP when the answer comes back truncated; judged by the
/// response code and the answers. The answers show in the detail view as dig prints them.
public struct DNSProbe: Probe {
    public let spec: DNSSpec

    public init(spec: DNSSpec) {
        self.spec = spec
    }

    public func run(deadline: ContinuousClock.Instant) async -> ProbeOutcome {
        let start = ContinuousClock.now
        guard let server = spec.server ?? ResolvConf.systemNameserver().map({ DNSServer(host: $0) }) else {
            return .failed(FailureReason(.config, "no server: and no nameserver in \(ResolvConf.path); name one with server: host:port"))
        }
        let display = server.display
        let address: SocketAddress
        switch await HostResolver.system.resolve(host: server.host, port: server.port, deadline: deadline, budget: deadline - start) {
        case .success(let a): address = a
        case .failure(let reason): return .failed(reason)
        }
        let query = DNSQuery(id: UInt16.random(in: 0...UInt16.max), name: spec.name, type: spec.type)
        var phases: [PhaseTiming] = []
        var exchange: DNSTransport.Exchange
        switch await DNSTransport.udp(query, to: address, display: display, deadline: deadline) {
        case .success(let e): exchange = e
        case .failure(let reason): return .failed(reason)
        }
        phases += exchange.phases
        var transport = "UDP"
        if exchange.response.truncated {
            switch await DNSTransport.tcp(query, host: server.host, port: server.port, display: display, deadline: deadline) {
            case .success(let e): exchange = e
            case .failure(let reason):
                return .failed(FailureReason(reason.kind, "the UDP answer was truncated and TCP failed: \(reason.message)"), phases: phases)
            }
            phases += exchange.phases
            transport = "TCP"
        }
        let took = ContinuousClock.now - start
        phases.append(PhaseTiming(PhaseTiming.total, took))
        let response = exchange.response
        let data = response.answers.filter { $0.type == spec.type.code }.map(\.data)
        let message = "\(response.rcodeName) over \(transport), \(response.answers.count) answer\(response.answers.count == 1 ? "" : "s")"
            + (response.answers.isEmpty ? "" : ": " + response.answers.map(\.data).joined(separator: ", "))
        var outcome = ProbeOutcome(latency: took, phases: phases, message: message.excerpt(400))
        outcome.failure = DNSAnswerCheck.mismatch(spec: spec, response: response, answers: data)
        return outcome
    }
}

/// What `expect:` asks of a response; nil when it is met.
enum DNSAnswerCheck {
    static func mismatch(spec: DNSSpec, response: DNSResponse, answers: [String]) -> FailureReason? {
        let expect = spec.expect
        let asked = "\(spec.type.rawValue) \(spec.name)"
        guard response.rcodeName == expect.rcode else {
            let kind: FailureReason.Kind = response.rcodeName == "NXDOMAIN" || response.rcodeName == "SERVFAIL" ? .dns : .assertion
            return FailureReason(kind, "\(asked): expected \(expect.rcode), got \(response.rcodeName)")
        }
        if answers.count < expect.minAnswers {
            return FailureReason(.assertion, "\(asked): expected at least \(expect.minAnswers) answer\(expect.minAnswers == 1 ? "" : "s"), got \(answers.count)")
        }
        let have = Set(answers.map(normalized))
        let missing = expect.answers.filter { !have.contains(normalized($0)) }
        if !missing.isEmpty {
            let got = answers.isEmpty ? "none" : answers.joined(separator: ", ")
            return FailureReason(.assertion, "\(asked): expected \(missing.joined(separator: ", ")) among the answers, got \(got)".excerpt(300))
        }
        return nil
    }

    /// `Mail.Example.com.` and `mail.example.com` are one name; TXT quotes are optional in the config.
    static func normalized(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespaces).lowercased()
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
        while value.hasSuffix("."), value.count > 1 { value.removeLast() }
        return value
    }
}
