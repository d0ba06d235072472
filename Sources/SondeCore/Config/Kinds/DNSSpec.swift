/// `dns: name`: one query to one server, judged by its response code and answers.
public struct DNSSpec: Sendable, Equatable {
    public var name: String
    public var type: DNSRecordType
    /// nil: the first `nameserver` of /etc/resolv.conf, read when the probe runs.
    public var server: DNSServer?
    public var expect: DNSExpectations

    public init(name: String, type: DNSRecordType = .a, server: DNSServer? = nil, expect: DNSExpectations = DNSExpectations()) {
        self.name = name
        self.type = type
        self.server = server
        self.expect = expect
    }

    /// `A api.example.com @127.0.0.1:5353`, as dig's users read it.
    public var displayEndpoint: String {
        "\(type.rawValue) \(name)" + (server.map { " @\($0.display)" } ?? "")
    }
}

public struct DNSServer: Sendable, Equatable {
    public var host: String
    public var port: Int

    public init(host: String, port: Int = 53) {
        self.host = host
        self.port = port
    }

    public var display: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// The record types a `dns:` target may ask for, with their numbers on the wire (RFC 1035, 3596, 2782).
public enum DNSRecordType: String, Sendable, Equatable, CaseIterable {
    case a = "A", aaaa = "AAAA", cname = "CNAME", mx = "MX", txt = "TXT", srv = "SRV", ns = "NS", soa = "SOA"

    public var code: UInt16 {
        switch self {
        case .a: 1
        case .ns: 2
        case .cname: 5
        case .soa: 6
        case .mx: 15
        case .txt: 16
        case .aaaa: 28
        case .srv: 33
        }
    }
}

public struct DNSExpectations: Sendable, Equatable {
    /// `NOERROR`, `NXDOMAIN`, `SERVFAIL`, ... as dig prints them.
    public var rcode: String
    /// Each must be among the answers, written as dig prints the record's data (`10 mail.example.com.`
    /// for MX); a trailing dot and letter case do not matter.
    public var answers: [String]
    public var minAnswers: Int

    /// By default a name must resolve: NOERROR with at least one answer (an empty NOERROR, "no
    /// data", is what a deleted record looks like).
    public init(rcode: String = "NOERROR", answers: [String] = [], minAnswers: Int? = nil) {
        self.rcode = rcode
        self.answers = answers
        self.minAnswers = minAnswers ?? (rcode == "NOERROR" ? max(1, answers.count) : 0)
    }
}
