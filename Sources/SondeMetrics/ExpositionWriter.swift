/// Writes a page in either exposition format, family by family. Label values are escaped here
/// and nowhere else; families are written whole (all their samples after one TYPE line), as both
/// formats require.
public struct ExpositionWriter: Sendable {
    public enum Kind: String, Sendable {
        case gauge, counter, histogram
    }

    public let format: ExpositionFormat
    public private(set) var bytes: [UInt8] = []

    public init(format: ExpositionFormat, reservingCapacity capacity: Int = 0) {
        self.format = format
        bytes.reserveCapacity(capacity)
    }

    /// Starts a family. `name` is the family's name; a counter's samples carry `_total` after it.
    public mutating func family(_ name: String, _ kind: Kind, help: String) {
        let typeName = kind == .counter && format == .text ? name + "_total" : name
        append("# HELP ")
        append(typeName)
        append(" ")
        for byte in help.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            default: bytes.append(byte)
            }
        }
        append("\n# TYPE ")
        append(typeName)
        append(" ")
        append(kind.rawValue)
        append("\n")
    }

    /// One sample: `name{labels,extra} value`. `labels` is already rendered (see `LabelSet`).
    public mutating func sample(_ name: String, _ labels: LabelSet, _ extra: [(String, String)] = [], _ value: Double) {
        append(name)
        if !labels.rendered.isEmpty || !extra.isEmpty {
            append("{")
            bytes.append(contentsOf: labels.rendered)
            var first = labels.rendered.isEmpty
            for (key, labelValue) in extra {
                if !first { append(",") }
                first = false
                append(key)
                append("=\"")
                LabelSet.appendEscaped(labelValue, to: &bytes)
                append("\"")
            }
            append("}")
        }
        append(" ")
        append(Self.number(value))
        append("\n")
    }

    /// A counter's sample: `_total` is part of the sample name in both formats.
    public mutating func counter(_ family: String, _ labels: LabelSet, _ extra: [(String, String)] = [], _ value: Int) {
        sample(family + "_total", labels, extra, Double(value))
    }

    /// A histogram's buckets, sum and count.
    public mutating func histogram(_ family: String, _ labels: LabelSet, bounds: [Double], cumulative: [Int], sum: Double, count: Int) {
        for (bound, running) in zip(bounds, cumulative) {
            sample(family + "_bucket", labels, [("le", Self.number(bound))], Double(running))
        }
        sample(family + "_bucket", labels, [("le", "+Inf")], Double(count))
        sample(family + "_sum", labels, [], sum)
        sample(family + "_count", labels, [], Double(count))
    }

    /// Ends the page (OpenMetrics requires `# EOF`).
    public mutating func finish() {
        if format == .openMetrics { append("# EOF\n") }
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Numbers as both parsers read them: integers without a fraction, `+Inf`, `-Inf`, `NaN`.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// Labels rendered once (`target="api",kind="http"`), escaped, then reused for every sample.
public struct LabelSet: Sendable, Equatable {
    public let rendered: [UInt8]

    public init(_ pairs: [(String, String)]) {
        var bytes: [UInt8] = []
        for (index, (key, value)) in pairs.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: key.utf8)
            bytes.append(contentsOf: "=\"".utf8)
            Self.appendEscaped(value, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        rendered = bytes
    }

    public static let empty = LabelSet([])

    /// Adds pairs after these.
    public func adding(_ pairs: [(String, String)]) -> LabelSet {
        guard !pairs.isEmpty else { return self }
        var copy = LabelSet(pairs).rendered
        if !rendered.isEmpty { copy = rendered + [UInt8(ascii: ",")] + copy }
        return LabelSet(rendered: copy)
    }

    private init(rendered: [UInt8]) { self.rendered = rendered }

    /// Backslash, double quote and line feed, as both formats escape them.
    static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: "\\n".utf8)
            default: bytes.append(byte)
            }
        }
    }
}
