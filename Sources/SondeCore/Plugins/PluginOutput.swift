import Foundation

/// What a Nagios / Monitoring Plugins check prints, read as the plugin guidelines define it:
/// `TEXT | PERFDATA` on the first line, then long text, where a later `|` starts more perfdata.
public struct PluginOutput: Sendable, Equatable {
    /// The first line's text, the human part of the verdict.
    public var summary: String
    public var longText: [String]
    public var perfdata: [PerfDatum]

    public init(summary: String, longText: [String] = [], perfdata: [PerfDatum] = []) {
        self.summary = summary
        self.longText = longText
        self.perfdata = perfdata
    }

    public init(parsing text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var perf = ""
        let first = lines.first ?? ""
        if let bar = first.firstIndex(of: "|") {
            summary = String(first[..<bar]).trimmingCharacters(in: .whitespaces)
            perf = String(first[first.index(after: bar)...])
        } else {
            summary = first.trimmingCharacters(in: .whitespaces)
        }
        var long: [String] = []
        var inPerf = false
        for line in lines.dropFirst() {
            if inPerf {
                perf += " " + line
            } else if let bar = line.firstIndex(of: "|") {
                long.append(String(line[..<bar]))
                perf += " " + line[line.index(after: bar)...]
                inPerf = true
            } else {
                long.append(line)
            }
        }
        while long.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { long.removeLast() }
        longText = long
        perfdata = PerfDatum.parseAll(perf)
    }
}

/// One `'label'=value[UOM];[warn];[crit];[min];[max]` item.
public struct PerfDatum: Sendable, Equatable {
    public var label: String
    public var value: Double
    /// `s`, `ms`, `us`, `%`, `B`, `KB`, `MB`, `GB`, `TB`, `c`, or empty for a plain number.
    public var unit: String
    /// Ranges as the plugin wrote them (`10`, `@5:10`, `~:20`), kept as text.
    public var warn: String?
    public var crit: String?
    public var min: Double?
    public var max: Double?

    public init(label: String, value: Double, unit: String = "", warn: String? = nil, crit: String? = nil, min: Double? = nil, max: Double? = nil) {
        self.label = label
        self.value = value
        self.unit = unit
        self.warn = warn
        self.crit = crit
        self.min = min
        self.max = max
    }

    /// Every well-formed item; a malformed one (a plugin's typo) is skipped, not fatal.
    public static func parseAll(_ text: String) -> [PerfDatum] {
        var items: [PerfDatum] = []
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard !rest.isEmpty else { break }
            var label = ""
            if rest.first == "'" {
                // A quoted label may hold spaces and '=' ; a doubled quote is a literal quote.
                var index = rest.index(after: rest.startIndex)
                var closed = false
                while index < rest.endIndex {
                    if rest[index] == "'" {
                        let next = rest.index(after: index)
                        if next < rest.endIndex, rest[next] == "'" {
                            label.append("'")
                            index = rest.index(after: next)
                            continue
                        }
                        closed = true
                        index = next
                        break
                    }
                    label.append(rest[index])
                    index = rest.index(after: index)
                }
                guard closed, index < rest.endIndex, rest[index] == "=" else { break }
                rest = rest[rest.index(after: index)...]
            } else {
                guard let equals = rest.firstIndex(of: "=") else { break }
                label = String(rest[..<equals])
                rest = rest[rest.index(after: equals)...]
            }
            let token = rest.prefix { $0 != " " && $0 != "\t" }
            rest = rest[token.endIndex...]
            if let item = parse(label: label, token: String(token)) { items.append(item) }
        }
        return items
    }

    static func parse(label: String, token: String) -> PerfDatum? {
        let fields = token.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard let first = fields.first, !label.isEmpty else { return nil }
        let numberEnd = first.firstIndex { !("0123456789.-+eE".contains($0)) } ?? first.endIndex
        guard let value = Double(first[..<numberEnd]) else { return nil }
        let unit = String(first[numberEnd...])
        func field(_ i: Int) -> String? { i < fields.count && !fields[i].isEmpty ? fields[i] : nil }
        return PerfDatum(label: label, value: value, unit: unit, warn: field(1), crit: field(2), min: field(3).flatMap(Double.init), max: field(4).flatMap(Double.init))
    }

    /// As the guidelines write it; a label with spaces, `=` or quotes is quoted.
    public var formatted: String {
        let needsQuotes = label.contains { " ='".contains($0) }
        let name = needsQuotes ? "'" + label.replacingOccurrences(of: "'", with: "''") + "'" : label
        var fields = [Self.number(value) + unit, warn ?? "", crit ?? "", min.map(Self.number) ?? "", max.map(Self.number) ?? ""]
        while fields.count > 1, fields.last == "" { fields.removeLast() }
        return "\(name)=\(fields.joined(separator: ";"))"
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6g", value)
    }
}
