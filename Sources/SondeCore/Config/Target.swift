import Foundation

public enum TargetKind: String, Sendable, Codable, CaseIterable {
    case http, websocket, postgres, redis, clickhouse, tcp, dns, icmp, exec, prometheus, grpc

    /// Where a kind is shown: its dashboard pane and its report section. The one place that
    /// decides it, as an exhaustive switch, so a new kind makes the compiler ask.
    public var group: TargetGroup {
        switch self {
        case .http, .tcp, .dns, .icmp, .exec, .prometheus, .grpc: .services
        case .postgres, .redis, .clickhouse: .databases
        case .websocket: .websockets
        }
    }

    public var isDatabase: Bool { group == .databases }
}

/// The families of targets that views and reports show apart.
public enum TargetGroup: Sendable, CaseIterable {
    case services, databases, websockets
}

/// One thing Sonde watches, as the config describes it, with defaults applied.
///
/// The fields sit behind one shared reference (copied only when a copy is changed): a fleet's
/// target is held by the config, the running job's identity, its job's closure and the
/// dashboard, and each of those held ~150 bytes of fields per target where it now holds a pointer.
public struct Target: Sendable, Equatable {
    struct Fields: Sendable, Equatable {
        var name: String
        var interval: Duration
        var timeout: Duration
        var latencyTarget: Duration?
        var probe: ProbeSpec
        var expectedFailure: ExpectedFailure?
        var location: SourceLocation?
        var certificateDays: Int?
    }

    private var fields: SharedValue<Fields>

    /// One field, read in place and written through the shared reference (copied first if shared).
    private subscript<Value>(_ field: WritableKeyPath<Fields, Value>) -> Value {
        get { fields.value[keyPath: field] }
        set { fields.update { $0[keyPath: field] = newValue } }
    }

    public var name: String { get { self[\.name] } set { self[\.name] = newValue } }
    public var interval: Duration { get { self[\.interval] } set { self[\.interval] = newValue } }
    public var timeout: Duration { get { self[\.timeout] } set { self[\.timeout] = newValue } }
    /// Over this the result is `slow`.
    public var latencyTarget: Duration? { get { self[\.latencyTarget] } set { self[\.latencyTarget] = newValue } }
    public var probe: ProbeSpec { get { self[\.probe] } set { self[\.probe] = newValue } }
    /// A failure the user expects to see, written as in an incident (`sonde check --repro`).
    public var expectedFailure: ExpectedFailure? { get { self[\.expectedFailure] } set { self[\.expectedFailure] = newValue } }
    /// Where the config declared this target, for messages.
    public var location: SourceLocation? { get { self[\.location] } set { self[\.location] = newValue } }
    /// `expect.cert_days`: a certificate expiring within this many days makes the result `slow`.
    public var certificateDays: Int? { get { self[\.certificateDays] } set { self[\.certificateDays] = newValue } }

    public init(
        name: String, interval: Duration, timeout: Duration, latencyTarget: Duration? = nil,
        probe: ProbeSpec, expectedFailure: ExpectedFailure? = nil, location: SourceLocation? = nil, certificateDays: Int? = nil
    ) {
        fields = SharedValue(Fields(
            name: name, interval: interval, timeout: timeout, latencyTarget: latencyTarget, probe: probe,
            expectedFailure: expectedFailure, location: location, certificateDays: certificateDays
        ))
    }

    public var kind: TargetKind { probe.kind }

    public static func == (lhs: Target, rhs: Target) -> Bool {
        lhs.fields.value == rhs.fields.value
    }

    /// Equal but for where the config declares it: a line added above a target leaves its job
    /// as it is. Compares in place, without the copy that clearing `location` would make.
    public func probesAlike(_ other: Target) -> Bool {
        var mine = fields.value
        mine.location = other.location
        return mine == other.fields.value
    }
}

/// Indirect: each kind's spec sits behind one shared reference, so a target's fields are ~150
/// bytes where inline the largest spec made them ~800, and a probe can share its target's spec.
public indirect enum ProbeSpec: Sendable, Equatable {
    case http(HTTPSpec)
    case websocket(WebSocketSpec)
    case postgres(PostgresSpec)
    case redis(RedisSpec)
    case clickhouse(ClickHouseSpec)
    case tcp(TCPSpec)
    case dns(DNSSpec)
    case icmp(ICMPSpec)
    case exec(ExecSpec)
    case prometheus(PrometheusSpec)
    case grpc(GRPCSpec)

    public var kind: TargetKind {
        switch self {
        case .http: .http
        case .websocket: .websocket
        case .postgres: .postgres
        case .redis: .redis
        case .clickhouse: .clickhouse
        case .tcp: .tcp
        case .dns: .dns
        case .icmp: .icmp
        case .exec: .exec
        case .prometheus: .prometheus
        case .grpc: .grpc
        }
    }

    /// The endpoint as it may be shown to a person: passwords masked.
    public var displayEndpoint: String {
        switch self {
        case .http(let s): s.url.redactedDescription
        case .websocket(let s): s.url.redactedDescription
        case .postgres(let s): s.url.redactedDescription
        case .redis(let s): s.url.redactedDescription
        case .clickhouse(let s): s.url.redactedDescription
        case .tcp(let s): "\(s.host):\(s.port)"
        case .dns(let s): s.displayEndpoint
        case .icmp(let s): s.host
        case .exec(let s): s.displayCommand
        case .prometheus(let s): s.url.redactedDescription
        case .grpc(let s): s.displayEndpoint
        }
    }
}

public struct Header: Sendable, Equatable {
    public var name: String
    public var value: String
    /// True when the value came from the environment (or names a credential) and must be masked.
    public var isSecret: Bool

    public init(name: String, value: String, isSecret: Bool) {
        self.name = name
        self.value = value
        self.isSecret = isSecret
    }

    public var displayValue: String { isSecret ? Redactor.mask : value }
}

public struct HTTPSpec: Sendable, Equatable {
    public var url: URL
    public var method: String
    public var headers: [Header]
    public var body: String?
    public var expect: HTTPExpectations
    /// Name -> JSON path of figures the service reports about its dependencies.
    public var report: [(name: String, path: JSONPath)]
    public var captures: [(name: String, source: CaptureSource)]
    public var maxBodyBytes: Int
    public var insecure: Bool
    public var caFile: String?
    /// JSON path or `header:Name` of a version field to watch for deploys.
    public var version: CaptureSource?
    public var followRedirects: Int
    /// mTLS, curl's `--resolve`, a CONNECT proxy and its exceptions, as every HTTP-based kind
    /// reads them.
    public var client: ClientOptions {
        get { setClient?.value ?? ClientOptions() }
        set { setClient = newValue == ClientOptions() ? nil : SharedValue(newValue) }
    }
    /// Behind a reference, nil for none set: ~80 bytes inline in every HTTP target's spec for
    /// options few targets use.
    private var setClient: SharedValue<ClientOptions>?
    /// Offer HTTP/2 by ALPN on https (the server decides); `http2: false` keeps to HTTP/1.1.
    public var http2 = true
    /// Whether requests carry a W3C `traceparent`. Off unless asked: the config turns it on for
    /// targets (`trace:`), while webhook deliveries that reuse the probe send none.
    public var trace: TracePolicy = .off

    public init(
        url: URL, method: String = "GET", headers: [Header] = [], body: String? = nil,
        expect: HTTPExpectations = HTTPExpectations(), report: [(name: String, path: JSONPath)] = [],
        captures: [(name: String, source: CaptureSource)] = [], maxBodyBytes: Int = 1 << 20,
        insecure: Bool = false, caFile: String? = nil, version: CaptureSource? = nil, followRedirects: Int = 0
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.expect = expect
        self.report = report
        self.captures = captures
        self.maxBodyBytes = maxBodyBytes
        self.insecure = insecure
        self.caFile = caFile
        self.version = version
        self.followRedirects = followRedirects
    }

    public static func == (lhs: HTTPSpec, rhs: HTTPSpec) -> Bool {
        lhs.url == rhs.url && lhs.method == rhs.method && lhs.headers == rhs.headers && lhs.body == rhs.body
            && lhs.expect == rhs.expect && lhs.report.map(\.name) == rhs.report.map(\.name)
            && lhs.report.map(\.path) == rhs.report.map(\.path) && lhs.maxBodyBytes == rhs.maxBodyBytes
            && lhs.insecure == rhs.insecure && lhs.caFile == rhs.caFile && lhs.version == rhs.version
            && lhs.captures.map(\.name) == rhs.captures.map(\.name) && lhs.followRedirects == rhs.followRedirects
            && lhs.client == rhs.client && lhs.http2 == rhs.http2 && lhs.trace == rhs.trace
    }
}

/// Where a journey capture or a version comes from: a JSON path into the body, or a header.
public enum CaptureSource: Sendable, Equatable {
    case json(JSONPath)
    case header(String)
}

public struct HTTPExpectations: Sendable, Equatable {
    public var status: StatusExpectation
    public var contains: String?
    public var json: [JSONAssertion]

    public init(status: StatusExpectation = .success, contains: String? = nil, json: [JSONAssertion] = []) {
        self.status = status
        self.contains = contains
        self.json = json
    }
}

public struct WebSocketSpec: Sendable, Equatable {
    public var url: URL
    public var headers: [Header]
    public var subprotocol: String?
    /// What the first server message must satisfy (a JSON assertion or a substring).
    public var expectFirst: MessageExpectation?
    public var send: String?
    public var expectReply: MessageExpectation?
    /// For wss: skip certificate checks, or trust this CA file (PEM) instead of the system's.
    public var insecure: Bool
    public var caFile: String?
    /// Whether the upgrade request carries a W3C `traceparent` (see `HTTPSpec.trace`).
    public var trace: TracePolicy = .off
    /// The http kind's `tls: { cert, key }` (mutual TLS on wss) and `resolve:`; no proxy yet.
    public var client = ClientOptions()

    public init(
        url: URL, headers: [Header] = [], subprotocol: String? = nil, expectFirst: MessageExpectation? = nil,
        send: String? = nil, expectReply: MessageExpectation? = nil, insecure: Bool = false, caFile: String? = nil
    ) {
        self.url = url
        self.headers = headers
        self.subprotocol = subprotocol
        self.expectFirst = expectFirst
        self.send = send
        self.expectReply = expectReply
        self.insecure = insecure
        self.caFile = caFile
    }
}

public enum MessageExpectation: Sendable, Equatable {
    case json(JSONAssertion)
    case contains(String)

    /// nil when the message satisfies the expectation, else what was wrong.
    public func mismatch(in message: String) -> String? {
        switch self {
        case .contains(let needle):
            return message.contains(needle) ? nil : "expected message containing \"\(needle)\", got \(message.excerpt(80))"
        case .json(let assertion):
            return assertion.evaluate(jsonText: message).failureMessage
        }
    }
}

public enum PostgresTLSMode: String, Sendable, Equatable, CaseIterable {
    case disable, prefer, require
    case verifyFull = "verify-full"
}

public struct PostgresSpec: Sendable, Equatable {
    public var url: URL
    public var query: String
    public var tls: PostgresTLSMode

    public init(url: URL, query: String = "SELECT 1", tls: PostgresTLSMode = .prefer) {
        self.url = url
        self.query = query
        self.tls = tls
    }
}

public struct RedisSpec: Sendable, Equatable {
    public var url: URL
    /// Expected replication role (`master`, `slave`/`replica`), if checked.
    public var role: String?

    public init(url: URL, role: String? = nil) {
        self.url = url
        self.role = role
    }
}

public struct ClickHouseSpec: Sendable, Equatable {
    public var url: URL
    public var user: String?
    public var password: String?
    public var query: String
    /// Over https, as the http kind: no verification, or a CA file of one's own.
    public var insecure: Bool
    public var caFile: String?

    public init(url: URL, user: String? = nil, password: String? = nil, query: String = "SELECT 1", insecure: Bool = false, caFile: String? = nil) {
        self.url = url
        self.user = user
        self.password = password
        self.query = query
        self.insecure = insecure
        self.caFile = caFile
    }
}

public struct TCPSpec: Sendable, Equatable {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}

/// `expect_failure:` as written in an incident: what the target should show if the bug is live.
public struct ExpectedFailure: Sendable, Equatable {
    public enum Condition: Sendable, Equatable {
        case status(Int)
        case upgradeRejected(Int?)
        case timeout
        case down
        case reasonContains(String)
    }

    public var condition: Condition
    /// Free text for the report's "expected" column ("Service Unavailable").
    public var description: String

    public init(condition: Condition, description: String) {
        self.condition = condition
        self.description = description
    }

    /// Whether a result shows the expected failure.
    public func isReproduced(by result: ProbeResult) -> Bool {
        let reason = result.reason
        switch condition {
        case .status(let code):
            return result.outcome.statusCode == code && result.status == .down
        case .upgradeRejected(let code):
            guard reason?.kind == .upgradeRejected else { return false }
            return code == nil || result.outcome.statusCode == code
        case .timeout:
            return reason?.kind == .timeout
        case .down:
            return result.status == .down
        case .reasonContains(let text):
            return reason?.message.localizedCaseInsensitiveContains(text) ?? false
        }
    }
}

public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

extension URL {
    /// The URL with any password replaced by `***`, safe to show.
    public var redactedDescription: String {
        guard var components = URLComponents(url: self, resolvingAgainstBaseURL: false) else { return "<url>" }
        if components.password != nil { components.password = Redactor.mask }
        // `***` is percent-encoded by URLComponents; keep it readable.
        return (components.string ?? "<url>").replacingOccurrences(of: "%2A%2A%2A", with: Redactor.mask)
    }
}

extension String {
    /// At most `limit` characters, with an ellipsis when cut.
    public func excerpt(_ limit: Int) -> String {
        let flat = replacingOccurrences(of: "\n", with: " ")
        return flat.count <= limit ? flat : String(flat.prefix(max(0, limit - 1))) + "…"
    }
}
