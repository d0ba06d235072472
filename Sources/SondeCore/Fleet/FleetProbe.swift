import Foundation

/// The latest probe of one target from one location, as read back from its series.
public struct FleetProbe: Sendable, Equatable {
    public var kind: TargetKind?
    public var status: Status
    public var latency: Duration?
    /// `sonde_last_probe_timestamp_seconds`: tells a new probe from the same one read again.
    public var startedAt: Date?
    public var statusCode: Int?
    public var phases: [PhaseTiming]
    public var environment: String?

    /// Groups one answer's series by target and location. A series without `target` is not a
    /// Sonde target's (a `/probe` job's, a journey's); one without `location` came from an agent
    /// that has none, and is shown under its `instance`.
    public static func read(_ series: [PrometheusSeries]) -> [FleetKey: FleetProbe] {
        var found: [FleetKey: Partial] = [:]
        for item in series {
            guard let target = item.labels["target"], !target.isEmpty else { continue }
            let location = item.labels["location"] ?? item.labels["instance"] ?? "?"
            found[FleetKey(target: target, location: location), default: Partial()].take(item)
        }
        return found.compactMapValues(\.probe)
    }

    private struct Partial {
        var kind: TargetKind?
        var success: Double?
        var verdict: Status?
        var latency: Double?
        var startedAt: Double?
        var statusCode: Double?
        var phases: [(String, Double)] = []
        var environment: String?

        mutating func take(_ item: PrometheusSeries) {
            kind = kind ?? item.labels["kind"].flatMap(TargetKind.init(rawValue:))
            environment = environment ?? item.labels["environment"]
            switch item.name {
            case "probe_success": success = item.value
            case "probe_duration_seconds": latency = item.value
            case "sonde_last_probe_timestamp_seconds": startedAt = item.value
            case "probe_http_status_code": statusCode = item.value
            case "sonde_status":
                if item.value == 1, let status = item.labels["status"].flatMap(Status.init(rawValue:)) { verdict = status }
            default:
                if let phase = item.labels["phase"], item.name.hasSuffix("_duration_seconds") { phases.append((phase, item.value)) }
            }
        }

        var probe: FleetProbe? {
            // sonde_status says slow apart from up; probe_success alone (a blackbox-only series) cannot.
            guard let status = verdict ?? success.map({ $0 == 1 ? Status.up : .down }) else { return nil }
            return FleetProbe(
                kind: kind, status: status,
                latency: latency.flatMap { $0.isFinite && $0 >= 0 ? Duration.seconds($0) : nil },
                startedAt: startedAt.map { Date(timeIntervalSince1970: $0) },
                statusCode: statusCode.flatMap { $0 > 0 && $0 < 1000 ? Int($0) : nil },
                phases: phases.sorted { $0.0 < $1.0 }.compactMap { $0.1.isFinite && $0.1 >= 0 ? PhaseTiming($0.0, .seconds($0.1)) : nil },
                environment: environment
            )
        }
    }
}
