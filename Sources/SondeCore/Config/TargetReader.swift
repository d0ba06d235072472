import Foundation

/// Reads one entry of `targets:`. The key naming the kind (`http:`, `postgres:`, ...) decides which
/// other keys apply; a key that belongs to another kind is named as such.
enum TargetReader {
    static let commonKeys = ["name", "interval", "timeout", "expect", "expect_failure"]
    /// The keys a kind adds to a target. A switch, not a table: a new kind makes the compiler ask.
    static func kindKeys(_ kind: TargetKind) -> [String] {
        switch kind {
        case .http: ["method", "headers", "body", "report", "capture", "max_body", "insecure", "ca", "version", "follow_redirects", "trace"] + HTTPClientOptionsReader.keys
        case .websocket: ["headers", "subprotocol", "send", "insecure", "ca", "tls", "resolve", "trace"]
        case .postgres: ["query", "tls"]
        case .redis: ["role"]
        case .clickhouse: ["user", "password", "query", "insecure", "ca"]
        case .tcp: []
        case .dns: DNSReader.keys
        case .icmp: ICMPReader.keys
        case .exec: ExecReader.keys
        case .prometheus: ["query", "report"]
        case .grpc: GRPCReader.keys
        }
    }

    /// The keys a kind's `expect:` takes.
    static func expectKeys(_ kind: TargetKind) -> [String] {
        switch kind {
        case .http: ["status", "latency", "contains", "json", "cert_days"]
        case .websocket: ["latency", "first", "reply", "cert_days"]
        case .postgres, .redis, .tcp: ["latency"]
        case .clickhouse: ["latency", "cert_days"]
        case .dns: DNSReader.expectKeys
        case .icmp: ICMPReader.expectKeys
        case .exec: ExecReader.expectKeys
        case .prometheus: ["value", "latency"]
        case .grpc: GRPCReader.expectKeys
        }
    }

    static var allKeys: [String] {
        commonKeys + TargetKind.allCases.map(\.rawValue) + TargetKind.allCases.flatMap(kindKeys)
    }

    static func read(_ node: ConfigNode, defaults: TargetDefaults) throws(ConfigError) -> Target {
        let map = try node.mapping(allowed: Array(Set(allKeys)).sorted())
        let name = try map.required("name").nonEmptyString()
        let kinds = TargetKind.allCases.filter { map[$0.rawValue] != nil }
        guard let kind = kinds.first else {
            throw node.error("target '\(name)' needs one of: \(TargetKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if kinds.count > 1 {
            throw node.error("target '\(name)' has both '\(kinds[0].rawValue)' and '\(kinds[1].rawValue)'; a target probes one thing")
        }
        let applicable = Set(commonKeys + [kind.rawValue] + kindKeys(kind))
        for key in map.keys where !applicable.contains(key) {
            node.context.errors.append((map[key] ?? node).error("'\(key)' does not apply to \(kind.rawValue) targets"))
        }
        // Each part reports its own problem, so one target with three mistakes shows three.
        var parts = PartReader(context: node.context)
        let interval = parts.read { () throws(ConfigError) in try map["interval"]?.duration() } ?? nil
        let timeout = parts.read { () throws(ConfigError) in try map["timeout"]?.duration() } ?? nil
        let expect = parts.read { () throws(ConfigError) in try map["expect"]?.mapping(allowed: expectKeys(kind)) } ?? nil
        let latency = parts.read { () throws(ConfigError) in try expect?["latency"]?.duration() } ?? nil
        let certificateDays = parts.read { () throws(ConfigError) in try expect?["cert_days"]?.int(in: 0...3650) } ?? nil
        let trace = parts.read { () throws(ConfigError) in try map["trace"]?.bool() } ?? nil
        let probe = parts.read { () throws(ConfigError) in
            try readProbe(kind, map: map, expect: expect).tracing(trace ?? defaults.trace)
        }
        let expectedFailure = parts.read { () throws(ConfigError) in try map["expect_failure"].map(ExpectedFailureReader.read) } ?? nil
        guard let probe, !parts.failed else { throw ConfigError.recordedAbove }
        return Target(
            name: name, interval: interval ?? defaults.interval, timeout: timeout ?? defaults.timeout, latencyTarget: latency,
            probe: probe, expectedFailure: expectedFailure, location: node.location, certificateDays: certificateDays
        )
    }

    private static func readProbe(_ kind: TargetKind, map: ConfigMapping, expect: ConfigMapping?) throws(ConfigError) -> ProbeSpec {
        let endpoint = try map.required(kind.rawValue)
        switch kind {
        case .http:
            return .http(try readHTTP(endpoint: endpoint, map: map, expect: expect))
        case .websocket:
            if let reply = expect?["reply"], map["send"] == nil {
                throw reply.error("needs 'send:': the reply is the first message after the one Sonde sends")
            }
            var spec = WebSocketSpec(
                url: try endpoint.url(schemes: ["ws", "wss"]),
                headers: try map["headers"].map(readHeaders) ?? [],
                subprotocol: try map["subprotocol"]?.nonEmptyString(),
                expectFirst: try expect?["first"].map(readMessageExpectation),
                send: try map["send"]?.string(),
                expectReply: try expect?["reply"].map(readMessageExpectation),
                insecure: try map["insecure"]?.bool() ?? false,
                caFile: try map["ca"].map(readCAFile)
            )
            if let node = map["tls"] {
                guard spec.url.scheme?.lowercased() == "wss" else { throw node.error("tls: applies to wss:// only") }
                let tls = try node.mapping(allowed: HTTPClientOptionsReader.tlsKeys)
                try HTTPClientOptionsReader.readTLS(tls, map: map, client: &spec.client, caFile: &spec.caFile, insecure: &spec.insecure)
            }
            // `proxy:` is not among the websocket keys, so only `resolve:` is read here.
            try HTTPClientOptionsReader.readShared(map, into: &spec.client)
            return .websocket(spec)
        case .postgres:
            let tls: PostgresTLSMode
            if let node = map["tls"] {
                let text = try node.string()
                guard let mode = PostgresTLSMode(rawValue: text) else {
                    throw node.error("unknown TLS mode '\(text)'; use \(PostgresTLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                tls = mode
            } else {
                tls = .prefer
            }
            return .postgres(PostgresSpec(
                url: try endpoint.url(schemes: ["postgres", "postgresql"]),
                query: try map["query"]?.nonEmptyString() ?? "SELECT 1", tls: tls
            ))
        case .redis:
            let url = try endpoint.url(schemes: ["redis", "rediss"])
            // The Redis probe speaks plain RESP only: refuse TLS rather than send AUTH in the clear.
            if url.scheme?.lowercased() == "rediss" { throw endpoint.error("rediss:// (TLS) is not supported yet; use redis://") }
            let db = url.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if !db.isEmpty && Int(db) == nil { throw endpoint.error("database '\(db)' must be a number (redis://host:6379/0)") }
            return .redis(RedisSpec(url: url, role: try map["role"]?.nonEmptyString()))
        case .clickhouse:
            return .clickhouse(ClickHouseSpec(
                url: try endpoint.url(schemes: ["http", "https"]),
                user: try map["user"]?.nonEmptyString(), password: try map["password"]?.string(secret: true).markedSecret(in: map["password"]),
                query: try map["query"]?.nonEmptyString() ?? "SELECT 1",
                insecure: try map["insecure"]?.bool() ?? false, caFile: try map["ca"].map(readCAFile)
            ))
        case .tcp:
            let (host, port) = try HostPortReader.read(endpoint)
            return .tcp(TCPSpec(host: host, port: port))
        case .dns:
            return .dns(try DNSReader.read(endpoint: endpoint, map: map, expect: expect))
        case .icmp:
            return .icmp(try ICMPReader.read(endpoint: endpoint, map: map, expect: expect))
        case .exec:
            return .exec(try ExecReader.read(endpoint: endpoint, map: map, expect: expect))
        case .prometheus:
            return .prometheus(try PrometheusReader.read(endpoint: endpoint, map: map, expect: expect))
        case .grpc:
            return .grpc(try GRPCReader.read(endpoint: endpoint, map: map))
        }
    }

    private static func readHTTP(endpoint: ConfigNode, map: ConfigMapping, expect: ConfigMapping?) throws(ConfigError) -> HTTPSpec {
        var spec = HTTPSpec(url: try endpoint.url(schemes: ["http", "https"]))
        if let m = map["method"] {
            let method = try m.nonEmptyString().uppercased()
            guard method.allSatisfy({ $0.isLetter }) else { throw m.error("'\(method)' is not an HTTP method") }
            spec.method = method
        }
        spec.headers = try map["headers"].map(readHeaders) ?? []
        spec.body = try map["body"]?.string(secret: true)
        if let statusNode = expect?["status"] { spec.expect.status = try readStatus(statusNode) }
        spec.expect.contains = try expect?["contains"]?.nonEmptyString()
        if let json = expect?["json"] {
            var assertions: [JSONAssertion] = []
            for item in try json.listOrSingle() {
                do {
                    assertions.append(try JSONAssertion(try item.nonEmptyString()))
                } catch let e as JSONAssertion.ParseError {
                    throw item.error(e.description)
                } catch let e as ConfigError {
                    throw e
                } catch {
                    throw item.error("\(error)")
                }
            }
            spec.expect.json = assertions
        }
        if let report = map["report"] {
            for (name, pathNode) in try report.freeMapping() {
                spec.report.append((name: name, path: try readPath(pathNode)))
            }
        }
        if let capture = map["capture"] {
            for (name, sourceNode) in try capture.freeMapping() {
                spec.captures.append((name: name, source: try readCaptureSource(sourceNode)))
            }
        }
        if let maxBody = map["max_body"] { spec.maxBodyBytes = try readSize(maxBody) }
        if let insecure = map["insecure"] { spec.insecure = try insecure.bool() }
        if let ca = map["ca"] { spec.caFile = try readCAFile(ca) }
        if let version = map["version"] { spec.version = try readCaptureSource(version) }
        if let redirects = map["follow_redirects"] { spec.followRedirects = try redirects.int(in: 0...20) }
        try HTTPClientOptionsReader.read(into: &spec, map: map)
        return spec
    }

    static func readHeaders(_ node: ConfigNode) throws(ConfigError) -> [Header] {
        var headers: [Header] = []
        for (name, valueNode) in try node.freeMapping() {
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }) else {
                throw valueNode.error("'\(name)' is not a valid header name")
            }
            let expanded = try valueNode.expandedString(secret: true)
            let credentialName = ["authorization", "cookie", "x-api-key", "proxy-authorization"].contains(name.lowercased())
            if credentialName, !expanded.text.isEmpty {
                // A literal credential is still a credential: mask the value and its token part.
                valueNode.context.secrets.append(expanded.text)
                if let token = expanded.text.split(separator: " ", maxSplits: 1).dropFirst().first { valueNode.context.secrets.append(String(token)) }
            }
            guard !expanded.text.contains("\n"), !expanded.text.contains("\r") else {
                throw valueNode.error("header '\(name)' must be on one line")
            }
            headers.append(Header(name: name, value: expanded.text, isSecret: expanded.usedVariables || credentialName))
        }
        return headers
    }

    static func readCAFile(_ node: ConfigNode) throws(ConfigError) -> String {
        let path = try node.nonEmptyString()
        guard FileManager.default.isReadableFile(atPath: path) else { throw node.error("CA file '\(path)' cannot be read") }
        return path
    }

    static func readStatus(_ node: ConfigNode) throws(ConfigError) -> StatusExpectation {
        var ranges: [ClosedRange<Int>] = []
        for item in try node.listOrSingle() {
            let text = try item.string()
            guard let range = StatusExpectation.parse(text) else {
                throw item.error("'\(text)' is not a status; write 200, [200, 204], \"200-299\" or 2xx")
            }
            ranges.append(range)
        }
        guard !ranges.isEmpty else { throw node.error("list at least one status") }
        return StatusExpectation(ranges: ranges)
    }

    static func readPath(_ node: ConfigNode) throws(ConfigError) -> JSONPath {
        let text = try node.nonEmptyString()
        do {
            return try JSONPath(text)
        } catch {
            throw node.error(error.description)
        }
    }

    static func readCaptureSource(_ node: ConfigNode) throws(ConfigError) -> CaptureSource {
        let text = try node.nonEmptyString()
        if text.lowercased().hasPrefix("header:") {
            let name = text.dropFirst("header:".count).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw node.error("'header:' needs a header name (header:X-Version)") }
            return .header(name)
        }
        return .json(try readPath(node))
    }

    static func readMessageExpectation(_ node: ConfigNode) throws(ConfigError) -> MessageExpectation {
        let text = try node.nonEmptyString()
        guard text.hasPrefix("$") else { return .contains(text) }
        do {
            return .json(try JSONAssertion(text))
        } catch {
            throw node.error(error.description)
        }
    }

    static func readSize(_ node: ConfigNode) throws(ConfigError) -> Int {
        let text = try node.string().trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("KIB", 1 << 10), ("MIB", 1 << 20), ("GIB", 1 << 30), ("KB", 1000), ("MB", 1_000_000), ("B", 1)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            if let n = Int(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), n > 0, n <= (1 << 30) / factor {
                return n * factor
            }
            throw node.error("'\(text)' is not a size from 1B to 1GiB")
        }
        if let n = Int(text), n > 0, n <= 1 << 30 { return n }
        throw node.error("'\(text)' is not a size; write it like 512KiB or 1MiB")
    }
}

private extension ProbeSpec {
    /// `trace:` applies to the kinds that send HTTP requests; the reader refuses it on the others.
    /// A `traceparent` in `headers:` is sent as written, and then Sonde claims no trace of its own.
    func tracing(_ on: Bool) -> ProbeSpec {
        func policy(_ headers: [Header]) -> TracePolicy {
            on && !headers.contains { $0.name.lowercased() == TraceContext.headerName } ? .newTrace : .off
        }
        switch self {
        case .http(var spec):
            spec.trace = policy(spec.headers)
            return .http(spec)
        case .websocket(var spec):
            spec.trace = policy(spec.headers)
            return .websocket(spec)
        default:
            return self
        }
    }
}

private extension String {
    /// A password given literally is still a secret.
    func markedSecret(in node: ConfigNode?) -> String {
        if let node, !isEmpty { node.context.secrets.append(self) }
        return self
    }
}

enum ExpectedFailureReader {
    static func read(_ node: ConfigNode) throws(ConfigError) -> ExpectedFailure {
        if node.isMapping {
            let map = try node.mapping(allowed: ["status", "rejected", "timeout", "down", "reason", "description"])
            let description = try map["description"]?.nonEmptyString()
            if let s = map["status"] {
                let code: Int
                if let named = HTTPStatusText.status(in: try s.string()) { code = named } else { code = try s.int(in: 100...599) }
                return ExpectedFailure(condition: .status(code), description: description ?? "HTTP \(code)")
            }
            if let r = map["rejected"] {
                let text = try r.string()
                let code = Int(text)
                if code == nil, (try? r.bool()) != true { throw r.error("'rejected' takes an HTTP status (500) or true") }
                if let code, !(100...599).contains(code) { throw r.error("\(code) is not an HTTP status (100...599)") }
                return ExpectedFailure(condition: .upgradeRejected(code), description: description ?? "WebSocket upgrade rejected\(code.map { " (HTTP \($0))" } ?? "")")
            }
            if let t = map["timeout"], try t.bool() {
                return ExpectedFailure(condition: .timeout, description: description ?? "timeout")
            }
            if let d = map["down"], try d.bool() {
                return ExpectedFailure(condition: .down, description: description ?? "down")
            }
            if let reason = map["reason"] {
                let text = try reason.nonEmptyString()
                return ExpectedFailure(condition: .reasonContains(text), description: description ?? text)
            }
            throw node.error("expect_failure needs one of: status, rejected, timeout, down, reason")
        }
        let text = try node.nonEmptyString().trimmingCharacters(in: .whitespaces)
        if let code = Int(text), (100...599).contains(code) { return ExpectedFailure(condition: .status(code), description: "HTTP \(code)") }
        // `503 Service Unavailable` or `Service Unavailable` as an incident names it: the probe says `HTTP 503`.
        if let code = HTTPStatusText.status(in: text) { return ExpectedFailure(condition: .status(code), description: text) }
        switch text.lowercased() {
        case "timeout", "timeouts": return ExpectedFailure(condition: .timeout, description: "timeout")
        case "down": return ExpectedFailure(condition: .down, description: "down")
        case "rejected", "upgrade rejected", "websocket rejected":
            return ExpectedFailure(condition: .upgradeRejected(nil), description: "WebSocket upgrade rejected")
        default:
            return ExpectedFailure(condition: .reasonContains(text), description: text)
        }
    }
}
