/// Reads a `dns:` target: `dns: name`, `type:`, `server:` and `expect: { rcode, answers, min_answers }`.
enum DNSReader {
    static let keys = ["type", "server"]
    static let expectKeys = ["latency", "rcode", "answers", "min_answers"]
    /// The response codes dig names (RFC 1035 and 6895).
    static let rcodes = ["NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE"]

    static func read(endpoint: ConfigNode, map: ConfigMapping, expect: ConfigMapping?) throws(ConfigError) -> DNSSpec {
        let name = try endpoint.nonEmptyString().trimmingCharacters(in: .whitespaces)
        guard name.utf8.count <= 253, name.split(separator: ".", omittingEmptySubsequences: false).dropLast(name.hasSuffix(".") ? 1 : 0)
            .allSatisfy({ (1...63).contains($0.utf8.count) }) || name == "."
        else {
            throw endpoint.error("'\(name)' is not a DNS name (labels of 1 to 63 characters, 253 in all)")
        }
        var type = DNSRecordType.a
        if let node = map["type"] {
            let text = try node.nonEmptyString().uppercased()
            guard let known = DNSRecordType(rawValue: text) else {
                throw node.error("unknown record type '\(text)'; use \(DNSRecordType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            type = known
        }
        let server = try map["server"].map { node throws(ConfigError) in
            let (host, port) = try HostPortReader.read(node, defaultPort: 53)
            return DNSServer(host: host, port: port)
        }
        var rcode = "NOERROR"
        if let node = expect?["rcode"] {
            rcode = try node.nonEmptyString().uppercased()
            guard rcodes.contains(rcode) else { throw node.error("unknown response code '\(rcode)'; use \(rcodes.joined(separator: ", "))") }
        }
        let answers = try expect?["answers"].map { node throws(ConfigError) in try node.listOrSingle().map { item throws(ConfigError) in try item.nonEmptyString() } } ?? []
        let minAnswers = try expect?["min_answers"]?.int(in: 0...1000)
        return DNSSpec(name: name, type: type, server: server, expect: DNSExpectations(rcode: rcode, answers: answers, minAnswers: minAnswers))
    }
}
