/// One timed part of a probe's exchange, as curl and blackbox_exporter name them.
public struct PhaseTiming: Sendable, Equatable, Codable {
    public var name: String
    public var duration: Duration

    public init(_ name: String, _ duration: Duration) {
        self.name = name
        self.duration = duration
    }

    public static let dns = "dns"
    public static let connect = "connect"
    public static let tls = "tls"
    public static let firstByte = "first_byte"
    public static let total = "total"
    public static let handshake = "handshake"
    public static let roundTrip = "round_trip"
    public static let auth = "auth"
    public static let query = "query"
    public static let lookup = "lookup"
    public static let run = "run"
    /// gRPC: from the connection (or TLS) being up to the server's first SETTINGS frame.
    public static let http2Settings = "http2_settings"
    /// gRPC: from the request written to the end of the response stream (trailers).
    public static let response = "response"
}

/// A figure a service reports about its own dependencies ("postgres 101 ms" in a /health body).
public struct ReportedMetric: Sendable, Equatable, Codable {
    public var name: String
    public var value: Double
    /// The unit a Nagios plugin's perfdata gave (`s`, `%`, `B`, `c`); nil means milliseconds.
    public var unit: String?

    public init(name: String, value: Double, unit: String? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
    }
}

extension ReportedMetric {
    /// `101ms` for a reported latency; `0.000123s`, `55%` for a figure with a unit of its own.
    public var displayValue: String {
        guard let unit else { return Duration.milliseconds(value).humanReadable }
        return PerfDatum.number(value) + unit
    }
}
