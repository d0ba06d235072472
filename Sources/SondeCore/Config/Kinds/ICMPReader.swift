/// Reads an `icmp:` target: `icmp: host`, `count:`, `spacing:` and `expect: { loss: 20% }`.
enum ICMPReader {
    static let keys = ["count", "spacing"]
    static let expectKeys = ["latency", "loss"]

    static func read(endpoint: ConfigNode, map: ConfigMapping, expect: ConfigMapping?) throws(ConfigError) -> ICMPSpec {
        var host = try endpoint.nonEmptyString().trimmingCharacters(in: .whitespaces)
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.contains("/"), !host.contains(" ") else { throw endpoint.error("'\(host)' is not a host name or address") }
        var spec = ICMPSpec(host: host)
        if let count = map["count"] { spec.count = try count.int(in: 1...100) }
        if let spacing = map["spacing"] { spec.spacing = try spacing.duration(allowZero: true) }
        if let loss = expect?["loss"] {
            let text = try loss.string().trimmingCharacters(in: .whitespaces)
            let number = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let value = Double(number.trimmingCharacters(in: .whitespaces)), (0...100).contains(value) else {
                throw loss.error("'\(text)' is not a loss from 0% to 100%")
            }
            spec.maxLossPercent = value
        }
        return spec
    }
}
