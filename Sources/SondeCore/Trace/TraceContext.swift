/// A W3C Trace Context `traceparent` (version 00) for one request a probe sends, so a backend's
/// tracing joins its spans to the probe that caused them. Written here rather than taken from
/// swift-w3c-trace-context: Sonde only ever makes a header, never parses or propagates one, and
/// that is two random numbers and a hex string, not a package in every build.
public struct TraceContext: Sendable, Equatable {
    public var traceID: TraceID
    /// The span id of the request itself (the "parent" of whatever the server records).
    public var parentID: UInt64
    /// Sonde always asks for its requests to be recorded: a probe is rare and worth keeping.
    public var sampled: Bool

    public init(traceID: TraceID, parentID: UInt64, sampled: Bool = true) {
        self.traceID = traceID
        self.parentID = parentID
        self.sampled = sampled
    }

    /// A request in the trace the policy says: a trace of its own, or a journey's.
    public static func make(for policy: TracePolicy) -> TraceContext? {
        switch policy {
        case .off: nil
        case .newTrace: TraceContext(traceID: .random(), parentID: randomParentID())
        case .within(let trace): TraceContext(traceID: trace, parentID: randomParentID())
        }
    }

    /// Another request of the same trace (a redirect's next hop).
    public func nextSpan() -> TraceContext {
        TraceContext(traceID: traceID, parentID: Self.randomParentID(), sampled: sampled)
    }

    /// `00-<32 hex trace id>-<16 hex parent id>-<flags>`.
    public var headerValue: String {
        "00-\(traceID.hex)-\(Hex.fixed(parentID))-\(sampled ? "01" : "00")"
    }

    public static let headerName = "traceparent"

    /// All zeroes is invalid in the spec, so it is drawn again.
    private static func randomParentID() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        while true {
            let value = generator.next()
            if value != 0 { return value }
        }
    }
}

/// The 16-byte id every span of one trace shares.
public struct TraceID: Sendable, Hashable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// From its 32 lowercase hex digits (as `hex` writes it); nil for anything else or all zeroes.
    public init?(hex text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 32, digits.allSatisfy(Hex.isLowercaseDigit),
              let high = UInt64(String(decoding: digits[0..<16], as: UTF8.self), radix: 16),
              let low = UInt64(String(decoding: digits[16...], as: UTF8.self), radix: 16),
              high != 0 || low != 0
        else { return nil }
        self.init(high: high, low: low)
    }

    /// Random from the system's generator (getrandom on Linux), as the spec asks: ids that are
    /// unique across every prober and backend without coordination.
    public static func random() -> TraceID {
        var generator = SystemRandomNumberGenerator()
        while true {
            let id = TraceID(high: generator.next(), low: generator.next())
            if id.high != 0 || id.low != 0 { return id }
        }
    }

    public var hex: String { Hex.fixed(high) + Hex.fixed(low) }
    public var description: String { hex }
}

/// Whether a request carries a `traceparent`, and in which trace.
public enum TracePolicy: Sendable, Equatable {
    /// `trace: false` on the target or at the top level.
    case off
    /// Each probe starts a trace of its own (the default).
    case newTrace
    /// The steps of one journey run share this trace id.
    case within(TraceID)
}

enum Hex {
    /// 16 lowercase digits, zero-padded: the fixed width the header's fields have.
    static func fixed(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func isLowercaseDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
